package io.newsclaims.records;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SimHashTest {
    /** The fingerprints stored by earlier crawls must not change: SimHash.of counts bits as this plain version did. */
    @Test
    void givesTheFingerprintsOfTheBitByBitCount() {
        Random random = new Random(12);
        String[] vocabulary = {"Alibaba", "Cloud", "held", "a", "35.8%", "share", "in", "H1", "2025,", "per", "Omdia.",
                "阿里云", "以26.1%的份额位居第一", "“market”", "—", "US$7.3", "billion", "\n\n", "AWS", "growth"};
        for (int words : new int[] {0, 1, 2, 3, 4, 254, 256, 257, 258, 600, 5_000}) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < words; w++) {
                text.append(vocabulary[random.nextInt(vocabulary.length)]).append(random.nextInt(9) == 0 ? ", " : " ");
            }
            assertEquals(bitByBit(text.toString()), SimHash.of(text.toString()), words + " words");
        }
    }

    /** SimHash.of as first written: one weight per bit, one step per bit of each shingle. */
    private static long bitByBit(String text) {
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
            long h = 0xcbf29ce484222325L;
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
                long z = w2 * 31 + w1 * 17 + h;
                z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
                z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
                long shingle = z ^ (z >>> 31);
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
}
