package io.newsclaims.records;

/**
 * 64-bit SimHash of a text over word 3-grams (Charikar 2002): texts that differ in a few words
 * have fingerprints a few bits apart, so syndicated copies of one wire story are found by Hamming
 * distance. Case and punctuation are ignored.
 */
public final class SimHash {
    /**
     * Fingerprints at most this many bits apart are near-duplicates: a 200-word story and the same
     * story with a sign-off line differ by about 5 bits, unrelated texts by about 32.
     */
    public static final int NEAR_DUPLICATE_BITS = 6;

    private SimHash() {
    }

    /**
     * Bit {@code k} of byte value {@code v} in byte lane {@code k}: adding {@code SPREAD[v]} to a
     * long counts the set bits of one byte of a shingle in eight one-byte counters at once, eight
     * additions per shingle instead of 64 (the loop over 64 bits was most of this method's time,
     * the crawler's short-lived JVM running it without vectorisation).
     */
    private static final long[] SPREAD = new long[256];
    /** One-byte counters overflow past 255: they are emptied into int counts before. */
    private static final int LANE_CAPACITY = 255;

    static {
        for (int v = 0; v < 256; v++) {
            long spread = 0;
            for (int k = 0; k < 8; k++) {
                spread |= (long) ((v >>> k) & 1) << (8 * k);
            }
            SPREAD[v] = spread;
        }
    }

    public static long of(String text) {
        long[] lanes = new long[8]; // lanes[j], byte k: how many shingles since the last drain have bit 8j+k set
        int[] ones = new int[64]; // per bit, drained counts
        int inLanes = 0;
        int shingles = 0;
        long w1 = 0;
        long w2 = 0;
        int words = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            long h = 0xcbf29ce484222325L; // FNV-1a over the lower-cased word
            int start = i;
            while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                h ^= Character.toLowerCase(text.charAt(i));
                h *= 0x100000001b3L;
                i++;
            }
            if (i == start) {
                break;
            }
            words++;
            if (words >= 3) {
                long shingle = mix(w2 * 31 + w1 * 17 + h);
                for (int j = 0; j < 8; j++) {
                    lanes[j] += SPREAD[(int) (shingle >>> (8 * j)) & 0xff];
                }
                shingles++;
                if (++inLanes == LANE_CAPACITY) {
                    drain(lanes, ones);
                    inLanes = 0;
                }
            }
            w2 = w1;
            w1 = h;
        }
        drain(lanes, ones);
        long fingerprint = 0;
        for (int b = 0; b < 64; b++) {
            if (2 * ones[b] > shingles) { // more shingles with the bit set than without
                fingerprint |= 1L << b;
            }
        }
        return fingerprint;
    }

    private static void drain(long[] lanes, int[] ones) {
        for (int j = 0; j < 8; j++) {
            for (int k = 0; k < 8; k++) {
                ones[8 * j + k] += (int) ((lanes[j] >>> (8 * k)) & 0xff);
            }
            lanes[j] = 0;
        }
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    public static String hex(long fingerprint) {
        return String.format("%016x", fingerprint);
    }

    public static long parse(String hex) {
        return Long.parseUnsignedLong(hex, 16);
    }

    /** A 64-bit finalizer (SplitMix64), so shingle hashes spread over all bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
