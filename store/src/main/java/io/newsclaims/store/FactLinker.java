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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** A fact as the linker sees it while it works through a batch. */
    private static final class Fact {
        final String id;
        final String currency;
        final String qualifier;
        final BigDecimal low;
        final BigDecimal high;
        int added;

        Fact(String id, String currency, String qualifier, BigDecimal low, BigDecimal high) {
            this.id = id;
            this.currency = currency;
            this.qualifier = qualifier;
            this.low = low;
            this.high = high;
        }
    }

    /**
     * Links the claims a batch inserted: facts of their subjects are read once, matched in memory,
     * and new facts, source counts and links are written as JDBC batches.
     */
    void link(Connection c, List<Claim> inserted) throws SQLException {
        if (inserted.isEmpty()) {
            return;
        }
        List<Claim> ordered = new ArrayList<>(inserted);
        ordered.sort(Comparator.comparing(Claim::articleId).thenComparingInt(cl -> cl.value().start()));
        Map<String, List<Fact>> bySubject = loadFacts(c, ordered);
        Map<String, String> factOfClaim = new HashMap<>();
        Map<String, Claim> previousMoney = new HashMap<>(); // article|sentence -> last money claim of the batch
        List<Claim> newFacts = new ArrayList<>();
        Map<String, Fact> touched = new LinkedHashMap<>();
        for (Claim claim : ordered) {
            String factId = null;
            if (claim.value().kind() == FigureKind.MONEY) {
                Claim before = previousMoney.get(claim.articleId() + "|" + claim.sentence());
                if (before != null && isConversion(before.value(), claim.value())) {
                    factId = factOfClaim.get(before.id());
                } else if (before == null) {
                    factId = convertedFact(c, claim);
                }
                previousMoney.put(claim.articleId() + "|" + claim.sentence(), claim);
            }
            List<Fact> candidates = bySubject.computeIfAbsent(subjectKey(claim), k -> new ArrayList<>());
            if (factId == null) {
                for (Fact f : candidates) {
                    if (Objects.equals(f.currency, claim.value().currency()) && Objects.equals(f.qualifier, claim.value().qualifier())
                            && sameValue(claim.value(), f.low, f.high)) {
                        factId = f.id;
                        f.added++;
                        touched.put(f.id, f);
                        break;
                    }
                }
            } else {
                touched.computeIfAbsent(factId, id -> new Fact(id, null, null, BigDecimal.ZERO, null)).added++;
            }
            if (factId == null) {
                factId = factId(subjectKey(claim), claim.id());
                FigureValue v = claim.value();
                candidates.add(new Fact(factId, v.currency(), v.qualifier(), v.low(), v.isRange() ? v.number().get(1) : null));
                newFacts.add(claim);
            }
            factOfClaim.put(claim.id(), factId);
        }
        insertFacts(c, newFacts);
        try (PreparedStatement ps = c.prepareStatement("UPDATE facts SET sources = sources + ? WHERE id = ?")) {
            for (Fact f : touched.values()) {
                ps.setInt(1, f.added);
                ps.setString(2, f.id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO fact_claims (claim_id, fact_id) VALUES (?, ?)")) {
            for (Claim claim : ordered) {
                ps.setString(1, claim.id());
                ps.setString(2, factOfClaim.get(claim.id()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** "51.8 billion yuan (US$7.3 billion)": money in another currency right after money. */
    private static boolean isConversion(FigureValue before, FigureValue v) {
        return !Objects.equals(before.currency(), v.currency()) && v.start() >= before.end() && v.start() - before.end() <= 3;
    }

    private static Map<String, List<Fact>> loadFacts(Connection c, List<Claim> claims) throws SQLException {
        List<String> subjects = claims.stream().map(FactLinker::subjectKey).distinct().toList();
        Map<String, List<Fact>> out = new HashMap<>();
        for (int from = 0; from < subjects.size(); from += 500) {
            List<String> chunk = subjects.subList(from, Math.min(subjects.size(), from + 500));
            String sql = "SELECT id, subject_key, currency, qualifier, value_low, value_high FROM facts WHERE subject_key IN ("
                    + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ") ORDER BY created_at, id";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(new Fact(rs.getString(1), rs.getString(3),
                                rs.getString(4), new BigDecimal(rs.getString(5)),
                                rs.getString(6) == null ? null : new BigDecimal(rs.getString(6))));
                    }
                }
            }
        }
        return out;
    }

    /** The fact of a stored claim this one converts (stored by an earlier batch), or null. */
    private static String convertedFact(Connection c, Claim claim) throws SQLException {
        FigureValue v = claim.value();
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

    private void insertFacts(Connection c, List<Claim> claims) throws SQLException {
        String sql = "INSERT INTO facts (id, subject_key, provider_id, metric, period, kind, currency, value_low, value_high,"
                + " value_text, qualifier, first_claim_id, sources) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Claim claim : claims) {
                FigureValue v = claim.value();
                ps.setString(1, factId(subjectKey(claim), claim.id()));
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
                ps.addBatch();
            }
            ps.executeBatch();
        }
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
