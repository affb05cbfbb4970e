package io.newsclaims.ingest;

import java.util.List;

/** The page lists articles rather than being one: its links to its own site are followed instead. */
public class ListingPageException extends SkippedInputException {
    private final List<String> links;

    public ListingPageException(String input, List<String> links) {
        super(SkipReason.LISTING, input, "a listing page with " + links.size() + " links to its site");
        this.links = List.copyOf(links);
    }

    public List<String> links() {
        return links;
    }
}
