package io.newsclaims.extract.eval;

import io.newsclaims.extract.Explained;
import io.newsclaims.records.Claim;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Measures how often each rule of the subject linker gives the right subject on labelled
 * documents, writes those rates as the confidence table ({@code subject-confidence.tsv}), and
 * checks a confidence table against labels: the reliability table by confidence decile and the
 * expected calibration error (ECE).
 *
 * <p>Only claims whose figure matches a gold figure count (kind, number, currency, as
 * {@link ClaimScorer} matches them, preferring a prediction with the gold subject): a subject is
 * right or wrong only for a real figure. A right subject includes a right null.
 */
public final class SubjectCalibration {
    /**
     * Fewest figures a rule needs for a confidence of its own; rules seen less often share the
     * rate of their kind of evidence, and kinds seen less often the rate of all the rest ("*").
     * Every figure of a pool gets the same confidence, so on the labelled set each decile's share of
     * right subjects equals its stated confidence (to rounding).
     */
    static final int MIN_FIGURES = 20;

    /** One figure matched to gold: the rule that decided its subject, the confidence stated, whether it was right. */
    public record Outcome(String rule, String evidence, double confidence, boolean right) {
    }

    /** One row of the reliability table. */
    public record Bin(double from, double to, int count, double meanConfidence, double accuracy) {
        public double gap() {
            return Math.abs(accuracy - meanConfidence);
        }
    }

    private final List<Outcome> outcomes = new ArrayList<>();

    /** Adds the outcomes of one document. */
    public void add(GoldDocument gold, Explained explained) {
        List<Claim> claims = explained.extraction().claims();
        boolean[] used = new boolean[claims.size()];
        for (GoldDocument.Figure g : gold.values()) {
            int hit = -1;
            for (int i = 0; i < claims.size(); i++) {
                if (!used[i] && sameFigure(claims.get(i), g)) {
                    if (Objects.equals(claims.get(i).provider(), g.subject())) {
                        hit = i;
                        break;
                    }
                    hit = hit < 0 ? i : hit;
                }
            }
            if (hit >= 0) {
                used[hit] = true;
                Claim c = claims.get(hit);
                outcomes.add(new Outcome(explained.subjectRules().get(hit),
                        c.subjectEvidence() == null ? "none" : c.subjectEvidence().id(), c.confidence() == null ? 0 : c.confidence(),
                        Objects.equals(c.provider(), g.subject())));
            }
        }
    }

    /** Adds one outcome as it is (for tests and for merging measurements). */
    void add(Outcome outcome) {
        outcomes.add(outcome);
    }

    private static boolean sameFigure(Claim c, GoldDocument.Figure g) {
        return c.value().kind().id().equals(g.kind()) && ClaimScorer.sameNumber(GoldDocument.numbers(c.value().number()), g.number())
                && (!g.kind().equals("money") || Objects.equals(c.value().currency(), g.currency()));
    }

    public List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** Share of right subjects over all outcomes. */
    public double accuracy() {
        return outcomes.isEmpty() ? 0 : outcomes.stream().filter(Outcome::right).count() / (double) outcomes.size();
    }

    /**
     * The confidence of each rule: its share of right subjects when it decided at least
     * {@value #MIN_FIGURES} figures; else the share of its pool (the rules of the same kind of
     * evidence that are that rare, or failing that, all the rare rest, written as "*", which also
     * serves rules the labelled set never exercised).
     */
    public Map<String, Double> confidenceByRule() {
        Map<String, int[]> byRule = counts(o -> o.rule());
        Map<String, String> pool = new TreeMap<>();
        Map<String, int[]> pools = new TreeMap<>();
        for (Outcome o : outcomes) {
            if (byRule.get(o.rule())[0] < MIN_FIGURES) {
                pool.put(o.rule(), o.evidence());
                int[] c = pools.computeIfAbsent(o.evidence(), k -> new int[2]);
                c[0]++;
                c[1] += o.right() ? 1 : 0;
            }
        }
        int[] rest = new int[2];
        pools.forEach((evidence, c) -> {
            if (c[0] < MIN_FIGURES) {
                rest[0] += c[0];
                rest[1] += c[1];
            }
        });
        Map<String, Double> out = new TreeMap<>();
        byRule.forEach((rule, c) -> {
            if (c[0] >= MIN_FIGURES) {
                out.put(rule, rate(c));
            } else {
                int[] p = pools.get(pool.get(rule));
                out.put(rule, p[0] >= MIN_FIGURES ? rate(p) : rate(rest));
            }
        });
        out.put("*", rest[0] > 0 ? rate(rest) : round(accuracy()));
        return out;
    }

    private Map<String, int[]> counts(java.util.function.Function<Outcome, String> key) {
        Map<String, int[]> counts = new TreeMap<>();
        for (Outcome o : outcomes) {
            int[] c = counts.computeIfAbsent(key.apply(o), k -> new int[2]);
            c[0]++;
            c[1] += o.right() ? 1 : 0;
        }
        return counts;
    }

    private static double rate(int[] c) {
        return round(c[1] / (double) c[0]);
    }

    /** Writes the confidence table in the format {@code SubjectConfidence} reads. */
    public void writeTable(Path file, String source) throws IOException {
        Map<String, Double> table = confidenceByRule();
        Map<String, int[]> counts = counts(Outcome::rule);
        StringBuilder sb = new StringBuilder();
        sb.append("# Calibrated confidence of each subject rule (io.newsclaims.extract.SubjectConfidence).\n");
        sb.append("# Written by: newsclaims evaluate --calibrate FILE, on ").append(source).append('\n');
        sb.append("# Columns: rule, confidence (its share of right subjects; a rule with fewer than ").append(MIN_FIGURES)
                .append(" figures takes the share of the rare rules of its evidence, or of all the rare rest), figures seen,")
                .append(" of which right.\n");
        sb.append("# '*' is the share of the rare rest, also for a rule the labelled set never exercised.\n");
        table.forEach((rule, conf) -> {
            int[] c = counts.getOrDefault(rule, new int[2]);
            sb.append(rule).append('\t').append(String.format(Locale.ROOT, "%.2f", conf)).append('\t').append(c[0])
                    .append('\t').append(c[1]).append('\n');
        });
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    /** The reliability table: outcomes by decile of stated confidence (empty deciles left out). */
    public List<Bin> reliability() {
        List<Bin> bins = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            double from = d / 10.0;
            double to = (d + 1) / 10.0;
            boolean last = d == 9;
            List<Outcome> in = outcomes.stream().filter(o -> o.confidence() >= from && (o.confidence() < to || last)).toList();
            if (!in.isEmpty()) {
                double mean = in.stream().mapToDouble(Outcome::confidence).average().orElse(0);
                double acc = in.stream().filter(Outcome::right).count() / (double) in.size();
                bins.add(new Bin(from, to, in.size(), mean, acc));
            }
        }
        return bins;
    }

    /** Expected calibration error: the deciles' gaps weighted by their share of outcomes. */
    public double expectedCalibrationError() {
        int n = outcomes.size();
        return n == 0 ? 0 : reliability().stream().mapToDouble(b -> b.gap() * b.count() / n).sum();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
