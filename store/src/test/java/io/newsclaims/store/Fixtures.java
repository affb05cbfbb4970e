package io.newsclaims.store;

import io.newsclaims.records.Article;
import io.newsclaims.records.Claim;
import io.newsclaims.records.FigureKind;
import io.newsclaims.records.FigureValue;
import io.newsclaims.records.Ids;
import io.newsclaims.records.Json;
import io.newsclaims.records.Metric;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Articles and claims for store tests. */
final class Fixtures {
    private Fixtures() {
    }

    static Article article(int n) {
        return Article.of("https://news.example/" + n, "Title " + n, "Reporter", "News", Instant.parse("2025-09-02T00:00:00Z"),
                Instant.parse("2025-09-03T00:00:00Z"), "en", "Alibaba Cloud held a 35.8% market share. Story " + n);
    }

    static Claim claim(Article a, int start) {
        FigureValue v = new FigureValue(FigureKind.PERCENT, List.of(new BigDecimal("35.8")), null, "35.8%", start, start + 5, null);
        return new Claim(Claim.SCHEMA_VERSION, Ids.claimId(a.id(), start, start + 5), a.id(), a.url(), "alibaba-cloud",
                "Alibaba Cloud", Metric.MARKET_SHARE, v, "2025-H1", "Omdia", "Alibaba Cloud held a 35.8% market share.");
    }

    /** A claim with the given figure, about the given provider (null for a market), in the sentence given. */
    static Claim claim(Article a, int start, String text, FigureKind kind, String value, String currency, String provider,
                       Metric metric, String period, String sentence) {
        return claim(a, start, text, kind, value, currency, provider, metric, period, sentence, null);
    }

    static Claim claim(Article a, int start, String text, FigureKind kind, String value, String currency, String provider,
                       Metric metric, String period, String sentence, String qualifier) {
        FigureValue v = new FigureValue(kind, List.of(new BigDecimal(value)), currency, text, start, start + text.length(), qualifier);
        return new Claim(Claim.SCHEMA_VERSION, Ids.claimId(a.id(), start, start + text.length()), a.id(), a.url(), provider,
                provider, metric, v, period, "Omdia", sentence);
    }

    static StoredClaim stored(Claim c) {
        return new StoredClaim(c, Json.write(c));
    }

    static List<StoredClaim> claims(Article a, int count) {
        List<StoredClaim> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(stored(claim(a, i * 10)));
        }
        return out;
    }
}
