package io.newsclaims.ingest;

import io.newsclaims.records.SimHash;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Finds an earlier article whose text is nearly the same (a syndicated copy of one wire story):
 * SimHash fingerprints at most {@link SimHash#NEAR_DUPLICATE_BITS} bits apart. Fingerprints are
 * indexed in eight 8-bit bands, so a lookup compares only candidates sharing a band (two
 * fingerprints at most 7 bits apart share at least one band). Thread-safe.
 */
final class NearDuplicates {
    private record Entry(long fingerprint, String articleId) {
    }

    private static final int BANDS = 8;

    private final Map<Long, List<Entry>> bands = new ConcurrentHashMap<>();

    void add(long fingerprint, String articleId) {
        Entry e = new Entry(fingerprint, articleId);
        for (int band = 0; band < BANDS; band++) {
            bands.computeIfAbsent(key(band, fingerprint), k -> new CopyOnWriteArrayList<>()).add(e);
        }
    }

    /** The id of an earlier, different article with nearly the same text, or null. */
    String find(long fingerprint, String articleId) {
        for (int band = 0; band < BANDS; band++) {
            for (Entry e : bands.getOrDefault(key(band, fingerprint), List.of())) {
                // the distance first: it rules out nearly every candidate, and costs less than comparing ids
                if (SimHash.distance(e.fingerprint(), fingerprint) <= SimHash.NEAR_DUPLICATE_BITS && !e.articleId().equals(articleId)) {
                    return e.articleId();
                }
            }
        }
        return null;
    }

    private static long key(int band, long fingerprint) {
        return ((long) band << 8) | ((fingerprint >>> (8 * band)) & 0xff);
    }
}
