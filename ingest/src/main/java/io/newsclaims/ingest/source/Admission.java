package io.newsclaims.ingest.source;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which article URLs listed for a site are taken: its allow and deny patterns, and at most its
 * {@code maxArticles} per pass. Shared by the site's feeds, sitemaps and pages. Thread-safe.
 */
public final class Admission {
    /** Every URL, without limit (inputs given on the command line). */
    public static final Admission ALL = new Admission(null);

    private final SiteConfig site;
    private final AtomicInteger taken = new AtomicInteger();

    public Admission(SiteConfig site) {
        this.site = site;
    }

    /** Whether to take the URL; counts it towards the site's limit when it is taken. */
    public boolean admit(String url) {
        if (site == null) {
            return true;
        }
        if (!site.accepts(url)) {
            return false;
        }
        return site.maxArticles() == 0 || taken.incrementAndGet() <= site.maxArticles();
    }
}
