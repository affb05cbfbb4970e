package io.newsclaims.ingest.clean;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The visible text size ({@link TextSize}) of elements and the part of it inside links, each
 * subtree counted once: the cleaner asks for nested elements (the best candidates are often an
 * article body, its article and its main column), and an element counted before is not entered
 * again. Valid while the tree does not change below the elements already counted: make one per
 * reading of a page, and none across a removal that an earlier count spans.
 */
final class TextCounts {
    /** {visible text size, the part inside links} by element. */
    private final Map<Element, int[]> counts = new IdentityHashMap<>();

    /** The {@link TextSize} of an element's text, without building it. */
    int chars(Element e) {
        return count(e)[0];
    }

    /** The share of an element's visible text that is inside links. */
    double linkDensity(Element e) {
        int[] c = count(e);
        return c[0] == 0 ? 0 : Math.min(1.0, (double) c[1] / c[0]);
    }

    private int[] count(Element root) {
        int[] known = counts.get(root);
        if (known != null) {
            return known;
        }
        Deque<int[]> open = new ArrayDeque<>(); // the counts of the elements being counted, innermost first
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    open.peek()[0] += TextSize.of(t.getWholeText());
                } else if (node instanceof Element e) {
                    if (counts.containsKey(e)) {
                        return FilterResult.SKIP_CHILDREN;
                    }
                    open.push(new int[2]);
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e) {
                    int[] c = counts.get(e);
                    if (c == null) {
                        c = open.pop();
                        if (e.normalName().equals("a")) {
                            c[1] = c[0];
                        }
                        counts.put(e, c);
                    }
                    if (e != root) {
                        open.peek()[0] += c[0];
                        open.peek()[1] += c[1];
                    }
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        return counts.get(root);
    }
}
