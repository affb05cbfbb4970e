package io.newsclaims.ingest.clean;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * The encoding of a page that declares none (no byte order mark, no HTTP label, no {@code <meta>}):
 * UTF-8 when its bytes are UTF-8, else what Mozilla's universal detector finds in them, read
 * through the WHATWG label table. This is the standard's optional autodetection step
 * (HTML 13.2.3.2, step 8), which browsers take for old GBK, GB18030 and Big5 pages that never
 * declared theirs; reading such a page as UTF-8 would turn every Chinese character into U+FFFD.
 */
final class UndeclaredEncoding {
    private UndeclaredEncoding() {
    }

    /** The charset to read {@code bytes} with, or empty when UTF-8 reads them or nothing is detected. */
    static Optional<Charset> of(byte[] bytes) {
        if (isUtf8(bytes)) {
            return Optional.empty();
        }
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(bytes, 0, bytes.length);
        detector.dataEnd();
        String label = detector.getDetectedCharset();
        return label == null ? Optional.empty() : EncodingLabels.forLabel(label);
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
