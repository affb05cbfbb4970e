package io.newsclaims.records;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Deterministic identifiers: the same input always yields the same id, in every stage and run. */
public final class Ids {
    private Ids() {
    }

    /** Article id: the first 16 bytes of SHA-256 of the canonical URL, in hex. */
    public static String articleId(String canonicalUrl) {
        return sha256Hex(canonicalUrl, 16);
    }

    /** Content hash of an article's text: SHA-256 in hex. */
    public static String contentHash(String text) {
        return sha256Hex(text, 32);
    }

    /** Claim id: the same article and the same figure span give the same id. */
    public static String claimId(String articleId, int start, int end) {
        return sha256Hex(articleId + '#' + start + '-' + end, 16);
    }

    static String sha256Hex(String s, int bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
