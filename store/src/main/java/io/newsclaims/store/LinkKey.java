package io.newsclaims.store;

import io.newsclaims.records.Claim;
import io.newsclaims.records.FigureValue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * What linking a claim needs that depends on the claim alone: its subject, value windows and the id
 * its own fact would get. Computed before the batch's transaction ({@link ClaimRepository#prepare}),
 * by the store worker's polling thread while the previous batch is written.
 */
final class LinkKey {
    final String subject;
    final List<List<BigDecimal>> windows;
    final String factId;
    /** The value without trailing zeros: its low end, and its high end for a range (else null). */
    final BigDecimal low;
    final BigDecimal high;
    /** The windows after the first that hold one value each (its roundings), without trailing zeros: looked up by equality. */
    final BigDecimal[] points;

    LinkKey(Claim c) {
        this.subject = subjectKey(c);
        this.windows = windows(c.value().low());
        this.factId = factId(subject, c.id());
        FigureValue v = c.value();
        this.low = v.low().stripTrailingZeros();
        this.high = v.isRange() ? v.number().get(1).stripTrailingZeros() : null;
        this.points = new BigDecimal[windows.size() - 1];
        for (int i = 1; i < windows.size(); i++) {
            points[i - 1] = windows.get(i).get(0).stripTrailingZeros();
        }
    }

    /** Subject of a claim: what it is about, whatever the value. */
    static String subjectKey(Claim c) {
        return String.join("|", Objects.requireNonNullElse(c.provider(), "-"), c.metric().id(),
                Objects.requireNonNullElse(c.period(), "-"), c.value().kind().id());
    }

    /**
     * Where the low value of every fact a claim of value {@code x} can be equal to within rounding
     * lies (a superset; {@link KnownFact#equalWithinRounding} decides). With {@code d} the fewer significant digits of
     * the two: a fact with fewer digits than {@code x} equals {@code x} rounded to its digits
     * ({@code 35.8}: 40, 36); one with more rounds to {@code x}, so lies within one unit of the last
     * digit of {@code x} ({@code 35.8}: 35.7 to 35.9).
     */
    static List<List<BigDecimal>> windows(BigDecimal value) {
        BigDecimal x = value.stripTrailingZeros();
        List<List<BigDecimal>> out = new ArrayList<>();
        BigDecimal unit = x.ulp();
        out.add(List.of(x.subtract(unit), x.add(unit)));
        for (int digits = 1; digits < x.precision(); digits++) {
            BigDecimal r = x.round(new MathContext(digits, RoundingMode.HALF_UP));
            out.add(List.of(r, r));
        }
        return out;
    }

    private static String factId(String subject, String claimId) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((subject + "#" + claimId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
