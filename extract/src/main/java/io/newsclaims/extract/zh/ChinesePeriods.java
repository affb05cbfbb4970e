package io.newsclaims.extract.zh;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds period expressions in Chinese text and normalizes them as the English reader does:
 * 2025年上半年 is "2025-H1", 2025年第二季度 / 二季度 / Q2 "2025-Q2", 2024财年 and 2024年全年 "2024",
 * 2025年至2030年 "2025/2030". 前三季度 and 1-9月 (the first three quarters) are "2025-9M", the
 * form of financial reports ("9M 2025"); 1-6月 is "2025-H1", 1-3月 "2025-Q1"; 第四财季 "2025-Q4". A half, a quarter or 全年 without a year takes the year in
 * context: the last year the paragraph named, else the article's; 今年 / 去年 / 明年 count from
 * the article's year and are left out when it is unknown. A bare number ("2025") is no period:
 * Chinese writes a year with 年.
 */
final class ChinesePeriods {
    private static final String YEAR = "(?:19|20)\\d{2}";
    private static final String TO = "\\s*[-—–~～至到]\\s*";
    /** The parts of a year: a half, a quarter, the first three quarters, a range of months. */
    private static final String PART = "(?<half>上半年|下半年|上半财年|下半财年|上半財年|下半財年|[Hh][12])"
            + "|(?:财年|財年)?第?(?<quarter>[一二三四1-4])\\s*(?:季度|季|财季|財季)"
            + "|[Qq](?<q>[1-4])(?![0-9A-Za-z])"
            + "|(?<nine>前三季度|前三个季度|前三個季度|前9个月|前九个月|前九個月)"
            + "|(?<from>1|4|7|10)" + TO + "(?<until>3|6|9|12)\\s*月";
    private static final Pattern PERIOD = Pattern.compile(
            "(?<span1>" + YEAR + ")\\s*年?" + TO + "(?<span2>" + YEAR + ")\\s*年"
            + "|(?:(?<year>" + YEAR + ")\\s*(?<yearWord>年度|财年|財年|年)?|(?<relative>今年|本年|去年|上年|明年|前年))\\s*"
            + "(?:" + PART + "|(?<whole>全年|财年|財年|年度))?"
            + "|(?<![A-Za-z0-9])(?:" + PART.replace("?<", "?<bare") + "|(?<barewhole>全年))");

    /** The characters a period expression can start with. */
    private static final String START = "0123456789今本去上下明前第一二三四全QqHh";

    /** A period found in text; {@code year} is the year it names or takes, 0 when unknown. */
    record Period(String value, int start, int end, int year) {
    }

    private ChinesePeriods() {
    }

    /**
     * Periods in {@code text[from, to)}, in text order.
     *
     * @param contextYear   the last year the paragraph named, or 0
     * @param publishedYear the article's year, or 0 when unknown
     */
    static List<Period> find(String text, int from, int to, int contextYear, int publishedYear) {
        if (!mayHoldPeriod(text, from, to)) {
            return List.of();
        }
        List<Period> out = new ArrayList<>();
        Matcher m = PERIOD.matcher(text).useTransparentBounds(true);
        int inContext = contextYear > 0 ? contextYear : publishedYear;
        for (int i = from; i < to; i++) {
            // the pattern is tried only where a period can start: most characters cannot
            if (START.indexOf(text.charAt(i)) < 0 || !m.region(i, to).lookingAt()) {
                continue;
            }
            i = Math.max(i, m.end() - 1);
            Period p = period(m, inContext, publishedYear);
            if (p != null && m.group("relative") != null && text.startsWith("同期", m.end())) {
                p = null; // 去年同期: the comparison's base, not the figure's period
            }
            if (p != null) {
                out.add(p);
                if (p.year() > 0) {
                    inContext = p.year();
                }
            }
        }
        return out;
    }

    /** Every period expression holds 年, 季, 月, 半 or a Q/H with its number: most sentences are passed over without the pattern. */
    private static boolean mayHoldPeriod(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '年' || c == '季' || c == '月' || c == '半' || c == 'Q' || c == 'q' || c == 'H' || c == 'h') {
                return true;
            }
        }
        return false;
    }

    private static Period period(Matcher m, int contextYear, int publishedYear) {
        if (m.group("span1") != null) {
            int y1 = Integer.parseInt(m.group("span1"));
            int y2 = Integer.parseInt(m.group("span2"));
            return y2 > y1 ? new Period(y1 + "/" + y2, m.start(), m.end(), y2) : null;
        }
        if (m.group("year") != null || m.group("relative") != null) {
            String part = part(m, "");
            int year = m.group("year") != null ? Integer.parseInt(m.group("year")) : relative(m.group("relative"), publishedYear);
            if (m.group("year") != null && m.group("yearWord") == null && part == null && m.group("whole") == null) {
                return null; // a bare number
            }
            if (year == 0) {
                return part == null ? null : new Period(part, m.start(), m.end(), 0);
            }
            return new Period(part == null ? String.valueOf(year) : year + "-" + part, m.start(), m.end(), year);
        }
        String part = part(m, "bare");
        if (part == null && m.group("barewhole") == null) {
            return null; // a month range alone names no year's part we can place
        }
        if (contextYear == 0) {
            return part == null ? null : new Period(part, m.start(), m.end(), 0);
        }
        return new Period(part == null ? String.valueOf(contextYear) : contextYear + "-" + part, m.start(), m.end(), contextYear);
    }

    /** The half, quarter, nine months or months of the groups named with {@code prefix}, or null (a whole year). */
    private static String part(Matcher m, String prefix) {
        String half = m.group(prefix + "half");
        if (half != null) {
            return half.startsWith("上") || half.endsWith("1") ? "H1" : "H2";
        }
        String quarter = m.group(prefix + "quarter") != null ? m.group(prefix + "quarter") : m.group(prefix + "q");
        if (quarter != null) {
            return "Q" + switch (quarter) {
                case "一" -> "1";
                case "二" -> "2";
                case "三" -> "3";
                case "四" -> "4";
                default -> quarter;
            };
        }
        if (m.group(prefix + "nine") != null) {
            return "9M";
        }
        String from = m.group(prefix + "from");
        if (from == null) {
            return null;
        }
        return switch (from + "-" + m.group(prefix + "until")) {
            case "1-3" -> "Q1";
            case "4-6" -> "Q2";
            case "7-9" -> "Q3";
            case "10-12" -> "Q4";
            case "1-6" -> "H1";
            case "7-12" -> "H2";
            case "1-9" -> "9M";
            default -> null;
        };
    }

    private static int relative(String word, int publishedYear) {
        if (publishedYear <= 0) {
            return 0;
        }
        return switch (word) {
            case "今年", "本年" -> publishedYear;
            case "去年", "上年" -> publishedYear - 1;
            case "前年" -> publishedYear - 2;
            default -> publishedYear + 1;
        };
    }
}
