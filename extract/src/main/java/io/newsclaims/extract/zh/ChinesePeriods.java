package io.newsclaims.extract.zh;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds period expressions in Chinese text and normalizes them as the English reader does:
 * 2025年上半年 is "2025-H1", 2025年第二季度 / 二季度 / Q2 "2025-Q2", 2024财年 and 2024年全年 "2024",
 * 2025年至2030年 "2025/2030". 前三季度 (the first three quarters) is "2025-9M", the form of
 * financial reports ("9M 2025"). A half, a quarter or 全年 without a year takes the year in
 * context: the last year the paragraph named, else the article's; 今年 / 去年 / 明年 count from
 * the article's year and are left out when it is unknown. A bare number ("2025") is no period:
 * Chinese writes a year with 年.
 */
final class ChinesePeriods {
    private static final String YEAR = "((?:19|20)\\d{2})";
    private static final Pattern PERIOD = Pattern.compile(
            YEAR + "\\s*年?\\s*(?:至|到|-|—|–|~|～)\\s*" + YEAR + "\\s*年"                                   // 1, 2: span
            + "|(?:" + YEAR + "\\s*(年度|财年|財年|年)?|(今年|本年|去年|上年|明年|前年))\\s*(?:"             // 3 year, 4 its word, 5 relative
            + "(上半年|下半年|上半财年|下半财年|上半財年|下半財年|[Hh][12])"                                 // 6 half
            + "|(?:财年|財年)?第?([一二三四1-4])\\s*季度?(?![度])"                                           // 7 quarter
            + "|[Qq]([1-4])"                                                                               // 8 quarter
            + "|(前三季度|前三个季度|前三個季度)"                                                           // 9 nine months
            + "|(全年|财年|財年|年度)?)"                                                                    // 10 whole year
            + "|(上半年|下半年)|第?([一二三四])季度|(?<![A-Za-z])[Qq]([1-4])(?![0-9])|(前三季度|前三个季度)|(全年)"); // 11-15 without year

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
        List<Period> out = new ArrayList<>();
        Matcher m = PERIOD.matcher(text).region(from, to);
        int inContext = contextYear > 0 ? contextYear : publishedYear;
        while (m.find()) {
            Period p = period(m, inContext, publishedYear);
            if (p != null && m.group(5) != null && text.startsWith("同期", m.end())) {
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

    private static Period period(Matcher m, int contextYear, int publishedYear) {
        if (m.group(1) != null) {
            int y1 = Integer.parseInt(m.group(1));
            int y2 = Integer.parseInt(m.group(2));
            return y2 > y1 ? new Period(y1 + "/" + y2, m.start(), m.end(), y2) : null;
        }
        String sub = subPeriod(m, 6);
        if (m.group(3) != null || m.group(5) != null) {
            int year = m.group(3) != null ? Integer.parseInt(m.group(3)) : relative(m.group(5), publishedYear);
            if (m.group(3) != null && m.group(4) == null && sub == null && m.group(10) == null) {
                return null; // a bare number
            }
            if (year == 0) {
                return sub == null ? null : new Period(sub, m.start(), m.end(), 0);
            }
            return new Period(sub == null ? String.valueOf(year) : year + "-" + sub, m.start(), m.end(), year);
        }
        sub = subPeriod(m, 11);
        String label = sub != null ? sub : "";
        if (contextYear == 0) {
            return sub == null ? null : new Period(sub, m.start(), m.end(), 0);
        }
        return new Period(label.isEmpty() ? String.valueOf(contextYear) : contextYear + "-" + label, m.start(), m.end(),
                contextYear);
    }

    /** The half, quarter or nine months of groups {@code first} to {@code first + 3}, or null (a whole year). */
    private static String subPeriod(Matcher m, int first) {
        String half = m.group(first);
        if (half != null) {
            return half.startsWith("上") || half.endsWith("1") ? "H1" : "H2";
        }
        String quarter = m.group(first + 1) != null ? m.group(first + 1) : m.group(first + 2);
        if (quarter != null) {
            return "Q" + switch (quarter) {
                case "一" -> "1";
                case "二" -> "2";
                case "三" -> "3";
                case "四" -> "4";
                default -> quarter;
            };
        }
        return m.group(first + 3) != null ? "9M" : null;
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
