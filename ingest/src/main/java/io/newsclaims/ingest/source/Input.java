package io.newsclaims.ingest.source;

import java.net.URI;
import java.nio.file.Path;

/** One thing to turn into an article: a URL to fetch or a local file to read. */
public sealed interface Input {

    /** Text shown in logs and skip records. */
    String describe();

    /** An http(s) URL. */
    record Url(URI uri) implements Input {
        @Override
        public String describe() {
            return uri.toString();
        }
    }

    /** A local .html, .htm, .xhtml (optionally .gz) or .txt file. */
    record File(Path path) implements Input {
        @Override
        public String describe() {
            return path.toString();
        }
    }
}
