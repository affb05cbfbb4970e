package io.newsclaims.store;

import static io.newsclaims.store.KnownFact.CREATED_THEN_ID;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored facts of the subjects linked lately, every fact of each, kept from one batch to the
 * next, so that a batch reads from the database only the facts added since the previous one, not the
 * some 15,000 facts in its claims' value windows (their query and their parsing were about a third of the
 * writer thread's time on SQLite, half of it and a quarter of the database's on PostgreSQL). Always read
 * inside the batch's transaction, so what it holds is what the database holds:
 * <ul>
 *   <li>facts are only ever added (the store deletes and updates none), and each new one gets a number
 *       above those of the facts committed before it: SQLite's rowid (one writer at a time), PostgreSQL's
 *       {@code seq}, taken under a lock held from linking to commit ({@link FactLinker#link}, migration V13). So the
 *       facts added since the last batch, by this writer or by another writing the same database, are
 *       those with a number above the greatest one seen; they are read at the start of each batch and
 *       put in their place in creation order ({@code created_at}, then id), as the windowed query's sort
 *       put them. The facts of this linker's own batch are read back so too, in the next batch, as the
 *       database stores them (values as its NUMERIC columns give them back);</li>
 *   <li>facts removed or changed by hand empty the cache, which is filled again: SQLite's number of
 *       facts is checked against the rows seen, PostgreSQL's count of such statements
 *       ({@code facts_removals}, kept by a trigger) against the one seen;</li>
 *   <li>a subject not held is read whole, by the index {@code facts_subject_value}, in the same
 *       transaction as the added facts, and no other writer can commit facts in between (SQLite: one writer;
 *       PostgreSQL: the lock above, already held, though each statement there has a snapshot of its own), so no
 *       fact is missed or read twice;</li>
 *   <li>what a batch reads is committed data, so a batch rolled back leaves the cache right; its own new
 *       facts are never put in the cache, only read back once committed.</li>
 * </ul>
 * Matching a claim looks only at the facts in its value windows, so holding every fact of the subject
 * links exactly as the windowed query did. At most {@code maxFacts} facts are kept, the subjects used
 * least recently dropped first.
 */
final class FactCache {
    /** The facts numbered above the first parameter and up to the second. */
    private final String addedSql;
    private final String ofSubjectSql;
    /** The greatest number and the check: SQLite's number of facts, PostgreSQL's count of removals. */
    private final String endSql;
    /** Whether the check is the number of facts, so grows with the rows added (SQLite). */
    private final boolean checkCountsFacts;
    private final int maxFacts;
    /** By subject key, the least recently used first. */
    private final LinkedHashMap<String, SubjectFacts> subjects = new LinkedHashMap<>(256, 0.75f, true);
    private int facts;
    /** The greatest number of a fact read (SQLite's rowid, PostgreSQL's seq); -1 before the first batch. */
    private long seenNumber = -1;
    /** The check read with {@link #seenNumber} (SQLite's number of facts, PostgreSQL's count of removals). */
    private long seenCheck;

    FactCache(Database.Dialect dialect, int maxFacts) {
        boolean pg = dialect == Database.Dialect.POSTGRESQL;
        String number = pg ? "f.seq" : "f.rowid";
        String packed = pg ? PackedFact.POSTGRESQL : PackedFact.SQLITE;
        this.addedSql = "SELECT " + number + ", f.subject_key, " + packed + " FROM facts f WHERE " + number + " > ? AND "
                + number + " <= ?";
        this.ofSubjectSql = "SELECT " + packed + " FROM facts f WHERE f.subject_key = ?";
        this.endSql = pg ? "SELECT (SELECT max(seq) FROM facts), (SELECT removals FROM facts_removals)"
                : "SELECT (SELECT max(rowid) FROM facts), (SELECT count(*) FROM facts)";
        this.checkCountsFacts = !pg;
        this.maxFacts = maxFacts;
    }

    /** After reading the facts added since the last batch: the ids of the facts held, in creation order, by subject. */
    Map<String, List<String>> held(Connection c) throws SQLException {
        readAdded(c);
        Map<String, List<String>> out = new HashMap<>();
        subjects.forEach((key, subject) -> out.put(key, subject.inOrder.stream().map(f -> f.id).toList()));
        return out;
    }

    /** The stored facts of {@code batchSubjects}, every fact of each, by subject key (a subject without facts is left out). */
    Map<String, SubjectFacts> subjects(Connection c, String[] batchSubjects) throws SQLException {
        readAdded(c);
        Map<String, SubjectFacts> out = new HashMap<>();
        PreparedStatement ofSubject = null;
        try {
            for (String key : batchSubjects) {
                if (out.containsKey(key)) {
                    continue;
                }
                SubjectFacts subject = subjects.get(key);
                if (subject == null) {
                    if (ofSubject == null) {
                        ofSubject = c.prepareStatement(ofSubjectSql);
                    }
                    subject = read(ofSubject, key);
                    subjects.put(key, subject);
                    facts += subject.size();
                }
                out.put(key, subject);
            }
        } finally {
            if (ofSubject != null) {
                ofSubject.close();
            }
        }
        // the batch keeps what it was given; the cache drops what it cannot hold
        var it = subjects.values().iterator();
        while (facts > maxFacts && it.hasNext()) {
            facts -= it.next().size();
            it.remove();
        }
        return out;
    }

    /** Puts the facts added since the last batch in the subjects held; empties the cache when rows went missing. */
    private void readAdded(Connection c) throws SQLException {
        long endNumber;
        long check;
        try (PreparedStatement ps = c.prepareStatement(endSql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            endNumber = rs.getLong(1);
            check = rs.getLong(2);
        }
        if (seenNumber < 0 || subjects.isEmpty() || endNumber < seenNumber) {
            reset(endNumber, check);
            return;
        }
        if (endNumber == seenNumber) {
            if (check != seenCheck) {
                reset(endNumber, check);
            }
            return;
        }
        Map<SubjectFacts, List<KnownFact>> added = new HashMap<>();
        long rows = 0;
        try (PreparedStatement ps = c.prepareStatement(addedSql)) {
            ps.setLong(1, seenNumber);
            ps.setLong(2, endNumber);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    SubjectFacts subject = subjects.get(rs.getString(2));
                    if (subject != null) {
                        added.computeIfAbsent(subject, k -> new ArrayList<>()).add(PackedFact.parse(rs.getString(3)));
                    }
                }
            }
        }
        if (check != seenCheck + (checkCountsFacts ? rows : 0)) {
            reset(endNumber, check);
            return;
        }
        for (Map.Entry<SubjectFacts, List<KnownFact>> e : added.entrySet()) {
            e.getValue().sort(CREATED_THEN_ID);
            int before = e.getKey().size();
            for (KnownFact f : e.getValue()) {
                e.getKey().insert(f);
            }
            facts += e.getKey().size() - before;
        }
        seenNumber = endNumber;
        seenCheck = check;
    }

    private void reset(long endNumber, long check) {
        subjects.clear();
        facts = 0;
        seenNumber = endNumber;
        seenCheck = check;
    }

    /** Every stored fact of one subject, in creation order. */
    private static SubjectFacts read(PreparedStatement ofSubject, String key) throws SQLException {
        List<KnownFact> rows = new ArrayList<>();
        ofSubject.setString(1, key);
        try (ResultSet rs = ofSubject.executeQuery()) {
            while (rs.next()) {
                rows.add(PackedFact.parse(rs.getString(1)));
            }
        }
        rows.sort(CREATED_THEN_ID);
        SubjectFacts subject = new SubjectFacts();
        for (KnownFact f : rows) {
            subject.append(f);
        }
        return subject;
    }
}
