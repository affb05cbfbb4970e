package io.newsclaims.app;

import java.io.PrintWriter;
import java.util.List;

/**
 * Rows printed as left-aligned columns two spaces apart, the first row being the header. Columns are
 * as wide as their widest cell on a terminal: a Chinese, Japanese or Korean character, or a fullwidth
 * form, takes two columns ("573亿元" is seven columns wide, not five).
 */
final class TextTable {
    private TextTable() {
    }

    static void print(PrintWriter out, List<String[]> rows) {
        int[] w = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                w[i] = Math.max(w[i], width(r[i]));
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(r[i]);
                if (i + 1 < r.length) {
                    line.append(" ".repeat(w[i] - width(r[i]) + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** Columns a text takes on a terminal. */
    static int width(String s) {
        return s.codePoints().map(TextTable::columns).sum();
    }

    private static int columns(int cp) {
        boolean wide = cp >= 0x1100 && cp <= 0x115F // Hangul Jamo
                || cp >= 0x2E80 && cp <= 0x303E // CJK radicals, symbols and punctuation
                || cp >= 0x3041 && cp <= 0x33FF // kana, CJK compatibility
                || cp >= 0x3400 && cp <= 0x4DBF || cp >= 0x4E00 && cp <= 0x9FFF // CJK ideographs
                || cp >= 0xAC00 && cp <= 0xD7A3 // Hangul syllables
                || cp >= 0xF900 && cp <= 0xFAFF // CJK compatibility ideographs
                || cp >= 0xFF01 && cp <= 0xFF60 || cp >= 0xFFE0 && cp <= 0xFFE6 // fullwidth forms
                || cp >= 0x20000 && cp <= 0x3FFFD; // CJK extensions
        return wide ? 2 : 1;
    }
}
