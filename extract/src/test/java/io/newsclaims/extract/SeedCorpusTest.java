package io.newsclaims.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsclaims.extract.eval.ClaimScorer;
import io.newsclaims.extract.eval.GoldDocument;
import io.newsclaims.extract.eval.Score;
import io.newsclaims.records.Article;
import io.newsclaims.records.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Measures the extractor on the five seed articles against their gold labels with the matching
 * rules of the shared score_claims.py. The bar is the project's: figures F1 1.00, claims F1 at
 * least 0.95.
 */
class SeedCorpusTest {
    private static final String[] SEEDS = {"00", "01", "02", "03", "04"};

    @Test
    void seedFiguresAndClaimsReachTheProjectBar() throws IOException {
        ClaimExtractor extractor = new ClaimExtractor(ProviderGazetteer.loadDefault());
        Score providers = Score.ZERO;
        Score figures = Score.ZERO;
        Score claims = Score.ZERO;
        List<String> notes = new ArrayList<>();
        for (String seed : SEEDS) {
            String text = resource("/seeds/texts/" + seed + ".txt");
            GoldDocument gold = GoldDocument.parse(Json.mapper().readTree(resource("/seeds/gold/" + seed + ".json")));
            Extraction result = extractor.extract(Article.of("file:" + seed + ".txt", null, null, null, null,
                    Instant.EPOCH, null, text));
            ClaimScorer.Result r = ClaimScorer.score(gold, result);
            providers = providers.plus(r.providers());
            figures = figures.plus(r.figures());
            claims = claims.plus(r.claims());
            r.notes().forEach(n -> notes.add(seed + ": " + n));
        }
        System.out.println("seed corpus: providers " + providers + "; figures " + figures + "; claims " + claims);
        double figuresF1 = figures.f1();
        double claimsF1 = claims.f1();
        assertEquals(1.0, figuresF1, 1e-9, () -> "figures F1 must be 1.00: " + notes);
        assertTrue(claimsF1 >= 0.95, () -> "claims F1 " + claimsF1 + " is below 0.95: " + notes);
        assertTrue(providers.f1() >= 0.95, () -> "providers F1 is below 0.95: " + notes);
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = SeedCorpusTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
