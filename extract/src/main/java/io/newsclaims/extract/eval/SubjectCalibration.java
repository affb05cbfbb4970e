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
    /** Pseudo-counts pulling a rule seen a few times towards the overall rate. */
    private static final double PRIOR_WEIGHT = 2;

    /** One figure matched to gold: the rule that decided its subject, the confidence stated, whether it was right. */
    public record Outcome(String rule, double confidence, boolean right) {
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
                outcomes.add(new Outcome(explained.subjectRules().get(hit), c.confidence() == null ? 0 : c.confidence(),
                        Objects.equals(c.provider(), g.subject())));
            }
        }
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
     * The confidence of each rule: its share of right subjects, pulled towards the overall share
     * by {@value #PRIOR_WEIGHT} pseudo-counts; "*" is the overall share, for rules never seen.
     */
    public Map<String, Double> confidenceByRule() {
        double overall = accuracy();
        Map<String, int[]> counts = new TreeMap<>();
        for (Outcome o : outcomes) {
            int[] c = counts.computeIfAbsent(o.rule(), k -> new int[2]);
            c[0]++;
            c[1] += o.right() ? 1 : 0;
        }
        Map<String, Double> out = new TreeMap<>();
        counts.forEach((rule, c) -> out.put(rule, round((c[1] + PRIOR_WEIGHT * overall) / (c[0] + PRIOR_WEIGHT))));
        out.put("*", round(overall));
        return out;
    }

    /** Writes the confidence table in the format {@code SubjectConfidence} reads. */
    public void writeTable(Path file, String source) throws IOException {
        Map<String, Double> table = confidenceByRule();
        Map<String, int[]> counts = new TreeMap<>();
        for (Outcome o : outcomes) {
            int[] c = counts.computeIfAbsent(o.rule(), k -> new int[2]);
            c[0]++;
            c[1] += o.right() ? 1 : 0;
        }
        StringBuilder sb = new StringBuilder();
        sb.append("# Calibrated confidence of each subject rule (io.newsclaims.extract.SubjectConfidence).\n");
        sb.append("# Written by: newsclaims evaluate --calibrate FILE, on ").append(source).append('\n');
        sb.append("# Columns: rule, confidence (share of right subjects, ").append(PRIOR_WEIGHT)
                .append(" pseudo-counts towards the overall share), figures seen, of which right.\n");
        sb.append("# '*' is the overall share, for a rule the labelled set never exercised.\n");
        table.forEach((rule, conf) -> {
            int[] c = counts.getOrDefault(rule, new int[] {outcomes.size(), (int) outcomes.stream().filter(Outcome::right).count()});
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
