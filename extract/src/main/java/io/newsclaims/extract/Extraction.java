package io.newsclaims.extract;

import io.newsclaims.records.Claim;
import io.newsclaims.records.ProviderRef;
import java.util.List;

/**
 * What the extractor found in one article.
 *
 * @param providers providers named, in order of first mention
 * @param claims    one claim per figure, in text order
 */
public record Extraction(List<ProviderRef> providers, List<Claim> claims) {
    public Extraction {
        providers = List.copyOf(providers);
        claims = List.copyOf(claims);
    }
}
