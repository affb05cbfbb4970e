package io.newsclaims.extract.eval;

import java.util.Locale;

/** True positives, predictions and gold items, with precision, recall and F1 (micro-averaged when added up). */
public record Score(long tp, long predicted, long gold) {
    public static final Score ZERO = new Score(0, 0, 0);

    public Score plus(Score o) {
        return new Score(tp + o.tp, predicted + o.predicted, gold + o.gold);
    }

    public double precision() {
        return predicted == 0 ? 1.0 : (double) tp / predicted;
    }

    public double recall() {
        return gold == 0 ? 1.0 : (double) tp / gold;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "P=%.3f R=%.3f F1=%.3f (tp=%d pred=%d gold=%d)", precision(), recall(), f1(), tp,
                predicted, gold);
    }
}
