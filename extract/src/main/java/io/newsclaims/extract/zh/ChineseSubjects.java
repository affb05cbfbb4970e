package io.newsclaims.extract.zh;

import io.newsclaims.records.FigureKind;
import io.newsclaims.records.FigureValue;
import io.newsclaims.records.SubjectEvidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which provider each figure of a Chinese sentence is about, by the subject rules of the
 * English reader, in Chinese words. In order of precedence:
 * <ol>
 *   <li>a conversion ("335亿元（约合46亿美元）") has the subject of the amount it converts;</li>
 *   <li>names and figures paired in order by 分别 ("阿里云、华为云分别占35.8%和13.1%"), with the
 *       previous sentence's names when this one names none ("三家份额分别为...");</li>
 *   <li>a combined figure (合计, 共占, 总计, "前五大厂商") or one before a list of names has none;</li>
 *   <li>a figure in brackets right after a name ("华为云（13.1%）");</li>
 *   <li>the nearest company named before the figure, passing over research firms, places after a
 *       company and names in closed brackets; unless it is the object of a comparison (超过, 高于,
 *       领先... before it or its list) and the figure, in a later clause, describes the sentence's
 *       first name; or a later clause speaks of a market (整体市场, 行业); or the provider is a
 *       customer's tool (通过 / 利用 / 借助腾讯云): then the figure is the customer's;</li>
 *   <li>a pronoun (该公司, 其, 它, 公司 opening a clause; 前者 / 后者) refers to the focus;</li>
 *   <li>a sentence that names nobody: a market's words (市场, 行业, 全球...) make it a market's figure,
 *       another business's (自动驾驶, 支付...) nobody's; else it continues the focus of its
 *       paragraph, or the article's topic.</li>
 * </ol>
 * A parent's name means its cloud unit only where the figure's sentence speaks of cloud and of no
 * other business of the group, and the figure's clause not of the group's totals or stock
 * (阿里巴巴集团营收, 腾讯的支付业务, 股价): otherwise the figure has no provider.
 */
final class ChineseSubjects {
    private static final Pattern CONVERSION = Pattern.compile("\\s*[（(]\\s*(?:约合|約合|折合|约|約|合|相当于|相當於)?\\s*");
    private static final List<String> COMBINED = List.of("合计", "合計", "共占", "共佔", "共计", "共計", "总计", "總計", "合共",
            "加起来", "加起來", "一共", "总共", "總共", "合占", "合佔", "共同占", "共拿下", "累计占", "总和", "總和",
            "差距", "差額", "差额");
    private static final List<String> TOP_GROUP = List.of("前三", "前四", "前五", "前十", "头部", "頭部", "三大", "四大", "五大",
            "TOP", "Top", "其他厂商", "其他廠商", "其余", "其餘", "其他云", "其它");
    private static final List<String> COMPARISON = List.of("超过", "超過", "超越", "领先", "領先", "高于", "高於", "低于", "低於",
            "相比", "对比", "對比", "落后于", "落後於", "击败", "擊敗", "赶超", "趕超", "比");
    private static final List<String> MARKET = List.of("市场", "市場", "行业", "行業", "产业", "產業", "全球", "全国", "全國",
            "国内", "國內", "整体", "整體", "总体", "總體", "中国", "中國", "用户", "用戶", "规模", "規模");
    private static final Pattern PRONOUN = Pattern.compile(
            "该公司|該公司|该企业|該企業|这家公司|這家公司|该厂商|該廠商|该集团|該集團|(?<![尤极極与與及])其(?![中他余餘它实實次])|它|(?:^|[，,；:：])\\s*公司");
    /** A group's other businesses: a figure of a parent's name that speaks of one is not its cloud unit's. */
    private static final List<String> OTHER_BUSINESS = List.of("电商", "電商", "广告", "廣告", "游戏", "遊戲", "支付",
            "金融科技", "营销", "營銷", "社交", "外卖", "外賣", "出行", "自动驾驶", "自動駕駛", "App", "APP", "手机", "手機",
            "零售", "物流", "音乐", "音樂", "视频", "視頻", "乘车", "乘車", "打车", "打車");
    private static final List<String> STOCK = List.of("股价", "股價", "股票", "市值", "股份");
    /** A group's totals, after a parent's name: 阿里巴巴集团, 腾讯总营收. */
    private static final List<String> GROUP = List.of("集团", "集團", "总营收", "總營收", "总收入", "總收入", "整体营收", "整體營收");
    private static final List<String> REVENUE = List.of("营收", "營收", "收入", "利润", "利潤", "净利", "淨利");
    private static final List<String> CLOUD = List.of("云", "雲", "算力", "智算", "数据中心", "數據中心", "高性能计算",
            "高性能計算", "IaaS", "PaaS");
    /** Words before a provider's name that make it the tool of someone else's figure: 利用, 通过, 借助... */
    private static final List<String> TOOL = List.of("利用", "使用", "通过", "通過", "借助", "基于", "基於", "采用", "採用",
            "依托", "依託", "接入");

    /** What joins the names of a list: "亚马逊和微软", "A、B与C". */
    private static final Set<String> LIST_JOINS = Set.of("、", "和", "与", "與", "及", "以及", "跟");
    /** Characters between a name and its figure beyond which the name is far. */
    private static final int FAR = 30;

    private ChineseSubjects() {
    }

    /**
     * @param from      start of the sentence
     * @param figures   figures of the sentence, in text order
     * @param names     names of the sentence, in text order
     * @param discourse what the article said before this sentence
     * @return the subject of each figure
     */
    static List<ChineseSubject> link(String text, int from, List<FigureValue> figures, List<ChineseName> names,
                                     ChineseDiscourse discourse) {
        ChineseName[] paired = respectively(text, from, figures, names, discourse);
        List<ChineseSubject> out = new ArrayList<>(figures.size());
        for (int f = 0; f < figures.size(); f++) {
            FigureValue fig = figures.get(f);
            if (f > 0 && isConversion(text, figures.get(f - 1), fig)) {
                out.add(out.get(f - 1));
            } else if (paired != null && paired[f] != null) {
                out.add(paired[f].kind() == ChineseName.Kind.PLACE ? ChineseSubject.none("list")
                        : ChineseSubject.of(paired[f], SubjectEvidence.LIST_POSITION, "list"));
            } else {
                out.add(single(text, from, fig, names, discourse));
            }
        }
        return out;
    }

    private static boolean isConversion(String text, FigureValue previous, FigureValue fig) {
        return previous.kind() == FigureKind.MONEY && fig.kind() == FigureKind.MONEY
                && !previous.currency().equals(fig.currency())
                && CONVERSION.matcher(text).region(previous.end(), fig.start()).matches();
    }

    /**
     * Names paired with the figures after 分别 in order: the figures after each 分别 (up to the
     * next) take the last as many companies or places named before it, or the previous sentence's
     * when this one names none.
     */
    private static ChineseName[] respectively(String text, int from, List<FigureValue> figures, List<ChineseName> names,
                                              ChineseDiscourse discourse) {
        int end = figures.isEmpty() ? from : figures.get(figures.size() - 1).start();
        int at = indexOfRespectively(text, from, end);
        if (at < 0) {
            return null;
        }
        ChineseName[] paired = new ChineseName[figures.size()];
        boolean any = false;
        while (at >= 0) {
            int next = indexOfRespectively(text, at + 2, end + 1);
            int limit = next < 0 ? Integer.MAX_VALUE : next;
            List<Integer> group = new ArrayList<>();
            int previousEnd = at;
            for (int f = 0; f < figures.size(); f++) {
                FigureValue fig = figures.get(f);
                if (fig.start() > at && fig.start() < limit) {
                    if (namedBetween(names, previousEnd, fig.start())) {
                        break; // "分别占据13.2%和11.5%，腾讯云份额为8.4%": the list ended
                    }
                    group.add(f);
                    previousEnd = fig.end();
                }
            }
            int position = at;
            List<ChineseName> before = new ArrayList<>();
            for (ChineseName n : ChineseDiscourse.distinctSubjectsOrPlaces(names)) {
                if (n.end() <= position) {
                    before.add(n);
                }
            }
            if (before.isEmpty() && names.stream().noneMatch(ChineseName::canBeSubject)) {
                before = discourse.previousSubjects();
            }
            if (group.size() >= 2 && before.size() >= group.size()) {
                List<ChineseName> last = before.subList(before.size() - group.size(), before.size());
                for (int g = 0; g < group.size(); g++) {
                    paired[group.get(g)] = last.get(g);
                }
                any = true;
            }
            at = next;
        }
        return any ? paired : null;
    }

    private static boolean namedBetween(List<ChineseName> names, int from, int to) {
        return names.stream().anyMatch(n -> n.start() >= from && n.end() <= to && (n.canBeSubject() || n.kind() == ChineseName.Kind.PLACE));
    }

    /** The offset of 分别 (or 分別) in {@code text[from, to)}, or -1; bounded, so a sentence costs its own length. */
    private static int indexOfRespectively(String text, int from, int to) {
        for (int i = from; i + 1 < to && i + 1 < text.length(); i++) {
            if (text.charAt(i) == '分' && (text.charAt(i + 1) == '别' || text.charAt(i + 1) == '別')) {
                return i;
            }
        }
        return -1;
    }

    private static ChineseSubject single(String text, int from, FigureValue fig, List<ChineseName> names,
                                         ChineseDiscourse discourse) {
        String before = text.substring(from, fig.start());
        String clause = before.substring(clauseStart(before));
        ChineseName bracketed = bracketedAfter(text, fig, names);
        if (bracketed != null) {
            return bracketed.kind() == ChineseName.Kind.PLACE ? ChineseSubject.none("market")
                    : checked(text, from, bracketed, fig, ChineseSubject.of(bracketed, SubjectEvidence.SAME_CLAUSE, "parenthetical"));
        }
        ChineseName nearest = nearestBefore(text, fig, names);
        if (containsAny(clause, COMBINED) || nearest == null && containsAny(clause, TOP_GROUP)) {
            return ChineseSubject.none("combined");
        }
        if (nearest == null && names.stream().filter(n -> n.start() >= fig.end() && n.canBeSubject()).count() >= 2) {
            return ChineseSubject.none("combined"); // "63%的份额被阿里云、华为云和腾讯云瓜分"
        }
        if (nearest != null) {
            return named(text, from, fig, nearest, names);
        }
        Matcher pronoun = PRONOUN.matcher(before);
        String former = before.contains("前者") ? "前者" : before.contains("后者") || before.contains("後者") ? "后者" : null;
        if (former != null && !discourse.previousSubjects().isEmpty()) {
            List<ChineseName> previous = discourse.previousSubjects();
            ChineseName n = former.equals("前者") ? previous.get(0) : previous.get(previous.size() - 1);
            return checked(text, from, n, fig, ChineseSubject.of(n, SubjectEvidence.PRONOUN, "pronoun"));
        }
        if (pronoun.find()) {
            if (discourse.sourceLed() && !pronoun.group().contains("公司")) {
                return ChineseSubject.none("market"); // "IDC发布报告。其预计..."
            }
            ChineseName focus = discourse.focus();
            if (focus != null) {
                return checked(text, from, focus, fig, ChineseSubject.of(focus, SubjectEvidence.PRONOUN, "pronoun"));
            }
            return topic(discourse, "topic");
        }
        String words = before.replace("市场份额", "").replace("市場份額", "").replace("市占率", "");
        if (containsAny(words, MARKET)) {
            return ChineseSubject.none("market");
        }
        if (otherBusiness(text, from, fig)) {
            return ChineseSubject.none("other_business");
        }
        ChineseName focus = discourse.focus();
        if (focus != null && discourse.focusIsRecentAndAlone()) {
            return checked(text, from, focus, fig, ChineseSubject.of(focus, SubjectEvidence.PRONOUN, "zero_anaphor"));
        }
        return topic(discourse, "topic");
    }

    private static ChineseSubject named(String text, int from, FigureValue fig, ChineseName nearest, List<ChineseName> names) {
        if (nearest.kind() == ChineseName.Kind.PLACE) {
            return ChineseSubject.none("market");
        }
        String between = text.substring(nearest.end(), fig.start());
        ChineseName first = names.stream().filter(ChineseName::canBeSubject).findFirst().orElse(nearest);
        if (nearest.isProvider() && usedAsATool(text, nearest)) {
            return ChineseSubject.none("customer"); // "通过腾讯云的系统，库存周转效率提升40%": the user's figure
        }
        if (first != nearest && objectOfComparison(text, firstOfList(text, nearest, names)) && detached(between)) {
            return checked(text, from, first, fig, ChineseSubject.of(first, SubjectEvidence.GRAMMATICAL_SUBJECT, "grammatical_subject"));
        }
        int brk = clauseStart(between);
        if (brk > 0) {
            String later = between.substring(brk);
            if (containsAny(later.replace("市场份额", "").replace("市場份額", ""), MARKET)
                    && !later.contains("份额") && !later.contains("份額") && !later.contains("占") && !PRONOUN.matcher(later).find()) {
                return ChineseSubject.none("market_clause"); // "阿里云排名第一，整体市场同比增长20%"
            }
        }
        String rule = fig.start() - nearest.end() > FAR ? "nearest_far" : "nearest";
        return checked(text, from, nearest, fig, ChineseSubject.of(nearest, SubjectEvidence.SAME_CLAUSE, rule));
    }

    private static boolean usedAsATool(String text, ChineseName name) {
        String before = text.substring(Math.max(0, name.start() - 2), name.start());
        return TOOL.stream().anyMatch(before::endsWith);
    }

    /** The first name of the coordinated list ("亚马逊和微软", "A、B与C") that ends with {@code last}. */
    private static ChineseName firstOfList(String text, ChineseName last, List<ChineseName> names) {
        ChineseName first = last;
        for (int i = names.indexOf(last) - 1; i >= 0; i--) {
            ChineseName n = names.get(i);
            String between = text.substring(Math.min(n.end(), first.start()), first.start()).strip();
            if (!n.canBeSubject() || !LIST_JOINS.contains(between)) {
                break;
            }
            first = n;
        }
        return first;
    }

    /** A comparison word right before the name ("超过AWS", "高于了AWS"). */
    private static boolean objectOfComparison(String text, ChineseName name) {
        String before = text.substring(Math.max(0, name.start() - 4), name.start());
        if (before.endsWith("了")) {
            before = before.substring(0, before.length() - 1);
        }
        for (String word : COMPARISON) {
            if (before.endsWith(word)) {
                return true;
            }
        }
        return false;
    }

    /** The figure hangs off the sentence, not off the name: a clause break between, and no 的 right before the figure. */
    private static boolean detached(String between) {
        return clauseStart(between) > 0 && !between.endsWith("的");
    }

    /**
     * A parent's name ("阿里巴巴", "腾讯") means its cloud unit only where the figure's sentence, up to
     * the end of the figure's clause, speaks of cloud and of no other business of the group: "腾讯的云业务
     * 收入增长" is Tencent Cloud's; "腾讯的支付与云服务收入", "百度App月活", "阿里巴巴集团营收" and "微软营收"
     * are not, nor is the stock ("股价").
     */
    private static ChineseSubject checked(String text, int from, ChineseName name, FigureValue fig, ChineseSubject subject) {
        if (!name.viaParent() || !name.isProvider()) {
            return subject;
        }
        String before = text.substring(from, fig.start());
        // the words from the name to the figure, within the figure's clause
        String between = text.substring(Math.max(from + clauseStart(before), Math.min(name.end(), fig.start())), fig.start());
        String sentence = before + text.substring(fig.end(), clauseEnd(text, fig.end()));
        if (containsAny(between, STOCK)) {
            return new ChineseSubject(null, subject.evidence(), "stock");
        }
        if (containsAny(sentence, OTHER_BUSINESS)) {
            return new ChineseSubject(null, subject.evidence(), "other_business");
        }
        if (containsAny(between, GROUP) || containsAny(between, REVENUE) && !containsAny(between, CLOUD)) {
            return new ChineseSubject(null, subject.evidence(), "parent_business");
        }
        return containsAny(sentence, CLOUD) ? subject : new ChineseSubject(null, subject.evidence(), "parent_business");
    }

    /** A sentence without a name that speaks of another business than cloud ("自动驾驶里程增长"): not the focus's figure. */
    private static boolean otherBusiness(String text, int from, FigureValue fig) {
        String sentence = text.substring(from, fig.start()) + text.substring(fig.end(), clauseEnd(text, fig.end()));
        return containsAny(sentence, OTHER_BUSINESS) && !containsAny(sentence, CLOUD);
    }

    /** The end of the clause that starts at {@code at}: the next clause or sentence break, or the end of the text. */
    private static int clauseEnd(String text, int at) {
        for (int i = at; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '，' || c == ',' || c == '；' || c == '。' || c == '！' || c == '？' || c == '\n') {
                return i;
            }
        }
        return text.length();
    }

    private static ChineseSubject topic(ChineseDiscourse discourse, String rule) {
        return discourse.topic() == null ? ChineseSubject.none("no_subject")
                : new ChineseSubject(discourse.topic(), SubjectEvidence.ARTICLE_TOPIC, rule);
    }

    /** The name right before a bracket that holds the figure: "华为云（13.1%）", "腾讯云(份额9.2%)". */
    private static ChineseName bracketedAfter(String text, FigureValue fig, List<ChineseName> names) {
        for (ChineseName n : names) {
            if (n.end() <= fig.start() && fig.start() - n.end() <= 8) {
                String between = text.substring(n.end(), fig.start());
                int open = Math.max(between.indexOf('（'), between.indexOf('('));
                if (open >= 0 && open <= 1 && between.substring(open + 1).chars().noneMatch(c -> c == '）' || c == ')'
                        || c == '，' || c == '、')) {
                    return n;
                }
            }
        }
        return null;
    }

    /**
     * The company or place named last before the figure: a source is passed over, so is a place
     * after a company ("阿里云在中国的份额" is Alibaba Cloud's) and a name inside brackets closed
     * before the figure.
     */
    private static ChineseName nearestBefore(String text, FigureValue fig, List<ChineseName> names) {
        ChineseName found = null;
        for (ChineseName n : names) {
            if (n.end() > fig.start()) {
                break;
            }
            if (n.kind() == ChineseName.Kind.SOURCE || n.kind() == ChineseName.Kind.PLACE && found != null
                    || found != null && inClosedBracket(text, n.end(), fig.start())) {
                continue;
            }
            found = n;
        }
        return found;
    }

    /** Whether a bracket opened before {@code at} closes before {@code until}. */
    private static boolean inClosedBracket(String text, int at, int until) {
        for (int i = at; i < until; i++) {
            char c = text.charAt(i);
            if (c == '（' || c == '(') {
                return false;
            }
            if (c == '）' || c == ')') {
                return true;
            }
        }
        return false;
    }

    /** Offset in {@code s} after its last clause break (，；：), or 0. */
    private static int clauseStart(String s) {
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == '，' || c == ',' || c == '；' || c == '：' || c == ':') {
                return i + 1;
            }
        }
        return 0;
    }

    private static boolean containsAny(String text, List<String> cues) {
        for (String cue : cues) {
            if (text.contains(cue)) {
                return true;
            }
        }
        return false;
    }
}
