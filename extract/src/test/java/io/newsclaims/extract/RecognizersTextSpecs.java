package io.newsclaims.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reading the Recognizers-Text spec files copied under src/test/resources/recognizers-text/, for the conformance tests. */
public final class RecognizersTextSpecs {
    private RecognizersTextSpecs() {
    }

    /** The spec file at PATH under recognizers-text/ ("PercentModel.json", "zh/PercentModel.json"), without its byte-order mark. */
    public static String resource(String path) throws IOException {
        try (InputStream in = RecognizersTextSpecs.class.getResourceAsStream("/recognizers-text/" + path)) {
            String s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        }
    }

    /** The texts of a case's expected results. */
    public static List<String> texts(JsonNode results) {
        List<String> t = new ArrayList<>();
        results.forEach(r -> t.add(r.get("Text").asText()));
        return t;
    }

    /** The value an expected result resolves to ("35.8%", "518"), or null when it has none. */
    public static String resolvedValue(JsonNode result) {
        JsonNode value = result.get("Resolution").get("value");
        return value == null || value.isNull() ? null : value.asText();
    }

    /** A case's input shortened for a report line. */
    public static String quote(String s) {
        return (s.length() > 90 ? s.substring(0, 90) + "…" : s).replace("`", "'");
    }
}
