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

    public static long of(String text) {
        int[] weights = new int[64];
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
                for (int b = 0; b < 64; b++) {
                    weights[b] += ((shingle >>> b) & 1) == 1 ? 1 : -1;
                }
            }
            w2 = w1;
            w1 = h;
        }
        long fingerprint = 0;
        for (int b = 0; b < 64; b++) {
            if (weights[b] > 0) {
                fingerprint |= 1L << b;
            }
        }
        return fingerprint;
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
