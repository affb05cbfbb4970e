package io.newsclaims.app;

import io.newsclaims.ingest.ArticleLoader;
import io.newsclaims.ingest.outcome.SkipReason;
import io.newsclaims.ingest.outcome.SkippedInputException;
import io.newsclaims.ingest.source.Input;
import io.newsclaims.ingest.source.InputExpander;
import io.newsclaims.records.Article;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the inputs of the offline commands (`extract`, `article`): files, folders, URLs, or "-" for stdin. */
final class InputReader {
    /** One input read into an article, or the reason it was not. */
    record Loaded(String source, Article article, SkippedInputException skipped) {
    }

    private final ArticleLoader loader;

    InputReader(ArticleLoader loader) {
        this.loader = loader;
    }

    List<Loaded> read(List<String> args, InputStream stdin) throws InterruptedException {
        List<Loaded> out = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("-")) {
                out.add(fromStdin(stdin));
                continue;
            }
            List<Input> expanded;
            try {
                expanded = InputExpander.expand(List.of(arg));
            } catch (IllegalArgumentException e) { // a path that does not exist: that input's line says so
                out.add(new Loaded(arg, null, new SkippedInputException(SkipReason.UNREADABLE_FILE, arg, e.getMessage())));
                continue;
            }
            for (Input in : expanded) {
                try {
                    out.add(new Loaded(in.describe(), loader.load(in), null));
                } catch (SkippedInputException e) {
                    out.add(new Loaded(in.describe(), null, e));
                }
            }
        }
        return out;
    }

    private Loaded fromStdin(InputStream stdin) {
        try {
            byte[] bytes = stdin.readAllBytes();
            String head = new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.UTF_8).stripLeading();
            boolean html = head.startsWith("<");
            Article a = html ? loader.fromHtml(bytes, null, "stdin:-", Instant.now())
                    : loader.fromText(new String(bytes, StandardCharsets.UTF_8), "stdin:-");
            return new Loaded("-", a, null);
        } catch (SkippedInputException e) {
            return new Loaded("-", null, e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read standard input", e);
        }
    }
}
