package io.newsclaims.ingest.frontier;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Offsets of a frontier partition finished beyond its committed offset, written into the commit's
 * metadata as ranges ({@code "done:12-15,18,20-31"}): the engine finishes URLs out of order (one
 * host's queue is slower than another's), so the committed offset stops at the oldest unfinished URL
 * and a crawler that takes the partition over skips the URLs after it that were already published
 * or skipped, instead of publishing them a second time. Kafka keeps up to 4,096 characters of
 * metadata by default ({@code offset.metadata.max.bytes}); past {@value #MAX_CHARS} the highest
 * offsets are left out, and those URLs are crawled again by the next owner.
 */
final class FinishedOffsets {
    static final int MAX_CHARS = 3_000;
    private static final String PREFIX = "done:";

    private FinishedOffsets() {
    }

    static String encode(SortedSet<Long> offsets) {
        StringBuilder out = new StringBuilder(PREFIX);
        Long start = null;
        long end = 0;
        for (long o : offsets) {
            if (start != null && o == end + 1) {
                end = o;
                continue;
            }
            if (start != null && !append(out, start, end)) {
                return out.toString();
            }
            start = o;
            end = o;
        }
        if (start != null) {
            append(out, start, end);
        }
        return out.toString();
    }

    /** Appends a range unless it would pass the limit; returns whether it did. */
    private static boolean append(StringBuilder out, long start, long end) {
        String range = (out.length() > PREFIX.length() ? "," : "") + (start == end ? start + "" : start + "-" + end);
        if (out.length() + range.length() > MAX_CHARS) {
            return false;
        }
        out.append(range);
        return true;
    }

    /** The offsets a commit's metadata names; none for metadata of another form (or none). */
    static TreeSet<Long> decode(String metadata) {
        TreeSet<Long> offsets = new TreeSet<>();
        if (metadata == null || !metadata.startsWith(PREFIX) || metadata.length() == PREFIX.length()) {
            return offsets;
        }
        try {
            for (String range : metadata.substring(PREFIX.length()).split(",")) {
                int dash = range.indexOf('-');
                long start = Long.parseLong(dash < 0 ? range : range.substring(0, dash));
                long end = dash < 0 ? start : Long.parseLong(range.substring(dash + 1));
                for (long o = start; o <= end; o++) {
                    offsets.add(o);
                }
            }
        } catch (NumberFormatException e) {
            offsets.clear(); // not ours: crawl everything after the committed offset, as without metadata
        }
        return offsets;
    }
}
