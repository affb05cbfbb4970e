package io.newsclaims.store;

import io.newsclaims.records.Claim;
import io.newsclaims.records.FigureKind;
import io.newsclaims.records.FigureValue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Groups newly stored claims into facts, incrementally and deterministically (claims of a batch
 * are linked in article and offset order). A claim joins:
 * <ol>
 *   <li>the fact of the amount it converts: money in another currency right after money of the
 *       same sentence ("51.8 billion yuan (US$7.3 billion)");</li>
 *   <li>else a fact with the same subject (provider, metric, period, kind) and currency whose value
 *       is equal within rounding: both rounded to the fewer significant digits of the two agree
 *       ("35.8%" and "35.8 per cent"; "36%" and "35.8%"), and the same qualifier ("over", "about");</li>
 *   <li>else a new fact.</li>
 * </ol>
 * Facts of one subject and currency whose values cannot both be true are conflicts ({@link FactReader}).
 * Runs inside the store's batch transaction, so facts and claims commit together.
 */
final class FactLinker {
    private final Database.Dialect dialect;

    FactLinker(Database.Dialect dialect) {
        this.dialect = dialect;
    }

    /** Subject of a claim: what it is about, whatever the value. */
    static String subjectKey(Claim c) {
        return String.join("|", Objects.requireNonNullElse(c.provider(), "-"), c.metric().id(),
                Objects.requireNonNullElse(c.period(), "-"), c.value().kind().id());
    }

    void link(Connection c, List<Claim> inserted) throws SQLException {
        List<Claim> ordered = new ArrayList<>(inserted);
        ordered.sort(Comparator.comparing(Claim::articleId).thenComparingInt(cl -> cl.value().start()));
        for (Claim claim : ordered) {
            String factId = convertedFact(c, claim);
            if (factId == null) {
                factId = matchingFact(c, claim);
            }
            if (factId == null) {
                factId = newFact(c, claim);
            } else {
                try (PreparedStatement ps = c.prepareStatement("UPDATE facts SET sources = sources + 1 WHERE id = ?")) {
                    ps.setString(1, factId);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO fact_claims (claim_id, fact_id) VALUES (?, ?)")) {
                ps.setString(1, claim.id());
                ps.setString(2, factId);
                ps.executeUpdate();
            }
        }
    }

    /** The fact of the amount this claim converts, or null. */
    private static String convertedFact(Connection c, Claim claim) throws SQLException {
        FigureValue v = claim.value();
        if (v.kind() != FigureKind.MONEY) {
            return null;
        }
        String sql = "SELECT fc.fact_id FROM claims p JOIN fact_claims fc ON fc.claim_id = p.id WHERE p.article_id = ?"
                + " AND p.kind = 'money' AND p.currency <> ? AND p.end_offset <= ? AND p.end_offset >= ? AND p.sentence = ?"
                + " ORDER BY p.end_offset DESC";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, claim.articleId());
            ps.setString(2, v.currency());
            ps.setInt(3, v.start());
            ps.setInt(4, v.start() - 3);
            ps.setString(5, claim.sentence());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static String matchingFact(Connection c, Claim claim) throws SQLException {
        String sql = "SELECT id, value_low, value_high, currency, qualifier FROM facts WHERE subject_key = ? ORDER BY created_at, id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, subjectKey(claim));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    BigDecimal low = new BigDecimal(rs.getString(2));
                    BigDecimal high = rs.getString(3) == null ? null : new BigDecimal(rs.getString(3));
                    if (Objects.equals(rs.getString(4), claim.value().currency())
                            && Objects.equals(rs.getString(5), claim.value().qualifier()) && sameValue(claim.value(), low, high)) {
                        return rs.getString(1);
                    }
                }
            }
        }
        return null;
    }

    private String newFact(Connection c, Claim claim) throws SQLException {
        String id = factId(subjectKey(claim), claim.id());
        FigureValue v = claim.value();
        String sql = "INSERT INTO facts (id, subject_key, provider_id, metric, period, kind, currency, value_low, value_high,"
                + " value_text, qualifier, first_claim_id, sources) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            ps.setString(2, subjectKey(claim));
            ps.setString(3, claim.provider());
            ps.setString(4, claim.metric().id());
            ps.setString(5, claim.period());
            ps.setString(6, v.kind().id());
            ps.setString(7, v.currency());
            setDecimal(ps, 8, v.low());
            setDecimal(ps, 9, v.isRange() ? v.number().get(1) : null);
            ps.setString(10, v.text());
            ps.setString(11, v.qualifier());
            ps.setString(12, claim.id());
            ps.executeUpdate();
        }
        return id;
    }

    private void setDecimal(PreparedStatement ps, int i, BigDecimal d) throws SQLException {
        if (d == null) {
            ps.setNull(i, java.sql.Types.NUMERIC);
        } else if (dialect == Database.Dialect.SQLITE) {
            ps.setString(i, d.toPlainString());
        } else {
            ps.setBigDecimal(i, d);
        }
    }

    static boolean sameValue(FigureValue v, BigDecimal low, BigDecimal high) {
        if (v.isRange() != (high != null)) {
            return false;
        }
        return equalWithinRounding(v.low(), low) && (high == null || equalWithinRounding(v.number().get(1), high));
    }

    /** Equal once both are rounded to the fewer significant digits of the two: 35.8 = 36, 7.3e9 = 7.25e9, 35.8 != 35.4. */
    static boolean equalWithinRounding(BigDecimal a, BigDecimal b) {
        BigDecimal x = a.stripTrailingZeros();
        BigDecimal y = b.stripTrailingZeros();
        int digits = Math.max(1, Math.min(x.precision(), y.precision()));
        MathContext mc = new MathContext(digits, RoundingMode.HALF_UP);
        return x.round(mc).compareTo(y.round(mc)) == 0;
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
