package io.newsclaims.ingest.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Labels read with the WHATWG Encoding Standard's table, and pages decoded with them as browsers do. */
class EncodingLabelsTest {
    /** "€96 million", then “quoted” and ’ in windows-1252 bytes: 0x80, 0x93, 0x94, 0x92. */
    private static final byte[] CP1252_TEXT = {(byte) 0x80, '9', '6', ' ', 'm', 'i', 'l', 'l', 'i', 'o', 'n', ',', ' ',
            (byte) 0x93, 'q', 'u', 'o', 't', 'e', 'd', (byte) 0x94, ' ', 'i', 't', (byte) 0x92, 's'};
    private static final String DECODED = "\u20AC96 million, \u201Cquoted\u201D it\u2019s";

    private final ArticleCleaner cleaner = new ArticleCleaner();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "ISO-8859-1, windows-1252", "latin1, windows-1252", "US-ASCII, windows-1252", "ascii, windows-1252",
            "l1, windows-1252", "' iso_8859-1:1987 ', windows-1252", "windows-1252, windows-1252",
            "utf8, UTF-8", "UNICODE-1-1-UTF-8, UTF-8", "iso-8859-9, windows-1254", "latin5, windows-1254",
            "tis-620, x-windows-874", "gb2312, GB18030", "gbk, GB18030", "big5, Big5-HKSCS", "sjis, windows-31j",
            "euc-kr, x-windows-949", "koi8-r, KOI8-R", "iso-8859-15, ISO-8859-15", "utf-16, UTF-16LE"})
    void readsALabelAsTheStandardSays(String label, String charset) {
        assertEquals(Optional.of(Charset.forName(charset)), EncodingLabels.forLabel(label));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"", "utf-7", "x-user-defined", "iso-2022-kr", "hz-gb-2312", "latin-1", "unicode"})
    void aLabelTheStandardDoesNotDecodeGivesNothing(String label) {
        assertEquals(Optional.empty(), EncodingLabels.forLabel(label));
    }

    @Test
    void aMetaTagCannotDeclareUtf16() {
        assertEquals(Optional.of(Charset.forName("UTF-8")), EncodingLabels.forMetaLabel("utf-16le"));
        assertEquals(Optional.of(Charset.forName("windows-1252")), EncodingLabels.forMetaLabel("x-user-defined"));
    }

    @ParameterizedTest(name = "header {0}")
    @ValueSource(strings = {"ISO-8859-1", "latin1", "US-ASCII", "iso_8859-1"})
    void aPageLabelledLatin1InTheHeaderIsDecodedAsWindows1252(String label) {
        CleanedPage page = cleaner.clean(page(""), label, "https://news.example/a");
        assertEquals(DECODED + " " + FILLER, page.text());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"<meta charset=\"ISO-8859-1\">", "<meta charset=latin1>",
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=us-ascii\">"})
    void aPageLabelledLatin1InItsMetaTagIsDecodedAsWindows1252(String meta) {
        CleanedPage page = cleaner.clean(page(meta), null, "https://news.example/a");
        assertEquals(DECODED + " " + FILLER, page.text());
        assertTrue(page.text().chars().noneMatch(c -> c >= 0x80 && c < 0xA0), "no C1 control characters");
    }

    @Test
    void aByteOrderMarkStillWinsOverTheLabels() {
        String html = "<html><head><meta charset=latin1></head><body><article><p>\u20AC96 million " + FILLER
                + "</p></article></body></html>";
        byte[] utf8 = html.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] withBom = new byte[utf8.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);
        assertEquals("\u20AC96 million " + FILLER, cleaner.clean(withBom, "ISO-8859-1", "https://news.example/a").text());
    }

    private static final String FILLER = "Alibaba Cloud paid for the data centre, Omdia said in its latest market report.";

    private static byte[] page(String meta) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("<html><head>" + meta + "<title>T</title></head><body><article><p>").getBytes(Charset.forName("US-ASCII")));
        out.writeBytes(CP1252_TEXT);
        out.writeBytes((" " + FILLER + "</p></article></body></html>").getBytes(Charset.forName("US-ASCII")));
        return out.toByteArray();
    }

    @Test
    void theEuroByteOfCodePage936ReadsAsTheEuroInGb18030() {
        Charset gb18030 = Charset.forName("GB18030");
        byte[] cp936 = {(byte) 0x80, '5', (byte) 0xD4, (byte) 0xAA, (byte) 0x81, (byte) 0x80, (byte) 0x81, 0x30, (byte) 0x81, 0x30};
        String read = new String(EncodingLabels.forJavaDecoder(cp936, gb18030), gb18030);
        assertEquals("\u20ac5\u5143" + new String(new byte[] {(byte) 0x81, (byte) 0x80}, gb18030) + "\u0080", read,
                "a lone 0x80 is the euro; as a trail byte and inside a four-byte character it stays");
        byte[] plain = "元".getBytes(gb18030);
        assertSame(plain, EncodingLabels.forJavaDecoder(plain, gb18030), "nothing to change: the same bytes");
        byte[] latin = {(byte) 0x80};
        assertSame(latin, EncodingLabels.forJavaDecoder(latin, Charset.forName("windows-1252")), "other charsets: untouched");
    }

    @Test
    void anUndeclaredPageThatIsNotUtf8IsReadInTheDetectedEncoding() {
        byte[] html = ("<html><body><article><p>" + "Caf\u00e9 owners na\u00efvely said the \u201cnew\u201d r\u00e9sum\u00e9 was "
                + "\u20ac100 cheaper than the one before, and that nobody had noticed it.</p></article></body></html>")
                .getBytes(Charset.forName("windows-1252"));
        String text = new ArticleCleaner().clean(html, null, "https://a.example/").text();
        assertTrue(text.contains("\u201cnew\u201d r\u00e9sum\u00e9 was \u20ac100"), text);
    }
}
