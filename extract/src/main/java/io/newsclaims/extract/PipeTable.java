package io.newsclaims.extract;

import io.newsclaims.records.FigureValue;
import io.newsclaims.records.SubjectEvidence;
import java.util.ArrayList;
import java.util.List;

/**
 * A table written with pipes, one row per paragraph ("| Tier | AWS | GCP | Azure |", "|---|---|",
 * "| First 10 TB | $0.09/GB | $0.12/GiB | $0.087/GB |"): when its header row names a provider in
 * at least two columns, a figure in a later row takes the provider of its column. One per
 * extraction; not thread-safe.
 */
final class PipeTable {
    private List<String> columns = List.of(); // provider id per column, null where the header names none

    /**
     * Reads one paragraph.
     *
     * @param named   the gazetteer's names in it
     * @param figures the figures in it
     * @return the subject of each figure (null where its column names no provider), or null when
     *         the paragraph is no row under provider columns
     */
    List<Subject> read(String text, int from, int to, List<Referent> named, List<FigureValue> figures) {
        String line = text.substring(from, to).strip();
        if (!line.startsWith("|")) {
            columns = List.of(); // prose: a table has ended
            return null;
        }
        int start = from + text.substring(from, to).indexOf('|');
        List<int[]> cells = cells(text, start, to);
        if (figures.isEmpty()) {
            if (cells.size() >= 3 && !line.replaceAll("[|\\-:\\s]", "").isEmpty()) {
                List<String> header = new ArrayList<>();
                for (int[] c : cells) {
                    header.add(providerFilling(text, c, named));
                }
                if (header.stream().filter(p -> p != null).count() >= 2) {
                    columns = header;
                } else if (!columns.isEmpty() && header.stream().allMatch(p -> p == null)) {
                    return null; // a row without figures keeps the table's header
                }
            }
            return null;
        }
        if (columns.isEmpty()) {
            return null;
        }
        List<Subject> subjects = new ArrayList<>(figures.size());
        for (FigureValue f : figures) {
            int column = -1;
            for (int k = 0; k < cells.size(); k++) {
                if (f.start() >= cells.get(k)[0] && f.end() <= cells.get(k)[1]) {
                    column = k;
                }
            }
            String provider = column >= 0 && column < columns.size() ? columns.get(column) : null;
            subjects.add(provider == null ? null : new Subject(provider, SubjectEvidence.LIST_POSITION, "table_column"));
        }
        return subjects;
    }

    /** The cells of a row, as {start, end} offsets between its pipes. */
    private static List<int[]> cells(String text, int firstPipe, int to) {
        List<int[]> out = new ArrayList<>();
        int cellStart = firstPipe + 1;
        for (int i = cellStart; i < to; i++) {
            if (text.charAt(i) == '|') {
                out.add(new int[] {cellStart, i});
                cellStart = i + 1;
            }
        }
        if (cellStart < to && !text.substring(cellStart, to).isBlank()) {
            out.add(new int[] {cellStart, to});
        }
        return out;
    }

    /** The provider whose name is most of the cell ("AWS", "GCP Premium", "AWS S3 Standard"), or null. */
    private static String providerFilling(String text, int[] cell, List<Referent> named) {
        String content = text.substring(cell[0], cell[1]).strip();
        if (content.isEmpty() || content.length() > 30) {
            return null;
        }
        for (Referent r : named) {
            if (r.mentionsProvider() && r.start() >= cell[0] && r.end() <= cell[1]) {
                return r.providerId();
            }
        }
        return null;
    }
}
