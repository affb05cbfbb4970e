package io.newsclaims.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsclaims.records.Article;
import io.newsclaims.records.Claim;
import io.newsclaims.records.Json;
import io.newsclaims.records.ProviderRef;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Measures the extractor on the five seed articles against their gold labels, with the matching
 * rules of the shared score_claims.py: a figure matches on kind, currency and number (within
 * max(0.011, 0.5%)); a claim also on its subject. The bar is the project's: figures F1 1.00,
 * claims F1 at least 0.95.
 */
class SeedCorpusTest {
    private static final String[] SEEDS = {"00", "01", "02", "03", "04"};

    private record Fig(String kind, List<Double> number, String currency, String subject) {
    }

    @Test
    void seedFiguresAndClaimsReachTheProjectBar() throws IOException {
        ClaimExtractor extractor = new ClaimExtractor(ProviderGazetteer.loadDefault());
        int[] fig = new int[3];
        int[] claim = new int[3];
        int[] prov = new int[3];
        List<String> misses = new ArrayList<>();
        for (String seed : SEEDS) {
            String text = resource("/seeds/texts/" + seed + ".txt");
            JsonNode gold = Json.mapper().readTree(resource("/seeds/gold/" + seed + ".json"));
            Extraction result = extractor.extract(Article.of("file:" + seed + ".txt", null, null, null, null,
                    Instant.EPOCH, null, text));
            List<Fig> goldFigs = new ArrayList<>();
            for (JsonNode v : gold.get("values")) {
                goldFigs.add(new Fig(v.get("type").asText(), numbers(v.get("value")),
                        v.hasNonNull("currency") ? v.get("currency").asText() : null,
                        v.hasNonNull("subject") ? v.get("subject").asText() : null));
            }
            List<Fig> predicted = new ArrayList<>();
            for (Claim c : result.claims()) {
                predicted.add(new Fig(c.value().kind().id(), c.value().number().stream().map(BigDecimal::doubleValue).toList(),
                        c.value().currency(), c.provider()));
            }
            count(fig, goldFigs, predicted, false, seed, misses);
            count(claim, goldFigs, predicted, true, seed, misses);
            Set<String> goldProviders = new HashSet<>();
            gold.get("providers").forEach(p -> goldProviders.add(p.asText()));
            Set<String> predictedProviders = new HashSet<>(result.providers().stream().map(ProviderRef::id).toList());
            Set<String> both = new HashSet<>(goldProviders);
            both.retainAll(predictedProviders);
            prov[0] += both.size();
            prov[1] += predictedProviders.size();
            prov[2] += goldProviders.size();
        }
        System.out.printf("seed corpus: providers F1=%.3f figures F1=%.3f claims F1=%.3f%n", f1(prov), f1(fig), f1(claim));
        assertEquals(1.0, f1(fig), 1e-9, () -> "figures F1 must be 1.00; misses: " + misses);
        assertTrue(f1(claim) >= 0.95, () -> "claims F1 " + f1(claim) + " is below 0.95; misses: " + misses);
        assertTrue(f1(prov) >= 0.95, () -> "providers F1 " + f1(prov) + " is below 0.95");
    }

    private static void count(int[] tally, List<Fig> gold, List<Fig> predicted, boolean withSubject, String seed,
                              List<String> misses) {
        boolean[] used = new boolean[predicted.size()];
        int tp = 0;
        for (Fig g : gold) {
            boolean hit = false;
            for (int i = 0; i < predicted.size() && !hit; i++) {
                Fig p = predicted.get(i);
                if (!used[i] && p.kind().equals(g.kind()) && sameNumber(p.number(), g.number())
                        && (!g.kind().equals("money") || java.util.Objects.equals(p.currency(), g.currency()))
                        && (!withSubject || java.util.Objects.equals(p.subject(), g.subject()))) {
                    used[i] = true;
                    hit = true;
                    tp++;
                }
            }
            if (!hit) {
                misses.add(seed + (withSubject ? " claim " : " figure ") + g);
            }
        }
        tally[0] += tp;
        tally[1] += predicted.size();
        tally[2] += gold.size();
    }

    private static boolean sameNumber(List<Double> a, List<Double> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (Math.abs(a.get(i) - b.get(i)) > Math.max(0.011, 0.005 * Math.abs(b.get(i)))) {
                return false;
            }
        }
        return true;
    }

    private static double f1(int[] t) {
        double p = t[1] == 0 ? 1 : (double) t[0] / t[1];
        double r = t[2] == 0 ? 1 : (double) t[0] / t[2];
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private static List<Double> numbers(JsonNode v) {
        List<Double> out = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(n -> out.add(n.asDouble()));
        } else {
            out.add(v.asDouble());
        }
        return out;
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = SeedCorpusTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
