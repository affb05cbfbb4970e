package io.newsclaims.extract.zh;

import io.newsclaims.records.Claim;
import io.newsclaims.records.ProviderRef;
import java.util.List;

/**
 * What the Chinese reader found in one article.
 *
 * @param providers providers named, in order of first mention
 * @param claims    one claim per figure, in text order, with its subject evidence (the engine adds the confidence)
 * @param rules     for each claim, the rule that decided its subject
 */
public record ChineseExtraction(List<ProviderRef> providers, List<Claim> claims, List<String> rules) {
    public ChineseExtraction {
        providers = List.copyOf(providers);
        claims = List.copyOf(claims);
        rules = List.copyOf(rules);
    }
}
