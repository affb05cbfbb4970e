package io.newsclaims.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsclaims.records.Article;
import io.newsclaims.records.Claim;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The project's own corpus of hand-made sentences (phenomena.tsv), one per phenomenon the
 * extractor must handle, each with every claim expected from it. A case listed in
 * {@link #KNOWN_DIVERGENCES} must still fail, so that a fix is noticed and the list shrinks.
 */
class ExtractorCorpusTest {
    private static final ClaimExtractor EXTRACTOR = new ClaimExtractor(ProviderGazetteer.loadDefault());
    private static final Instant PUBLISHED = Instant.parse("2025-09-02T08:00:00Z");

    /** Cases the extractor gets wrong today, by their text, with the reason. */
    static final Set<String> KNOWN_DIVERGENCES = Set.of();

    static Stream<Arguments> cases() throws IOException {
        return cases("/phenomena.tsv");
    }

    /** The cases of a phenomena file: phenomenon, text (a written backslash-n breaks lines in the text and in the expected figures), expected claims. */
    static Stream<Arguments> cases(String resource) throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                ExtractorCorpusTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t");
                out.add(Arguments.of(c[0], c[1].replace("\\n", "\n"), c[2].replace("\\n", "\n")));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @MethodSource("cases")
    void extractsTheExpectedClaims(String phenomenon, String text, String expected) {
        List<Claim> claims = EXTRACTOR.extract(Article.of("https://news.example/case", null, null, null, PUBLISHED,
                PUBLISHED, "en", text)).claims();
        String problem = compare(expected, claims);
        if (KNOWN_DIVERGENCES.contains(text)) {
            assertTrue(problem != null, "listed as a known divergence but now passes: remove it from the list: " + text);
        } else {
            assertEquals(null, problem, () -> "extracted " + describe(claims));
        }
    }

    /** Null when the claims are the expected ones, else the first difference. */
    static String compare(String expected, List<Claim> claims) {
        List<String> want = expected.equals("none") ? List.of() : List.of(expected.split(" ; "));
        if (want.size() != claims.size()) {
            return "expected " + want.size() + " claims, got " + claims.size();
        }
        for (int i = 0; i < want.size(); i++) {
            String[] f = want.get(i).split("\\|");
            Claim c = claims.get(i);
            List<String> numbers = c.value().number().stream().map(BigDecimal::toPlainString).toList();
            List<Double> wantNumbers = Stream.of(f[2].split("\\.\\.")).map(Double::valueOf).toList();
            if (!f[0].equals(c.value().text())) {
                return "figure " + i + " text '" + c.value().text() + "' instead of '" + f[0] + "'";
            }
            if (!f[1].equals(c.value().kind().id())) {
                return "figure " + i + " kind " + c.value().kind().id() + " instead of " + f[1];
            }
            if (numbers.size() != wantNumbers.size() || !sameNumbers(c.value().number(), wantNumbers)) {
                return "figure " + i + " number " + numbers + " instead of " + wantNumbers;
            }
            if (!Objects.equals(nullable(f[3]), c.value().currency())) {
                return "figure " + i + " currency " + c.value().currency() + " instead of " + f[3];
            }
            if (!Objects.equals(nullable(f[4]), c.provider())) {
                return "figure " + i + " subject " + c.provider() + " instead of " + f[4];
            }
            for (int k = 5; k < f.length; k++) {
                String[] kv = f[k].split("=", 2);
                String actual = switch (kv[0]) {
                    case "metric" -> c.metric().id();
                    case "period" -> c.period();
                    case "qualifier" -> c.value().qualifier();
                    case "attribution" -> c.attribution();
                    default -> throw new IllegalArgumentException("unknown check " + kv[0]);
                };
                if (!kv[1].equals(actual)) {
                    return "figure " + i + " " + kv[0] + " " + actual + " instead of " + kv[1];
                }
            }
        }
        return null;
    }

    private static boolean sameNumbers(List<BigDecimal> got, List<Double> want) {
        for (int i = 0; i < want.size(); i++) {
            double g = got.get(i).doubleValue();
            if (Math.abs(g - want.get(i)) > Math.max(0.011, Math.abs(want.get(i)) * 1e-9)) {
                return false;
            }
        }
        return true;
    }

    private static String nullable(String s) {
        return s.equals("-") ? null : s;
    }

    private static String describe(List<Claim> claims) {
        return claims.stream().map(c -> c.value().text() + "|" + c.value().kind().id() + "|" + c.value().number() + "|"
                + c.value().currency() + "|" + c.provider() + "|metric=" + c.metric().id() + "|period=" + c.period()
                + "|qualifier=" + c.value().qualifier() + "|attribution=" + c.attribution()).collect(Collectors.joining(" ; "));
    }
}
