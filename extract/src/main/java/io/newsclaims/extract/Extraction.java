package io.newsclaims.extract;

import io.newsclaims.records.Claim;
import io.newsclaims.records.ProviderRef;
import java.util.List;

/**
 * What the extractor found in one article.
 *
 * @param providers   providers named, in order of first mention
 * @param claims      one claim per figure, in text order; the same figure in the same sentence once
 * @param occurrences for a claim whose figure occurred more than once in its sentence (a repeated
 *                    sentence, a flood), its id and how many times
 * @param truncated   true when the article had more than {@code ClaimFlood.MAX_CLAIMS} (2,000) claims:
 *                    the first ones are kept
 */
public record Extraction(List<ProviderRef> providers, List<Claim> claims, java.util.Map<String, Integer> occurrences,
                         boolean truncated) {
    public Extraction {
        providers = List.copyOf(providers);
        claims = List.copyOf(claims);
        occurrences = java.util.Map.copyOf(occurrences);
    }

    public Extraction(List<ProviderRef> providers, List<Claim> claims) {
        this(providers, claims, java.util.Map.of(), false);
    }
}
