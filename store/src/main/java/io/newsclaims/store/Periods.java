package io.newsclaims.store;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Periods as claims store them ({@code 2025}, {@code 2025-H1}, {@code 2025-Q2}, {@code 2025/2030}):
 * their granularity, and an order by when they end.
 */
public final class Periods {
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern SPAN = Pattern.compile("(\\d{4})/(\\d{4})");

    /** How long one period of a chart series lasts. */
    public enum Granularity {
        QUARTER, HALF, YEAR;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Latest end first; a span counts as less recent than any single period, no period as least. */
    public static final Comparator<String> LATEST_FIRST = Comparator.comparingInt(Periods::recency).reversed();

    private Periods() {
    }

    /** The granularity of a single period, or null for a span, an unknown form or no period. */
    public static Granularity granularity(String period) {
        if (period == null) {
            return null;
        }
        if (QUARTER.matcher(period).matches()) {
            return Granularity.QUARTER;
        }
        if (HALF.matcher(period).matches()) {
            return Granularity.HALF;
        }
        return YEAR.matcher(period).matches() ? Granularity.YEAR : null;
    }

    /**
     * Months from year 0 to the end of a single period (a year ends in month 12 of it, 2025-Q2 in
     * month 6); a span ranks below every single period, no period lowest.
     */
    static int recency(String period) {
        if (period == null) {
            return Integer.MIN_VALUE;
        }
        Matcher m;
        if ((m = QUARTER.matcher(period)).matches()) {
            return Integer.parseInt(m.group(1)) * 12 + 3 * Integer.parseInt(m.group(2));
        }
        if ((m = HALF.matcher(period)).matches()) {
            return Integer.parseInt(m.group(1)) * 12 + 6 * Integer.parseInt(m.group(2));
        }
        if ((m = YEAR.matcher(period)).matches()) {
            return Integer.parseInt(m.group(1)) * 12 + 12;
        }
        if ((m = SPAN.matcher(period)).matches()) { // a forecast to 2030 is not the latest figure
            return Integer.MIN_VALUE / 2 + Integer.parseInt(m.group(2));
        }
        return Integer.MIN_VALUE + 1;
    }
}
