package io.newsclaims.app.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The article-extraction benchmark's metric (scrapinghub/article-extraction-benchmark, MIT):
 * word 4-gram shingles over {@code \w+} tokens, counted as multisets; per page precision and
 * recall; macro-averaged over pages; F1 of the two means.
 */
final class ShingleScore {
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    /** Per-page result; a null means the value is undefined for that page (left out of the mean). */
    record Page(Double precision, Double recall, boolean exact) {
    }

    private ShingleScore() {
    }

    static Page score(String truth, String predicted) {
        List<String> t = tokens(truth);
        List<String> p = tokens(predicted);
        Map<List<String>, Integer> ts = shingles(t);
        Map<List<String>, Integer> ps = shingles(p);
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (Map.Entry<List<String>, Integer> e : ps.entrySet()) {
            int inTruth = ts.getOrDefault(e.getKey(), 0);
            tp += Math.min(inTruth, e.getValue());
            fp += Math.max(0, e.getValue() - inTruth);
        }
        for (Map.Entry<List<String>, Integer> e : ts.entrySet()) {
            fn += Math.max(0, e.getValue() - ps.getOrDefault(e.getKey(), 0));
        }
        Double precision;
        Double recall;
        if (fp == 0 && fn == 0) {
            precision = 1.0;
            recall = 1.0;
        } else {
            precision = tp + fp == 0 ? null : (double) tp / (tp + fp);
            recall = tp + fn == 0 ? null : (double) tp / (tp + fn);
        }
        return new Page(ps.isEmpty() ? null : precision, ts.isEmpty() ? null : recall, t.equals(p));
    }

    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text == null ? "" : text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static Map<List<String>, Integer> shingles(List<String> tokens) {
        Map<List<String>, Integer> out = new HashMap<>();
        if (tokens.isEmpty()) {
            return out;
        }
        if (tokens.size() < 4) {
            out.put(List.copyOf(tokens), 1);
            return out;
        }
        for (int i = 0; i + 4 <= tokens.size(); i++) {
            out.merge(List.copyOf(tokens.subList(i, i + 4)), 1, Integer::sum);
        }
        return out;
    }
}
