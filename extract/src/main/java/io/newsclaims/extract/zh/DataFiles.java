package io.newsclaims.extract.zh;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** This package's data files: tab-separated rows beside the classes, '#' comments and blank lines skipped. */
final class DataFiles {
    private DataFiles() {
    }

    /**
     * The rows of a data file, each checked to have between {@code min} and {@code max} columns.
     *
     * @throws IllegalStateException when the file is missing (a broken build) or a row is malformed
     */
    static List<String[]> rows(String name, int min, int max) {
        try (InputStream in = DataFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t", -1);
                if (c.length < min || c.length > max) {
                    throw new IllegalStateException(name + " line " + n + ": expected " + min + " to " + max
                            + " tab-separated columns, got " + c.length + ": " + line);
                }
                rows.add(c);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
