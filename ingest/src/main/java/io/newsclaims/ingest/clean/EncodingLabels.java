package io.newsclaims.ingest.clean;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Character encoding labels as browsers read them: the label table of the WHATWG Encoding
 * Standard (<a href="https://encoding.spec.whatwg.org/#names-and-labels">names and labels</a>),
 * loaded from {@code encoding-labels.txt}, which names its source. So a page labelled
 * {@code ISO-8859-1}, {@code latin1} or {@code US-ASCII} is decoded as windows-1252, as every
 * browser does and as the pages are written ("€" is byte 0x80 there), not as Java's ISO-8859-1,
 * which turns that byte into a C1 control character.
 */
public final class EncodingLabels {
    /** The standard's encoding names that Java's charsets spell differently, or decode wider. */
    private static final Map<String, String> JAVA_NAMES = Map.ofEntries(
            Map.entry("iso-8859-8-i", "ISO-8859-8"), // the same bytes; -i only says the text is in logical order
            Map.entry("macintosh", "x-MacRoman"),
            Map.entry("windows-874", "x-windows-874"),
            Map.entry("x-mac-cyrillic", "x-MacCyrillic"),
            Map.entry("gbk", "GB18030"), // the standard's gbk decoder is its gb18030 decoder
            Map.entry("big5", "Big5-HKSCS"),
            Map.entry("shift_jis", "windows-31j"),
            Map.entry("euc-kr", "x-windows-949"),
            Map.entry("utf-16le", "UTF-16LE"),
            Map.entry("utf-16be", "UTF-16BE"));

    private static final Map<String, String> LABELS = load();

    private EncodingLabels() {
    }

    /**
     * The charset a label stands for ("latin1" gives windows-1252), or empty when the label is
     * unknown, or names an encoding Java cannot decode ({@code replacement}, {@code x-user-defined}).
     */
    public static Optional<Charset> forLabel(String label) {
        String name = label == null ? null : LABELS.get(trimAsciiWhitespace(label).toLowerCase(Locale.ROOT));
        if (name == null || name.equals("replacement") || name.equals("x-user-defined")) {
            return Optional.empty();
        }
        String javaName = JAVA_NAMES.getOrDefault(name, name);
        try {
            return Charset.isSupported(javaName) ? Optional.of(Charset.forName(javaName)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The charset a {@code <meta>} declaration in the page stands for. As the HTML standard's
     * prescan says (13.2.3.2), a page cannot declare UTF-16 in itself (its ASCII-looking bytes
     * would not be UTF-16): that means UTF-8, and {@code x-user-defined} means windows-1252.
     */
    public static Optional<Charset> forMetaLabel(String label) {
        String name = label == null ? null : LABELS.get(trimAsciiWhitespace(label).toLowerCase(Locale.ROOT));
        if ("utf-16le".equals(name) || "utf-16be".equals(name)) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if ("x-user-defined".equals(name)) {
            return forLabel("windows-1252");
        }
        return forLabel(label);
    }

    private static final Charset GB18030 = Charset.forName("GB18030");

    /**
     * The bytes Java's decoder for {@code charset} reads as the standard's decoder reads
     * {@code bytes}: the same array, except for gb18030 (also every gbk label), whose standard
     * decoder reads a lone byte 0x80 as the euro sign, as Windows' code page 936 writes it, where
     * Java's decoder gives a replacement character; that byte becomes the euro's two-byte form.
     */
    public static byte[] forJavaDecoder(byte[] bytes, Charset charset) {
        if (!GB18030.equals(charset)) {
            return bytes;
        }
        int euros = 0;
        for (int i = 0; i < bytes.length; i = nextGb18030(bytes, i)) {
            euros += (bytes[i] & 0xff) == 0x80 ? 1 : 0;
        }
        if (euros == 0) {
            return bytes;
        }
        byte[] out = new byte[bytes.length + euros];
        int o = 0;
        for (int i = 0; i < bytes.length; ) {
            int next = nextGb18030(bytes, i);
            if ((bytes[i] & 0xff) == 0x80) {
                out[o++] = (byte) 0xA2; // U+20AC in GB18030
                out[o++] = (byte) 0xE3;
            } else {
                System.arraycopy(bytes, i, out, o, next - i);
                o += next - i;
            }
            i = next;
        }
        return out;
    }

    /** Where the gb18030 character at {@code i} ends: one byte, a lead and its trail, or four bytes. */
    private static int nextGb18030(byte[] b, int i) {
        int lead = b[i] & 0xff;
        if (lead <= 0x80 || lead == 0xff) {
            return i + 1;
        }
        boolean fourBytes = i + 1 < b.length && b[i + 1] >= 0x30 && b[i + 1] <= 0x39;
        return Math.min(b.length, i + (fourBytes ? 4 : 2));
    }

    private static String trimAsciiWhitespace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isAsciiWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && isAsciiWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isAsciiWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    private static Map<String, String> load() {
        try (InputStream in = EncodingLabels.class.getResourceAsStream("encoding-labels.txt")) {
            if (in == null) {
                throw new IllegalStateException("encoding-labels.txt is missing from the classpath");
            }
            Map<String, String> labels = new HashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                int colon = l.indexOf(": ");
                if (colon < 0) {
                    throw new IllegalStateException("encoding-labels.txt: no 'name: labels' in line '" + l + "'");
                }
                String name = l.substring(0, colon);
                for (String label : l.substring(colon + 2).trim().split("\\s+")) {
                    labels.put(label, name);
                }
            }
            return Map.copyOf(labels);
        } catch (IOException e) {
            throw new UncheckedIOException("reading encoding-labels.txt", e);
        }
    }
}
