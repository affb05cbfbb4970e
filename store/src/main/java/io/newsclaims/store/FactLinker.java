package io.newsclaims.store;

import io.newsclaims.records.Claim;
import io.newsclaims.records.FigureKind;
import io.newsclaims.records.FigureValue;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
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
    private static final String FACT_COLUMNS = "id, subject_key, provider_id, metric, period, kind, currency, value_low,"
            + " value_high, value_text, qualifier, first_claim_id";

    /** SQLite's time format for {@code created_at}, that of its column default {@code strftime('%Y-%m-%dT%H:%M:%fZ', 'now')}. */
    private static final java.time.format.DateTimeFormatter SQLITE_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    /** The most stored facts a linker keeps between batches ({@link FactCache}): about 30 MB of heap (some 300 bytes a fact). */
    static final int CACHED_FACTS = 100_000;

    private final Database.Dialect dialect;
    /** The stored facts of the subjects linked lately, kept between batches; null when none are kept. */
    private final FactCache cache;

    FactLinker(Database.Dialect dialect) {
        this(dialect, CACHED_FACTS);
    }

    /** @param cachedFacts the most stored facts kept between batches; 0 reads a batch's candidates from the database every time */
    FactLinker(Database.Dialect dialect, int cachedFacts) {
        this.dialect = dialect;
        this.cache = cachedFacts > 0 ? new FactCache(dialect, cachedFacts) : null;
    }

    /**
     * What the cache holds once brought up to date on {@code c}: the ids of the stored facts of each subject
     * held, in creation order (empty without a cache). For tests, which compare it with the database.
     */
    Map<String, List<String>> cachedFactIds(Connection c) throws SQLException {
        return cache == null ? Map.of() : cache.held(c);
    }

    /**
     * The facts of one subject a batch's claims may join, by value: the stored ones ({@link SubjectFacts}), then those
     * the batch creates, in the order it creates them. A claim looks only at those whose value lies in one of its
     * {@link #windows}, the superset of those it can equal, not at every fact of the subject (a batch of 5,000
     * claims has about 50 per subject, each with some 150 candidates: comparing all was most of the linker's time).
     */
    private static final class Candidates {
        private final SubjectFacts stored;
        private final SubjectFacts created = new SubjectFacts();

        Candidates(SubjectFacts stored) {
            this.stored = stored;
        }

        /** Adds a fact this batch creates, after every stored one and those it created before. */
        void add(KnownFact f) {
            created.append(f);
            f.order += stored.size();
        }

        /**
         * The first created fact that {@code v} equals within rounding, with the same currency and qualifier, or null:
         * a stored fact if one matches (all were created before the batch's), else one the batch created.
         */
        KnownFact firstEqual(FigureValue v, LinkKey d) {
            KnownFact f = stored.firstEqual(v, d);
            return f != null || created.size() == 0 ? f : created.firstEqual(v, d);
        }
    }

    /** No stored fact: the subject of a claim whose subject has none. */
    private static final SubjectFacts NO_FACTS = new SubjectFacts();

    /**
     * Links the claims a batch is about to insert (none of them stored yet) and returns each claim's fact
     * id, which the caller stores in the claim's row ({@code claims.fact_id}, migration V10): the facts
     * they could join are read in one query (on SQLite, kept between batches by {@link FactCache}, which reads
     * only the facts added since), matched in memory, and new facts are written set-wise (on
     * PostgreSQL: COPY; on SQLite: one prepared statement run for each row, which costs less there than a
     * multi-row statement's compilation); conversions of amounts stored by earlier batches are looked up in
     * one query. A fact joined is not written: its number of sources is its claims' count, read with it
     * ({@link FactReader}; migration V11 dropped the {@code sources} column that every join raised).
     *
     * The new facts are written by {@link #insertFacts}, the transaction's last statement.
     *
     * @param derivedById what was derived from the claims beforehand, by claim id (others are derived here)
     * @return the fact id of each claim, by claim id, and the facts to create
     */
    synchronized Links link(Connection c, List<Claim> inserted, Map<String, LinkKey> derivedById)
            throws SQLException {
        if (inserted.isEmpty()) {
            return new Links(Map.of(), List.of());
        }
        if (dialect == Database.Dialect.POSTGRESQL) {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                ps.setLong(1, FACTS_LOCK);
                ps.executeQuery().close();
            }
        }
        List<Claim> ordered = new ArrayList<>(inserted);
        ordered.sort(Comparator.comparing(Claim::articleId).thenComparingInt(cl -> cl.value().start()));
        String[] subjects = new String[ordered.size()];
        LinkKey[] derived = new LinkKey[ordered.size()];
        List<List<List<BigDecimal>>> windows = new ArrayList<>(ordered.size());
        for (int i = 0; i < subjects.length; i++) {
            LinkKey d = derivedById.get(ordered.get(i).id());
            derived[i] = d != null ? d : new LinkKey(ordered.get(i));
            subjects[i] = derived[i].subject;
            windows.add(derived[i].windows);
        }
        Map<String, SubjectFacts> stored = cache != null ? cache.subjects(c, subjects) : loadFacts(c, subjects, windows);
        Map<String, Candidates> bySubject = new HashMap<>();
        Map<String, List<StoredMoney>> storedMoney = loadStoredMoney(c, ordered);
        Map<String, String> factOfClaim = new HashMap<>();
        Map<String, Claim> previousMoney = new HashMap<>(); // article|sentence -> last money claim of the batch
        List<NewFact> newFacts = new ArrayList<>();
        for (int i = 0; i < subjects.length; i++) {
            Claim claim = ordered.get(i);
            FigureValue v = claim.value();
            String factId = null;
            if (v.kind() == FigureKind.MONEY) {
                Claim before = previousMoney.get(claim.articleId() + "|" + claim.sentence());
                if (before != null && isConversion(before.value(), v)) {
                    factId = factOfClaim.get(before.id());
                } else {
                    factId = convertedFact(storedMoney, claim);
                }
                previousMoney.put(claim.articleId() + "|" + claim.sentence(), claim);
            }
            Candidates candidates = bySubject.computeIfAbsent(subjects[i],
                    k -> new Candidates(stored.getOrDefault(k, NO_FACTS)));
            if (factId == null) {
                KnownFact f = candidates.firstEqual(v, derived[i]);
                factId = f == null ? null : f.id;
            }
            if (factId == null) {
                factId = derived[i].factId;
                candidates.add(new KnownFact(factId, null, v.currency(), v.qualifier(), v.low(), v.isRange() ? v.number().get(1) : null));
                newFacts.add(new NewFact(claim, derived[i]));
            }
            factOfClaim.put(claim.id(), factId);
        }
        return new Links(factOfClaim, newFacts);
    }

    /** What {@link #link} decided: each claim's fact id, by claim id, and the facts to create, in the claims' order. */
    record Links(Map<String, String> factOfClaim, List<NewFact> newFacts) {
    }

    /** A fact to create: the claim it is first made of, and what was derived from that claim. */
    record NewFact(Claim claim, LinkKey key) {
    }

    /** "51.8 billion yuan (US$7.3 billion)": money in another currency right after money. */
    private static boolean isConversion(FigureValue before, FigureValue v) {
        return !Objects.equals(before.currency(), v.currency()) && v.start() >= before.end() && v.start() - before.end() <= 3;
    }

    /**
     * The stored facts the batch's claims could join, by subject, in the order they were created:
     * only those whose value lies in one of the claims' {@link #windows}, not every fact of the
     * subject (a subject collects thousands). One query per chunk of whole subjects.
     */
    private Map<String, SubjectFacts> loadFacts(Connection c, String[] subjects, List<List<List<BigDecimal>>> windows)
            throws SQLException {
        Map<String, List<List<BigDecimal>>> bySubject = new LinkedHashMap<>();
        for (int i = 0; i < subjects.length; i++) {
            bySubject.computeIfAbsent(subjects[i], k -> new ArrayList<>()).addAll(windows.get(i));
        }
        Map<String, SubjectFacts> out = new HashMap<>();
        List<Map.Entry<String, List<List<BigDecimal>>>> chunk = new ArrayList<>();
        int windowsInChunk = 0;
        for (Map.Entry<String, List<List<BigDecimal>>> e : bySubject.entrySet()) {
            e.setValue(merge(e.getValue()));
            if (windowsInChunk + e.getValue().size() > MAX_WINDOWS_PER_QUERY && !chunk.isEmpty()) {
                loadFacts(c, chunk, windowsInChunk, out);
                chunk.clear();
                windowsInChunk = 0;
            }
            chunk.add(e);
            windowsInChunk += e.getValue().size();
        }
        if (!chunk.isEmpty()) {
            loadFacts(c, chunk, windowsInChunk, out);
        }
        return out;
    }

    /**
     * The union of closed value ranges as disjoint ranges, ascending: the windows of a subject's claims
     * overlap (35.7 to 35.9 and 35.8 to 36.0; the roundings 36 and 40 of many claims), and each range
     * left is one index scan that reads each fact in it once, so no fact is read twice and the query
     * needs no DISTINCT.
     */
    static List<List<BigDecimal>> merge(List<List<BigDecimal>> ranges) {
        List<List<BigDecimal>> sorted = new ArrayList<>(ranges);
        sorted.sort((a, b) -> a.get(0).compareTo(b.get(0)));
        List<List<BigDecimal>> out = new ArrayList<>();
        BigDecimal lo = null;
        BigDecimal hi = null;
        for (List<BigDecimal> r : sorted) {
            if (lo != null && r.get(0).compareTo(hi) <= 0) {
                if (r.get(1).compareTo(hi) > 0) {
                    hi = r.get(1);
                }
                continue;
            }
            if (lo != null) {
                out.add(List.of(lo, hi));
            }
            lo = r.get(0);
            hi = r.get(1);
        }
        if (lo != null) {
            out.add(List.of(lo, hi));
        }
        return out;
    }

    private static final int MAX_WINDOWS_PER_QUERY = 3000;

    private void loadFacts(Connection c, List<Map.Entry<String, List<List<BigDecimal>>>> subjects, int windows,
                           Map<String, SubjectFacts> out) throws SQLException {
        // the ranges of a subject are disjoint (merged): each fact is read once, no DISTINCT
        String columns = "SELECT f.id, f.subject_key, f.currency, f.qualifier, f.value_low, f.value_high, f.created_at";
        String order = " ORDER BY f.created_at, f.id";
        boolean pg = dialect == Database.Dialect.POSTGRESQL;
        // PostgreSQL: three array parameters, one statement text it plans once, and one index scan per window
        // whatever the table's statistics say (OFFSET 0 keeps the subquery from being flattened into a join
        // the planner may run as a merge join over every fact of the subjects, as it did with stale statistics);
        // SQLite: a VALUES list, each window looked up in the index
        String sql = pg ? columns + " FROM unnest(?::text[], ?::numeric[], ?::numeric[]) AS w(subject, lo, hi)"
                + " CROSS JOIN LATERAL (SELECT * FROM facts WHERE subject_key = w.subject AND value_low BETWEEN w.lo AND w.hi"
                + " OFFSET 0) f" + order
                : "SELECT w.n, " + PackedFact.SQLITE + " FROM facts f JOIN (SELECT column1 AS subject, column2 AS lo, column3 AS hi, column4 AS n FROM ("
                        + MultiRow.sql("", "(?, CAST(? AS NUMERIC), CAST(? AS NUMERIC), ?)", windows, "").strip() + ")) AS w"
                        + " ON f.subject_key = w.subject AND f.value_low BETWEEN w.lo AND w.hi";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (pg) {
                List<String> keys = new ArrayList<>(windows);
                List<BigDecimal> lows = new ArrayList<>(windows);
                List<BigDecimal> highs = new ArrayList<>(windows);
                for (Map.Entry<String, List<List<BigDecimal>>> e : subjects) {
                    for (List<BigDecimal> w : e.getValue()) {
                        keys.add(e.getKey());
                        lows.add(w.get(0));
                        highs.add(w.get(1));
                    }
                }
                ps.setArray(1, c.createArrayOf("text", keys.toArray()));
                ps.setArray(2, c.createArrayOf("numeric", lows.toArray()));
                ps.setArray(3, c.createArrayOf("numeric", highs.toArray()));
            } else {
                int i = 1;
                for (int n = 0; n < subjects.size(); n++) {
                    Map.Entry<String, List<List<BigDecimal>>> e = subjects.get(n);
                    for (List<BigDecimal> w : e.getValue()) {
                        ps.setString(i++, e.getKey());
                        ps.setString(i++, w.get(0).toPlainString());
                        ps.setString(i++, w.get(1).toPlainString());
                        ps.setInt(i++, n);
                    }
                }
                List<List<KnownFact>> rows = new ArrayList<>(subjects.size());
                for (int n = 0; n < subjects.size(); n++) {
                    rows.add(new ArrayList<>());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.get(rs.getInt(1)).add(PackedFact.parse(rs.getString(2)));
                    }
                }
                for (int n = 0; n < subjects.size(); n++) {
                    List<KnownFact> facts = rows.get(n);
                    if (facts.isEmpty()) {
                        continue;
                    }
                    facts.sort(KnownFact.CREATED_THEN_ID);
                    SubjectFacts subject = out.computeIfAbsent(subjects.get(n).getKey(), k -> new SubjectFacts());
                    for (KnownFact f : facts) {
                        subject.append(f);
                    }
                }
                return;
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(2), k -> new SubjectFacts()).append(new KnownFact(rs.getString(1), null, rs.getString(3),
                            rs.getString(4), new BigDecimal(rs.getString(5)),
                            rs.getString(6) == null ? null : new BigDecimal(rs.getString(6))));
                }
            }
        }
    }

    /** A money claim stored by an earlier batch, with its fact: what a conversion in this batch may join, or the conversion of one. */
    private record StoredMoney(String sentence, String currency, int start, int end, String factId) {
    }

    /**
     * Money claims stored (and linked) by earlier batches in the articles of this batch's money
     * claims, by article: one query per chunk of articles, not one per claim.
     */
    private static Map<String, List<StoredMoney>> loadStoredMoney(Connection c, List<Claim> claims) throws SQLException {
        List<String> articles = claims.stream().filter(cl -> cl.value().kind() == FigureKind.MONEY).map(Claim::articleId)
                .distinct().toList();
        Map<String, List<StoredMoney>> out = new HashMap<>();
        MultiRow.forEachChunk(c, "SELECT p.article_id, p.sentence, p.currency, p.start_offset, p.end_offset, p.fact_id FROM claims p"
                + " WHERE p.kind = 'money' AND p.fact_id IS NOT NULL AND p.article_id IN", articles, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new StoredMoney(rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getString(6)));
                }
            }
        });
        return out;
    }

    /**
     * The fact of a stored claim (stored by an earlier batch, as an article's claims are spread over partitions) that
     * is the other half of a conversion with this one, or null: money in another currency of the same sentence ending
     * at most 3 characters before it (this one converts it: the nearest first), else starting at most 3 after it (it
     * converts this one, "51.8 billion yuan (US$7.3 billion)" stored in the order US$ first).
     */
    private static String convertedFact(Map<String, List<StoredMoney>> storedMoney, Claim claim) {
        FigureValue v = claim.value();
        StoredMoney before = null;
        StoredMoney after = null;
        for (StoredMoney p : storedMoney.getOrDefault(claim.articleId(), List.of())) {
            if (p.currency() == null || v.currency() == null || p.currency().equals(v.currency())
                    || !Objects.equals(p.sentence(), claim.sentence())) {
                continue;
            }
            if (p.end() <= v.start() && p.end() >= v.start() - 3 && (before == null || p.end() > before.end())) {
                before = p;
            } else if (p.start() >= v.end() && p.start() <= v.end() + 3 && (after == null || p.start() < after.start())) {
                after = p;
            }
        }
        return before != null ? before.factId() : after == null ? null : after.factId();
    }

    /**
     * Advisory lock a PostgreSQL transaction holds from linking its claims to its commit: a writer links
     * seeing every fact the others made (two store workers linking one value at once each made a fact of
     * it, as neither saw the other's, uncommitted), and facts are numbered ({@code seq}) in commit order
     * ({@link FactCache}). Writers wait for one another while they link, copy and commit their claims and
     * facts; articles and summaries are written before it is taken.
     */
    static final long FACTS_LOCK = 0x6e77736661637473L; // "nwsfacts"

    /**
     * Writes the new facts of {@code links}: the last statement of the batch's transaction (on PostgreSQL
     * under {@link #FACTS_LOCK}, which {@link #link} took).
     */
    void insertFacts(Connection c, Links links) throws SQLException {
        List<NewFact> facts = links.newFacts();
        if (facts.isEmpty()) {
            return;
        }
        if (dialect == Database.Dialect.POSTGRESQL) {
            copyFacts(c, facts);
            return;
        }
        // one creation time for the batch's facts, as PostgreSQL's now() (the transaction's start) gives them there:
        // facts of one batch tie and are ordered by id when a later batch reads them, whatever milliseconds their
        // rows took to insert (SQLite's default, 'now', is the time of each statement)
        String createdAt = SQLITE_TIME.format(java.time.Instant.now());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO facts (" + FACT_COLUMNS + ", created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (NewFact fact : facts) {
                Claim claim = fact.claim();
                FigureValue v = claim.value();
                ps.setString(1, fact.key().factId);
                ps.setString(2, fact.key().subject);
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
                ps.setString(13, createdAt);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** New facts, each of a claim new in this transaction (its id derives from the claim's): copied, no conflict to check. */
    private static void copyFacts(Connection c, List<NewFact> facts) throws SQLException {
        PgCopy copy = new PgCopy();
        for (NewFact fact : facts) {
            Claim claim = fact.claim();
            FigureValue v = claim.value();
            copy.value(fact.key().factId).value(fact.key().subject).value(claim.provider()).value(claim.metric().id())
                    .value(claim.period()).value(v.kind().id()).value(v.currency()).value(v.low())
                    .value(v.isRange() ? v.number().get(1) : null).value(v.text()).value(v.qualifier()).value(claim.id())
                    .endRow();
        }
        copy.into(c, "facts", FACT_COLUMNS);
    }

    /** SQLite: an exact decimal as its text (a double would round it). */
    private static void setDecimal(PreparedStatement ps, int i, BigDecimal d) throws SQLException {
        if (d == null) {
            ps.setNull(i, java.sql.Types.NUMERIC);
        } else {
            ps.setString(i, d.toPlainString());
        }
    }


}
