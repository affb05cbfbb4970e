package io.newsclaims.store;

import io.newsclaims.records.FigureValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Stored facts of one subject, by value, each numbered in creation order: the facts whose value lies in the
 * windows of a batch's claims ({@link FactLinker#loadFacts}), or, in {@link FactCache}, every fact of the subject.
 */
final class SubjectFacts {
    private final NavigableMap<BigDecimal, List<KnownFact>> byLow = new TreeMap<>();
    /** The lists of {@link #byLow}, by value without trailing zeros: a window of one value is a hash look-up. */
    private final Map<BigDecimal, List<KnownFact>> byValue = new HashMap<>();
    final List<KnownFact> inOrder = new ArrayList<>();

    int size() {
        return inOrder.size();
    }

    /** Adds a fact created after those already here. */
    void append(KnownFact f) {
        f.order = inOrder.size();
        inOrder.add(f);
        index(f);
    }

    private void index(KnownFact f) {
        List<KnownFact> same = byValue.get(f.low);
        if (same == null) {
            same = new ArrayList<>(1);
            byValue.put(f.low, same);
            byLow.put(f.low, same);
        }
        same.add(f);
    }

    /**
     * Adds a fact where its creation ({@link #KnownFact.CREATED_THEN_ID}) puts it, renumbering those created after it;
     * a fact already here (same creation time and id) is not added again.
     */
    void insert(KnownFact f) {
        int n = inOrder.size();
        if (n == 0 || KnownFact.CREATED_THEN_ID.compare(inOrder.get(n - 1), f) < 0) {
            append(f);
            return;
        }
        int at = java.util.Collections.binarySearch(inOrder, f, KnownFact.CREATED_THEN_ID);
        if (at >= 0) {
            return;
        }
        at = -at - 1;
        inOrder.add(at, f);
        for (int i = at; i < inOrder.size(); i++) {
            inOrder.get(i).order = i;
        }
        index(f);
    }

    /**
     * The first created fact here that a claim of value {@code v} equals within rounding, with the same currency
     * and qualifier, or null: among the facts in its {@link #windows}, the first a range walked in order, the others
     * single values looked up.
     */
    KnownFact firstEqual(FigureValue v, LinkKey d) {
        KnownFact first = null;
        List<BigDecimal> range = d.windows.get(0);
        BigDecimal hi = range.get(1);
        for (Map.Entry<BigDecimal, List<KnownFact>> e = byLow.ceilingEntry(range.get(0)); e != null && e.getKey().compareTo(hi) <= 0;
             e = byLow.higherEntry(e.getKey())) {
            first = earliest(first, e.getValue(), v, d);
        }
        for (BigDecimal p : d.points) {
            List<KnownFact> facts = byValue.get(p);
            if (facts != null) {
                first = earliest(first, facts, v, d);
            }
        }
        return first;
    }

    private static KnownFact earliest(KnownFact first, List<KnownFact> facts, FigureValue v, LinkKey d) {
        for (KnownFact f : facts) {
            if ((first == null || f.order < first.order) && Objects.equals(f.currency, v.currency())
                    && Objects.equals(f.qualifier, v.qualifier()) && (f.high == null) == (d.high == null)
                    && KnownFact.equalStripped(d.low, f.low) && (d.high == null || KnownFact.equalStripped(d.high, f.high))) {
                first = f;
            }
        }
        return first;
    }
}
