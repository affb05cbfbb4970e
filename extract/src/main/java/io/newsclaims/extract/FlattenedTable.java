package io.newsclaims.extract;

import io.newsclaims.records.FigureValue;
import io.newsclaims.records.SubjectEvidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A table that a scraped page flattened into one cell per paragraph: column headers that name
 * providers ("Amazon Web Services", "Microsoft Azure", "Others"), then rows of a label ("Q1 2022")
 * and one value per column ("34%", "17%"...). A value cell takes its column's provider. One per
 * extraction; not thread-safe.
 */
final class FlattenedTable {
    /** Headers of a column that is no one provider. */
    private static final Set<String> REST = Set.of("others", "other", "rest", "rest of market", "other providers",
            "other clouds", "total", "market");
    /** A row label is a short paragraph: "Q1 2022", "2023", "Revenue". */
    private static final int MAX_LABEL_TOKENS = 5;

    private final List<String> columns = new ArrayList<>(); // provider id, or null for "Others"
    private boolean lastWasHeader;
    private int cell = -1; // the column of the next value cell in the current row; -1 before the first row

    /**
     * Reads one paragraph.
     *
     * @param named   the gazetteer's names in it
     * @param figures the figures in it
     * @return the subject of its one figure when the paragraph is a value cell under provider
     *         columns, else null
     */
    Subject read(String text, int from, int to, List<Token> tokens, List<Referent> named, List<FigureValue> figures) {
        String cellText = text.substring(from, to).strip();
        if (isHeader(cellText, named)) {
            if (!lastWasHeader) {
                columns.clear();
                cell = -1;
            }
            columns.add(named.isEmpty() ? null : named.get(0).providerId());
            lastWasHeader = true;
            return null;
        }
        lastWasHeader = false;
        if (figures.size() == 1 && figures.get(0).text().equals(cellText.replaceFirst("^[+\\-\u2212]", ""))) {
            if (cell < 0 || columns.size() < 2 || columns.stream().allMatch(c -> c == null)) {
                return null;
            }
            String provider = columns.get(cell % columns.size());
            cell++;
            return provider == null ? new Subject(null, SubjectEvidence.LIST_POSITION, "table_column_rest")
                    : new Subject(provider, SubjectEvidence.LIST_POSITION, "table_column");
        }
        if (figures.isEmpty() && tokens.size() <= MAX_LABEL_TOKENS && !columns.isEmpty()) {
            cell = 0; // a row's label
        } else {
            columns.clear(); // prose: the table has ended
            cell = -1;
        }
        return null;
    }

    /** "Amazon Web Services", "Others": a paragraph that is one provider's name, or the rest of the market. */
    private static boolean isHeader(String cellText, List<Referent> named) {
        if (REST.contains(cellText.toLowerCase(java.util.Locale.ROOT))) {
            return true;
        }
        return named.size() == 1 && named.get(0).mentionsProvider() && cellText.length() <= 40
                && named.get(0).end() - named.get(0).start() >= cellText.length() - 1;
    }
}
