package io.newsclaims.app.explorer;

import io.newsclaims.extract.ClaimExtractor;
import io.newsclaims.extract.ProviderGazetteer;
import io.newsclaims.records.Article;
import io.newsclaims.records.Claim;
import io.newsclaims.records.Json;
import io.newsclaims.store.ClaimRepository;
import io.newsclaims.store.Database;
import io.newsclaims.store.StoredClaim;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The seeds' database: the seed texts of {@code extract/src/test/resources/seeds} as articles, with
 * the claims the extractor gives for them, plus two articles of this test's own: one whose title
 * is markup ({@link #XSS_TITLE}), one that disputes Alibaba Cloud's share (a conflict).
 */
final class SeedStore {
    static final Path SEEDS = Path.of("../extract/src/test/resources/seeds/texts");
    static final String XSS_TITLE = "<script>alert(1)</script>";

    private SeedStore() {
    }

    /** Writes the articles and their claims; returns how many claims. */
    static int fill(Database db) throws IOException, SQLException {
        ClaimExtractor extractor = new ClaimExtractor(ProviderGazetteer.loadDefault());
        List<Article> articles = new ArrayList<>();
        try (Stream<Path> files = Files.list(SEEDS)) {
            List<Path> texts = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
            for (int i = 0; i < texts.size(); i++) {
                String text = Files.readString(texts.get(i), StandardCharsets.UTF_8);
                String name = texts.get(i).getFileName().toString().replace(".txt", "");
                articles.add(Article.of("https://seeds.example/" + name, text.lines().filter(l -> !l.isBlank()).findFirst()
                        .orElse(name).strip(), null, "Seeds", Instant.parse("2025-09-0" + (i + 1) + "T08:00:00Z"),
                        Instant.parse("2025-11-01T00:00:00Z"), "en", text));
            }
        }
        articles.add(Article.of("https://xss.example/oracle", XSS_TITLE, null, "<b>XSS</b>", Instant.parse("2025-10-01T08:00:00Z"),
                Instant.parse("2025-11-01T00:00:00Z"), "en", XSS_TITLE + "\n\nOracle Cloud Infrastructure revenue rose 52% to"
                        + " $4.1 billion in 2025. <img src=x onerror=alert(2)> Analysts were surprised."));
        articles.add(Article.of("https://dispute.example/alibaba", "Alibaba Cloud share disputed", null, null,
                Instant.parse("2025-10-02T08:00:00Z"), Instant.parse("2025-11-01T00:00:00Z"), "en",
                "Alibaba Cloud share disputed\n\nAlibaba Cloud held a 33% market share in the first half of 2025, according to Canalys."));
        List<StoredClaim> claims = new ArrayList<>();
        for (Article a : articles) {
            for (Claim c : extractor.extract(a).claims()) {
                claims.add(new StoredClaim(c, Json.write(c)));
            }
        }
        new ClaimRepository(db).write(articles, claims);
        return claims.size();
    }
}
