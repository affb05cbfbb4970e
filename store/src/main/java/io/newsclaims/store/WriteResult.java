package io.newsclaims.store;

/**
 * What one batch write changed.
 *
 * @param claimsInserted   claims that were new
 * @param claimsExisting   claims already stored (a redelivery or a re-run): left as they were
 * @param articlesWritten  articles inserted or updated
 */
public record WriteResult(int claimsInserted, int claimsExisting, int articlesWritten) {
    public static final WriteResult EMPTY = new WriteResult(0, 0, 0);

    public WriteResult plus(WriteResult o) {
        return new WriteResult(claimsInserted + o.claimsInserted, claimsExisting + o.claimsExisting,
                articlesWritten + o.articlesWritten);
    }
}
