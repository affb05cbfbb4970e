package io.newsclaims.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The extractor's knowledge files (providers.tsv, companies.tsv...): read from the classpath
 * beside this class, one row per line, '#' comments and blank lines skipped.
 */
final class DataFile {
    /** A data line, with its line number for error messages, and its tab-separated columns. */
    record Row(int number, String[] columns) {
    }

    private DataFile() {
    }

    /**
     * Opens a data file shipped with newsclaims.
     *
     * @throws IllegalStateException when the file is missing from the classpath (a broken build)
     */
    static BufferedReader open(String name) {
        InputStream in = DataFile.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the classpath");
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /** The rows of a data file: its lines that are neither blank nor comments, split at tabs. */
    static List<Row> rows(Reader reader) throws IOException {
        BufferedReader r = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<Row> rows = new ArrayList<>();
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            if (!line.isBlank() && !line.startsWith("#")) {
                rows.add(new Row(n, line.split("\t", -1)));
            }
        }
        return rows;
    }
}
