package io.newsclaims.extract.zh;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds who a Chinese sentence credits for its figures: 据IDC, 根据Canalys的数据, IDC数据显示,
 * Omdia报告, 来自Synergy Research的数据, 据中国信通院测算. A research firm the name lists know
 * is credited wherever the sentence cites it (by 据 / 根据 / 来自, or by a word of reporting after
 * it: 数据, 报告, 显示, 预测...); an unknown one when a Latin name follows 据 / 根据 / 来自 or
 * precedes a reporting word, or a Chinese name ending in an institution's word (研究院, 咨询,
 * 证券...) follows 据 / 根据.
 */
final class ChineseAttribution {
    private static final Pattern CITING = Pattern.compile("据|來自|来自|援引|依据|依據");
    private static final Pattern REPORTING = Pattern.compile(
            "数据|數據|报告|報告|统计|統計|显示|顯示|表示|指出|称|稱|预测|預測|预计|預計|测算|測算|发布|發布|研究|调研|估计|估計|认为|認為|分析|排名");
    private static final String INSTITUTION_WORDS = "机构|機構";
    private static final Pattern LATIN_CITED = Pattern.compile("(?:据|根据|根據|来自|來自)(?:市场研究|市场调研|第三方|研究|调研|咨询|分析)?(?:"
            + INSTITUTION_WORDS + ")?\\s*([A-Z][A-Za-z&.]*(?:\\s[A-Z&][A-Za-z&.]*)*)");
    private static final Pattern LATIN_REPORTING = Pattern.compile(
            "(?<![A-Za-z])([A-Z][A-Za-z&.]*(?:\\s[A-Z&][A-Za-z&.]*)*)\\s*(?:的)?(?:最新)?(?:发布的)?(?:数据|數據|报告|報告|统计|調研|调研|研究)?\\s*(?:显示|顯示|表明|指出|称|稱|预测|預測|预计|預計|估计|估計)");
    /** Latin words before a reporting word that name no source ("AI预计..."). */
    private static final Set<String> NOT_SOURCES = Set.of("AI", "IT", "GPU", "CPU", "IaaS", "PaaS", "SaaS",
            "CEO", "CFO", "CTO");
    private static final Pattern HAN_INSTITUTION = Pattern.compile(
            "(?:据|根据|根據)(\\p{IsHan}{2,10}?(?:研究院|研究所|咨询|諮詢|顾问|顧問|证券|證券|统计局|統計局|协会|協會|联盟|聯盟|研究中心))");

    private ChineseAttribution() {
    }

    /**
     * The source credited in {@code text[from, to)}, or null.
     *
     * @param names the names found in that sentence, in text order
     */
    static String find(String text, int from, int to, List<ChineseName> names) {
        for (ChineseName n : names) {
            if (n.kind() == ChineseName.Kind.SOURCE && cited(text, from, to, n)) {
                return text.substring(n.start(), n.end());
            }
        }
        if (!mayCite(text, from, to)) {
            return null;
        }
        String sentence = text.substring(from, to);
        Matcher m = LATIN_CITED.matcher(sentence);
        if (m.find() && !namesSubject(names, from + m.start(1)) && !NOT_SOURCES.contains(m.group(1).strip())) {
            return m.group(1).strip();
        }
        m = HAN_INSTITUTION.matcher(sentence);
        if (m.find()) {
            return m.group(1);
        }
        m = LATIN_REPORTING.matcher(sentence);
        while (m.find()) {
            if (!namesSubject(names, from + m.start(1)) && !NOT_SOURCES.contains(m.group(1).strip())) {
                return m.group(1).strip();
            }
        }
        return null;
    }

    /** The patterns of an unknown source need 据 / 來自 / 来自 or a Latin capital: most sentences are passed over without them. */
    private static boolean mayCite(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '据' || c == '據' || c == '自' || c >= 'A' && c <= 'Z') {
                return true;
            }
        }
        return false;
    }

    /** Whether the sentence cites the source: a citing word before it or a reporting word after it. */
    private static boolean cited(String text, int from, int to, ChineseName source) {
        return CITING.matcher(text).region(from, source.start()).find() || REPORTING.matcher(text).region(source.end(), to).find();
    }

    /** Whether a provider or company name starts there ("AWS表示" credits no research firm). */
    private static boolean namesSubject(List<ChineseName> names, int at) {
        return names.stream().anyMatch(n -> n.start() == at && n.kind() != ChineseName.Kind.SOURCE);
    }
}
