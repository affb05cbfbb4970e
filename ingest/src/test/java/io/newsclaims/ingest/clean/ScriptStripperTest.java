package io.newsclaims.ingest.clean;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Code is dropped before parsing; everything the cleaner reads stays byte for byte. */
class ScriptStripperTest {
    private static String strip(String html) {
        return new String(ScriptStripper.strip(html.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            <p>a</p><script>var x = 1 < 2;</script><p>b</p>              | <p>a</p><script></script><p>b</p>
            <SCRIPT type="text/javascript">if (a<b) {}</SCRIPT><p>b</p>   | <SCRIPT type="text/javascript"></SCRIPT><p>b</p>
            <style>p { color: red }</style><p>b</p>                       | <style></style><p>b</p>
            <script type="application/ld+json">{"@type":"NewsArticle"}</script> | <script type="application/ld+json">{"@type":"NewsArticle"}</script>
            <scripts>kept</scripts><styles>kept</styles>                  | <scripts>kept</scripts><styles>kept</styles>
            <!-- <script> --><p>text</p><script>x</script>              | <!-- <script> --><p>text</p><script></script>
            <p>a</p><script>never closed <p>b</p>                         | <p>a</p><script>never closed <p>b</p>
            <script>document.write('</scr' + 'ipt>')</script><p>b</p>     | <script></script><p>b</p>
            <script>a</script ><p>b</p><style>c</style>                   | <script></script ><p>b</p><style></style>
            """)
    void dropsCodeAndKeepsTheRest(String html, String expected) {
        assertEquals(expected, strip(html));
    }

    @Test
    void leavesWideEncodingsAlone() {
        byte[] utf16 = "<p>a</p><script>x</script>".getBytes(StandardCharsets.UTF_16);
        assertArrayEquals(utf16, ScriptStripper.strip(utf16));
    }

    @Test
    void keepsMultiByteTextIntact() {
        Charset gbk = Charset.forName("GBK");
        String html = "<meta charset=\"GBK\"><p>阿里云的份额为百分之三十五点八</p><script>var s = '脚本';</script><p>完</p>";
        assertEquals("<meta charset=\"GBK\"><p>阿里云的份额为百分之三十五点八</p><script></script><p>完</p>",
                new String(ScriptStripper.strip(html.getBytes(gbk)), gbk));
    }
}
