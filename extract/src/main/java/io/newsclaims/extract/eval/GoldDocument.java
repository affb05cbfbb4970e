package io.newsclaims.extract.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsclaims.records.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The gold labels of one document (the format of corpus/README.md):
 * {@code {"providers": [ids], "values": [{"text", "type", "value", "currency", "subject"}]}}.
 */
public record GoldDocument(Set<String> providers, List<Figure> values) {

    /** A labelled or predicted figure: kind, number(s), currency, subject provider. */
    public record Figure(String text, String kind, List<Double> number, String currency, String subject) {
    }

    public static GoldDocument read(Path file) throws IOException {
        return parse(Json.mapper().readTree(Files.readAllBytes(file)));
    }

    public static GoldDocument parse(JsonNode gold) {
        Set<String> providers = new LinkedHashSet<>();
        gold.get("providers").forEach(p -> providers.add(p.asText()));
        List<Figure> values = new ArrayList<>();
        for (JsonNode v : gold.get("values")) {
            values.add(new Figure(v.path("text").asText(null), v.get("type").asText(), numbers(v.get("value")),
                    v.hasNonNull("currency") ? v.get("currency").asText() : null,
                    v.hasNonNull("subject") ? v.get("subject").asText() : null));
        }
        return new GoldDocument(providers, values);
    }

    static List<Double> numbers(JsonNode v) {
        List<Double> out = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(n -> out.add(n.asDouble()));
        } else {
            out.add(v.asDouble());
        }
        return out;
    }

    static List<Double> numbers(List<BigDecimal> v) {
        return v.stream().map(BigDecimal::doubleValue).toList();
    }
}
