package io.newsclaims.store;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Comparator;

/** A fact as the linker sees it while it works through a batch: its value without trailing zeros. */
final class KnownFact {
    final String id;
    /** When it was created, as stored (SQLite's text), or null where only the order of reading tells it. */
    final String createdAt;
    final String currency;
    final String qualifier;
    final BigDecimal low;
    final BigDecimal high;
    /** Creation order among its subject's facts: a claim joins the first created of those it equals. */
    int order;

    KnownFact(String id, String createdAt, String currency, String qualifier, BigDecimal low, BigDecimal high) {
        this.id = id;
        this.createdAt = createdAt;
        this.currency = currency;
        this.qualifier = qualifier;
        this.low = low.stripTrailingZeros();
        this.high = high == null ? null : high.stripTrailingZeros();
    }

    /** Creation order of stored facts: by {@code created_at}, then id (the order of SQLite's ORDER BY on ASCII text). */
    static final Comparator<KnownFact> CREATED_THEN_ID = Comparator.<KnownFact, String>comparing(f -> f.createdAt)
            .thenComparing(f -> f.id);

    /** Equal once both are rounded to the fewer significant digits of the two: 35.8 = 36, 7.3e9 = 7.25e9, 35.8 != 35.4. */
    static boolean equalWithinRounding(BigDecimal a, BigDecimal b) {
        return equalStripped(a.stripTrailingZeros(), b.stripTrailingZeros());
    }

    /** {@link #equalWithinRounding} of values already without trailing zeros. */
    static boolean equalStripped(BigDecimal x, BigDecimal y) {
        int digits = Math.max(1, Math.min(x.precision(), y.precision()));
        MathContext mc = new MathContext(digits, RoundingMode.HALF_UP);
        return x.round(mc).compareTo(y.round(mc)) == 0;
    }
}
