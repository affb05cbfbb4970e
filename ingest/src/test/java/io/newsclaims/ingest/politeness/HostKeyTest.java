package io.newsclaims.ingest.politeness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostKeyTest {

    @ParameterizedTest
    @CsvSource({
            "news.example,                 https://news.example/a",
            "news.example,                 https://News.EXAMPLE/a",
            "news.example,                 https://news.example:443/a",
            "news.example,                 http://news.example:80/a",
            "news.example:443,             http://news.example:443/a",
            "news.example:8080,            http://NEWS.example:8080/",
            "news.example,                 http://news.example./a",
            "xn--bcher-kva.example,        http://bücher.example/a",
            "xn--bcher-kva.example,        http://B%C3%BCcher.example/a",
            "xn--bcher-kva.example:8443,   https://bücher.example:8443/a",
            "127.0.0.1:8080,               http://127.0.0.1:8080/a",
            "[::1]:8080,                   http://[::1]:8080/a",
            "news.example,                 https://user@news.example/a",
    })
    void oneKeyPerHost(String expected, String url) {
        assertEquals(expected, HostKey.of(URI.create(url)).value());
    }

    @ParameterizedTest
    @CsvSource({"/relative/path", "mailto:someone@news.example"})
    void aUrlWithoutHostHasNoKey(String url) {
        assertThrows(IllegalArgumentException.class, () -> HostKey.of(URI.create(url)));
        assertNull(HostKey.ofOrNull(URI.create(url)));
    }
}
