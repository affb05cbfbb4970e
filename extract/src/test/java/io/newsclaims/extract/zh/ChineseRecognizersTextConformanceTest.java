package io.newsclaims.extract.zh;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsclaims.extract.RecognizersTextSpecs;
import com.fasterxml.jackson.databind.JsonNode;
import io.newsclaims.records.FigureKind;
import io.newsclaims.records.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Runs every case of Microsoft Recognizers-Text's Chinese percent, currency and number specs,
 * scored as the English suite ({@code io.newsclaims.extract.RecognizersTextConformanceTest})
 * scores its files, which is how upstream scores its ports: the same number of results, and each
 * result, in order, with the same type, text, start and value. Cases marked NotSupported for
 * Java count like any other.
 *
 * <ul>
 *   <li>PercentModel: the finder's percentages and percentage points; RT's value "35.8%" against
 *       our number.</li>
 *   <li>CurrencyModel: the finder's money amounts, compared as money (currency and full amount);
 *       a unit RT leaves without an ISO code must map to ours ({@link #UNITS}). A currency word
 *       with no number (RT's null value) is not a figure for us: such a case fails, as in English.</li>
 *   <li>NumberModel: plain numbers, which are not claims: what is scored is the numeral reading
 *       that figures are built on ({@link NumeralFinder}: every number of the input, with its
 *       span and value, fractions and dozens included).</li>
 * </ul>
 *
 * <p>One adaptation for Chinese: RT writes full-width digits in a result's {@code Text} as ASCII
 * ("９成" gives "9成"), while ours keeps the text as written, so texts are compared after width
 * folding (Unicode NFKC) and, as in English, ignoring case. The pass rates go to
 * {@code target/recognizers-text-zh-report.md}; each file's floor is the rate measured when the
 * suite was last improved (rounded down), while the project's target (95% of all cases) is tracked
 * in docs/benchmarks.md.
 */
class ChineseRecognizersTextConformanceTest {
    /** RT unit names without an ISO code: the ISO codes that stand for them. */
    static final Map<String, Set<String>> UNITS = Map.of(
            "Dollar", Set.of("USD"),
            "Bitcoin", Set.of("XBT", "BTC"));

    /** Each file, what it is scored on, and its floor: the pass rate (%) measured, rounded down. */
    private record SpecFile(String name, String type, double floor) {
    }

    private static final List<SpecFile> FILES = List.of(
            new SpecFile("PercentModel.json", "percentage", 98),
            new SpecFile("CurrencyModel.json", "currency", 94),
            new SpecFile("NumberModel.json", "number", 97));

    private final ChineseFigureFinder finder = new ChineseFigureFinder();
    private final NumeralFinder numerals = new NumeralFinder();

    /** A result of ours in the peer's terms. */
    private record Ours(String type, String text, int start, BigDecimal value, String currency) {
    }

    @Test
    void passRatesOnThePeerSuite() throws IOException {
        StringBuilder report = new StringBuilder("# Recognizers-Text Chinese specs: newsclaims Chinese figure finder\n\n"
                + "| file | cases | passed | rate | floor |\n|---|---|---|---|---|\n");
        StringBuilder failures = new StringBuilder("\n## Failing cases\n\n");
        int allCases = 0;
        int allPassed = 0;
        List<String> belowFloor = new ArrayList<>();
        for (SpecFile f : FILES) {
            JsonNode cases = Json.mapper().readTree(RecognizersTextSpecs.resource("zh/" + f.name()));
            int passed = 0;
            for (JsonNode c : cases) {
                String input = c.get("Input").asText();
                String why = compare(c.get("Results"), ours(input, f.type()));
                if (why == null) {
                    passed++;
                } else {
                    failures.append("- `").append(f.name()).append("` ").append(RecognizersTextSpecs.quote(input)).append(": ").append(why).append('\n');
                }
            }
            allCases += cases.size();
            allPassed += passed;
            double rate = 100.0 * passed / cases.size();
            report.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f%% | %.1f%% |%n", f.name(), cases.size(), passed, rate, f.floor()));
            if (rate < f.floor()) {
                belowFloor.add(f.name() + " " + String.format(Locale.ROOT, "%.1f%% < %.1f%%", rate, f.floor()));
            }
        }
        double rate = 100.0 * allPassed / allCases;
        report.append(String.format(Locale.ROOT, "| **all** | %d | %d | **%.1f%%** | |%n", allCases, allPassed, rate));
        Path out = Path.of("target", "recognizers-text-zh-report.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.append(failures).toString());
        System.out.printf(Locale.ROOT, "Recognizers-Text Chinese percent+currency+number specs: %d/%d cases pass (%.1f%%); report: %s%n",
                allPassed, allCases, rate, out.toAbsolutePath());
        assertTrue(belowFloor.isEmpty(), "pass rate fell below the floor: " + belowFloor + "; see " + out);
    }

    /** Our results of the type a spec file scores. */
    private List<Ours> ours(String input, String type) {
        if (type.equals("number")) {
            return numerals.find(input).stream()
                    .map(n -> new Ours("number", input.substring(n.start(), n.end()), n.start(), n.value(), null)).toList();
        }
        boolean percentFile = type.equals("percentage");
        // each peer model recognizes one type: compare the figures of that type only
        return finder.find(input).stream().filter(v -> (v.kind() != FigureKind.MONEY) == percentFile)
                .map(v -> new Ours(v.kind() == FigureKind.MONEY ? "currency" : "percentage", v.text(), v.start(), v.low(),
                        v.currency()))
                .toList();
    }

    /** Null when ours matches the expected results, else why not. */
    private static String compare(JsonNode expected, List<Ours> ours) {
        if (expected.size() != ours.size()) {
            return "expected " + RecognizersTextSpecs.texts(expected) + ", found " + ours.stream().map(Ours::text).toList();
        }
        for (int i = 0; i < ours.size(); i++) {
            JsonNode e = expected.get(i);
            Ours o = ours.get(i);
            if (!e.get("TypeName").asText().equals(o.type())) {
                return "type " + e.get("TypeName").asText() + " vs " + o.type();
            }
            if (!fold(e.get("Text").asText()).equals(fold(o.text())) || e.get("Start").asInt() != o.start()) {
                return "span '" + e.get("Text").asText() + "'@" + e.get("Start").asInt() + " vs '" + o.text() + "'@" + o.start();
            }
            JsonNode res = e.get("Resolution");
            String value = RecognizersTextSpecs.resolvedValue(e);
            if (value == null) {
                return "expected a figure without a number";
            }
            double ours1 = o.value().doubleValue();
            double v = Double.parseDouble(value.replace("%", ""));
            if (Math.abs(v - ours1) > Math.max(1e-6, Math.abs(v) * 1e-9)) {
                return "value " + value + " vs " + o.value().toPlainString();
            }
            if (o.type().equals("currency")) {
                Set<String> iso = res.has("isoCurrency") ? Set.of(res.get("isoCurrency").asText()) : UNITS.get(res.get("unit").asText());
                if (iso == null) {
                    return "unit " + res.get("unit").asText() + " has no mapping";
                }
                if (!iso.contains(o.currency())) {
                    return "currency " + iso + " vs " + o.currency();
                }
            }
        }
        return null;
    }

    /** Width-folded (NFKC) and lower-cased: "９成" and "9成" are one text. */
    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
