package io.newsclaims.ingest;

import io.newsclaims.ingest.politeness.HostKey;
import io.newsclaims.ingest.source.Admission;
import io.newsclaims.ingest.source.Input;
import java.net.URI;

/**
 * One thing for the engine to do: a page to fetch (or a local file to read), or a source (a feed,
 * a sitemap, a site's home page) to read for the article URLs it lists.
 *
 * @param input     what to fetch or read
 * @param kind      how to treat it
 * @param host      its host's key, null for a local file (no politeness applies)
 * @param depth     links followed from the inputs given to reach it (0 for those)
 * @param admission which URLs it lists are taken (a sources file's patterns and limits)
 * @param tally     the pass it belongs to
 * @param done      run once the work is finished, whatever its outcome (the frontier commits its offset)
 * @param dropped   run instead when it is dropped before it started (its host went to another crawler)
 */
record Work(Input input, Kind kind, HostKey host, int depth, Admission admission, CrawlTally tally, Runnable done,
            Runnable dropped) {

    enum Kind {
        /** A page or file that should be an article (a listing page's links are followed). */
        PAGE,
        /** A feed or sitemap (index); a page when it turns out to be neither. */
        SOURCE,
        /** A site's home page: the feeds it announces are read, else it is a page. */
        SITE_ROOT
    }

    private static final Runnable NOTHING = () -> { };

    static Work page(Input input, int depth, CrawlTally tally, Runnable done) {
        return page(input, depth, tally, done, NOTHING);
    }

    static Work page(Input input, int depth, CrawlTally tally, Runnable done, Runnable dropped) {
        return new Work(input, Kind.PAGE, hostOf(input), depth, Admission.ALL, tally, done, dropped);
    }

    static Work source(URI url, Kind kind, Admission admission, CrawlTally tally) {
        Input in = new Input.Url(url);
        return new Work(in, kind, hostOf(in), 0, admission, tally, NOTHING, NOTHING);
    }

    private static HostKey hostOf(Input input) {
        return input instanceof Input.Url u ? HostKey.ofOrNull(u.uri()) : null;
    }
}
