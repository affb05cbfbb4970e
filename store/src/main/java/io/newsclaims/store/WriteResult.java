package io.newsclaims.store;

/**
 * What one batch write changed.
 *
 * @param claimsInserted   claims that were new
 * @param claimsExisting   claims already stored (a redelivery or a re-run): left as they were
 * @param articlesWritten  articles inserted or updated
 * @param summariesWritten article summaries whose provider mentions were written (replacing the article's earlier ones)
 */
public record WriteResult(int claimsInserted, int claimsExisting, int articlesWritten, int summariesWritten) {
    public static final WriteResult EMPTY = new WriteResult(0, 0, 0, 0);

    /** A result without summaries. */
    public WriteResult(int claimsInserted, int claimsExisting, int articlesWritten) {
        this(claimsInserted, claimsExisting, articlesWritten, 0);
    }

    public WriteResult plus(WriteResult o) {
        return new WriteResult(claimsInserted + o.claimsInserted, claimsExisting + o.claimsExisting,
                articlesWritten + o.articlesWritten, summariesWritten + o.summariesWritten);
    }
}
