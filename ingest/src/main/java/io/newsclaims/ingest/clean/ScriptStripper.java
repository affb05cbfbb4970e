package io.newsclaims.ingest.clean;

import java.io.ByteArrayOutputStream;

/**
 * Drops the code inside {@code <script>} and {@code <style>} elements from raw page bytes before
 * parsing, keeping the tags themselves and JSON-LD scripts (metadata reads them). Half the bytes of
 * a typical news page are code that the cleaner throws away anyway; not decoding and tokenizing them
 * makes parsing much faster. An element ends at the first {@code </script} or {@code </style}, as
 * HTML's script data state has it; a {@code <script} inside a comment starts nothing. Works on any ASCII-compatible encoding (UTF-8, the ISO-8859 and
 * Windows code pages, GBK, Big5, Shift_JIS: none uses the byte of '<' inside a character); pages
 * that may be UTF-16 or UTF-32 are returned as they are.
 */
final class ScriptStripper {
    private static final byte[] SCRIPT = {'s', 'c', 'r', 'i', 'p', 't'};
    private static final byte[] STYLE = {'s', 't', 'y', 'l', 'e'};
    private static final byte[] LD_JSON = {'l', 'd', '+', 'j', 's', 'o', 'n'};

    private ScriptStripper() {
    }

    static byte[] strip(byte[] html) {
        if (mayBeWideEncoding(html)) {
            return html;
        }
        ByteArrayOutputStream out = null;
        int copiedUpTo = 0;
        int i = 0;
        int n = html.length;
        while (i < n) {
            int lt = indexOf(html, (byte) '<', i);
            if (lt < 0 || lt + 1 >= n) {
                break;
            }
            if (lt + 3 < n && html[lt + 1] == '!' && html[lt + 2] == '-' && html[lt + 3] == '-') {
                int end = indexOfCommentEnd(html, lt + 4); // a "<script" in a comment starts nothing
                if (end < 0) {
                    break;
                }
                i = end;
                continue;
            }
            byte[] name = startsWithIgnoreCase(html, lt + 1, SCRIPT) ? SCRIPT : startsWithIgnoreCase(html, lt + 1, STYLE) ? STYLE : null;
            int afterName = name == null ? -1 : lt + 1 + name.length;
            if (name == null || afterName >= n || isNameChar(html[afterName])) {
                i = lt + 1;
                continue;
            }
            int tagEnd = indexOf(html, (byte) '>', afterName);
            if (tagEnd < 0) {
                break;
            }
            int close = indexOfCloseTag(html, tagEnd + 1, name);
            if (close < 0) {
                break; // unclosed: let the parser deal with the rest as it is
            }
            boolean keep = name == SCRIPT && containsIgnoreCase(html, afterName, tagEnd, LD_JSON);
            if (!keep && close > tagEnd + 1) {
                if (out == null) {
                    out = new ByteArrayOutputStream(n / 2);
                }
                out.write(html, copiedUpTo, tagEnd + 1 - copiedUpTo);
                copiedUpTo = close;
            }
            i = close + 2;
        }
        if (out == null) {
            return html;
        }
        out.write(html, copiedUpTo, n - copiedUpTo);
        return out.toByteArray();
    }

    /** A BOM of UTF-16/32, or NUL bytes early on: not an ASCII-compatible encoding. */
    private static boolean mayBeWideEncoding(byte[] b) {
        if (b.length >= 2 && ((b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) || (b[0] == (byte) 0xFF && b[1] == (byte) 0xFE))) {
            return true;
        }
        for (int i = 0; i < Math.min(b.length, 512); i++) {
            if (b[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** Just after the {@code -->} that ends a comment, or -1. */
    private static int indexOfCommentEnd(byte[] b, int from) {
        for (int i = from; i + 2 < b.length; i++) {
            if (b[i] == '-' && b[i + 1] == '-' && b[i + 2] == '>') {
                return i + 3;
            }
        }
        return -1;
    }

    /** Where {@code </name} starts at or after {@code from}, or -1. */
    private static int indexOfCloseTag(byte[] b, int from, byte[] name) {
        for (int i = indexOf(b, (byte) '<', from); i >= 0; i = indexOf(b, (byte) '<', i + 1)) {
            if (i + 2 + name.length <= b.length && b[i + 1] == '/' && startsWithIgnoreCase(b, i + 2, name)
                    && (i + 2 + name.length == b.length || !isNameChar(b[i + 2 + name.length]))) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] b, byte c, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWithIgnoreCase(byte[] b, int at, byte[] lower) {
        if (at + lower.length > b.length) {
            return false;
        }
        for (int k = 0; k < lower.length; k++) {
            if ((b[at + k] | 0x20) != lower[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsIgnoreCase(byte[] b, int from, int to, byte[] lower) {
        for (int i = from; i + lower.length <= to; i++) {
            if (startsWithIgnoreCase(b, i, lower)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNameChar(byte c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == ':';
    }
}
