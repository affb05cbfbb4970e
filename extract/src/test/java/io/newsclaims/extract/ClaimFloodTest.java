package io.newsclaims.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsclaims.records.Article;
import io.newsclaims.records.Claim;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimFloodTest {
    private static final ProviderGazetteer GAZETTEER = ProviderGazetteer.loadDefault();

    private static Article article(String text) {
        return Article.of("https://news.example/flood", null, null, null, Instant.parse("2025-09-02T00:00:00Z"), Instant.EPOCH,
                "en", text);
    }

    @Test
    void theSameFigureInTheSameSentenceRepeatedThousandsOfTimesIsOneClaimWithItsCount() {
        String sentence = "Alibaba Cloud held a 35.8% market share" + ", 35.8%".repeat(2_999) + " in 2025.";
        Extraction e = new ClaimExtractor(GAZETTEER).extract(article(sentence + "\nAWS grew 17% in 2025.\n"));
        assertEquals(List.of("35.8%", "17%"), e.claims().stream().map(c -> c.value().text()).toList());
        assertEquals(sentence.indexOf("35.8%"), e.claims().get(0).value().start()); // the first occurrence is the one kept
        assertEquals(Map.of(e.claims().get(0).id(), 3_000), e.occurrences());
        assertFalse(e.truncated());
    }

    @Test
    void aFigureStatedTwiceInASentenceIsTwoClaims() {
        String text = "Azure grew 35% in 2025, or 35% in constant currency.\n";
        Extraction e = new ClaimExtractor(GAZETTEER).extract(article(text));
        assertEquals(List.of("35%", "35%"), e.claims().stream().map(c -> c.value().text()).toList());
        assertEquals(Map.of(), e.occurrences());
    }

    @Test
    void aSentenceThatOccursTwiceGivesAClaimPerOccurrence() {
        String headline = "China's AI Cloud Industry Exceeds $20B, Global Clients Expand\n";
        Extraction e = new ClaimExtractor(GAZETTEER).extract(article(headline + "\n" + headline));
        assertEquals(List.of("$20B", "$20B"), e.claims().stream().map(c -> c.value().text()).toList());
        assertEquals(Map.of(), e.occurrences());
    }

    @Test
    void anArticleOverTheCapKeepsItsFirstClaimsAndIsMarkedTruncated() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            text.append("Alibaba Cloud held a ").append(30 + i).append(".5% market share in 2025.\n");
        }
        Extraction all = new ClaimExtractor(GAZETTEER).extract(article(text.toString()));
        assertEquals(5, all.claims().size());
        assertFalse(all.truncated());

        Extraction capped = new ClaimExtractor(GAZETTEER, 3).extract(article(text.toString()));
        assertEquals(List.of("30.5%", "31.5%", "32.5%"), capped.claims().stream().map(c -> c.value().text()).toList());
        assertTrue(capped.truncated());
        assertEquals(Map.of(), capped.occurrences());
    }

    @Test
    void explainKeepsOneRulePerClaimKept() {
        String text = "Alibaba Cloud held a 35.8% market share" + ", 35.8%".repeat(4) + " in 2025.\n" + "AWS grew 17% in 2025.\n";
        Explained x = new ClaimExtractor(GAZETTEER).explain(article(text));
        List<Claim> claims = x.extraction().claims();
        assertEquals(List.of("35.8%", "17%"), claims.stream().map(c -> c.value().text()).toList());
        assertEquals(claims.size(), x.subjectRules().size());
    }

    @Test
    void theCapMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new ClaimExtractor(GAZETTEER, 0));
    }
}
