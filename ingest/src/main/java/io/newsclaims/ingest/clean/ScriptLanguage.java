package io.newsclaims.ingest.clean;

import java.util.Locale;
import java.util.Set;

/**
 * A page's language from the script its text is written in, where the script names one language
 * (Han without kana: Chinese, simplified or traditional; with kana: Japanese; Hangul: Korean), and
 * the choice between that and the language the page declares. Many Chinese sites keep a
 * template's {@code <html lang="en">}, and old GBK and Big5 pages declare none.
 */
public final class ScriptLanguage {
    /** Languages written with Han characters: a page declaring one of them keeps its declaration. */
    private static final Set<String> HAN_LANGUAGES = Set.of("zh", "ja", "ko", "yue", "wuu", "hak", "nan", "gan", "lzh");
    /** Mandarin's ISO 639-3 code stands for the macrolanguage's ISO 639-1 code. */
    private static final String MANDARIN = "cmn";
    /** Enough letters to tell a script by: a headline at least. */
    private static final int MIN_LETTERS = 8;
    /** Letters read: the opening of a text says its script. */
    private static final int MAX_CHARS = 4000;

    private ScriptLanguage() {
    }

    /**
     * The language the script of {@code text} names, or null: "zh" when Han characters are most of
     * the letters and kana few, "ja" when kana are a fifth or more of them, "ko" for Hangul; null
     * for Latin and every other script, which many languages share, and for too short a text.
     */
    public static String ofText(CharSequence text) {
        if (text == null) {
            return null;
        }
        int han = 0;
        int kana = 0;
        int hangul = 0;
        int letters = 0;
        for (int i = 0, n = Math.min(text.length(), MAX_CHARS); i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) { // ASCII, most of most texts: a Latin letter or no letter
                letters += c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' ? 1 : 0;
                continue;
            }
            if (!Character.isLetter(c)) {
                continue;
            }
            letters++;
            if (c >= 0x3040 && c <= 0x30ff) {
                kana++;
            } else if (TextSize.isHanOrKana(c)) {
                han++;
            } else if (c >= 0xac00 && c <= 0xd7a3 || c >= 0x1100 && c <= 0x11ff || c >= 0x3130 && c <= 0x318f) {
                hangul++;
            }
        }
        if (letters < MIN_LETTERS) {
            return null;
        }
        if (2 * (han + kana) > letters) {
            return 5 * kana >= han + kana ? "ja" : "zh";
        }
        return 2 * hangul > letters ? "ko" : null;
    }

    /**
     * The page's language: the declared one (from {@code <html lang>} or meta, as an ISO 639 code),
     * unless the text is written in a script the declared language is not written in; else the
     * script's. So {@code lang="en"} on a page in Chinese is "zh", {@code lang="zh-TW"} is "zh",
     * and an undeclared English page stays null.
     */
    public static String resolve(String declared, CharSequence text) {
        String code = declared == null ? null : declared.toLowerCase(Locale.ROOT);
        if (MANDARIN.equals(code)) {
            code = "zh";
        }
        String script = ofText(text);
        if (script == null || script.equals(code)) {
            return code;
        }
        if (code == null) {
            return script;
        }
        return script.equals("zh") && HAN_LANGUAGES.contains(code) ? code : script;
    }
}
