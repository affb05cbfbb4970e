package io.newsclaims.extract.zh;

import java.util.Locale;

/**
 * Whether an article is Chinese: its declared language is Chinese ({@code zh}, {@code zh-CN},
 * {@code zh-Hant}...), or Han characters outnumber Latin letters in its text (a page that
 * declares no language, or declares the site's default).
 */
public final class ChineseScript {
    private ChineseScript() {
    }

    /**
     * @param language the article's ISO 639-1 code or language tag, or null
     * @param text     its text
     */
    public static boolean isChinese(String language, String text) {
        if (language != null && language.toLowerCase(Locale.ROOT).startsWith("zh")) {
            return true;
        }
        return hanDominates(text);
    }

    /** Whether Han characters outnumber Latin letters: the script a reader sees most. */
    static boolean hanDominates(String text) {
        int han = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                    latin++;
                }
            } else if (isHan(c)) {
                han++;
            }
        }
        return han > latin;
    }

    /** A Han character of the Basic Multilingual Plane (unified ideographs and their extension A, compatibility ideographs). */
    static boolean isHan(char c) {
        return c >= '\u4E00' && c <= '\u9FFF' || c >= '\u3400' && c <= '\u4DBF' || c >= '\uF900' && c <= '\uFAFF';
    }
}
