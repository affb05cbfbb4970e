package io.newsclaims.app.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsclaims.records.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The article-extraction benchmark's pages (ground-truth.json plus html/ID.html.gz), read once
 * before measuring. The data is not part of the project; the benchmarks take its folder as the
 * {@code dir} parameter.
 */
record BenchmarkCorpus(List<Page> pages) {
    /** One page: its raw bytes and the URL it was fetched from. */
    record Page(String id, byte[] html, String url) {
    }

    static BenchmarkCorpus load(String dir) {
        Path root = Path.of(dir);
        Path truthFile = root.resolve("ground-truth.json");
        if (!Files.isRegularFile(truthFile)) {
            throw new IllegalArgumentException("no ground-truth.json in " + root.toAbsolutePath()
                    + "; pass the benchmark folder with -p dir=PATH");
        }
        try {
            JsonNode truth = Json.mapper().readTree(truthFile.toFile());
            List<Page> pages = new ArrayList<>();
            for (Iterator<String> ids = truth.fieldNames(); ids.hasNext(); ) {
                String id = ids.next();
                try (InputStream in = new GZIPInputStream(Files.newInputStream(root.resolve("html").resolve(id + ".html.gz")))) {
                    pages.add(new Page(id, in.readAllBytes(), truth.get(id).get("url").asText()));
                }
            }
            return new BenchmarkCorpus(List.copyOf(pages));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the benchmark in " + root, e);
        }
    }
}
