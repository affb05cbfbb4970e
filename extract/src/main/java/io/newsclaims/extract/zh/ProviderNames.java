package io.newsclaims.extract.zh;

import java.util.List;

/**
 * A provider of the gazetteer as the Chinese reader needs it: the engine passes each provider
 * with its English names, and {@code providers-zh.tsv} adds the Chinese ones by id.
 *
 * @param id      canonical provider id ("alibaba-cloud")
 * @param name    display name ("Alibaba Cloud")
 * @param aliases names that always mean the cloud unit
 * @param parents names of the parent company, meaning the cloud unit only in a cloud context
 */
public record ProviderNames(String id, String name, List<String> aliases, List<String> parents) {
    public ProviderNames {
        aliases = List.copyOf(aliases);
        parents = List.copyOf(parents);
    }
}
