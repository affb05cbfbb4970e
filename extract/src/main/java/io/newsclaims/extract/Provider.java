package io.newsclaims.extract;

import java.util.List;

/**
 * A cloud provider of the gazetteer.
 *
 * @param id      canonical id ("alibaba-cloud")
 * @param name    display name ("Alibaba Cloud")
 * @param aliases names that always mean the cloud unit
 * @param parents names of the parent company, meaning the cloud unit only in a cloud context
 */
public record Provider(String id, String name, List<String> aliases, List<String> parents) {
    public Provider {
        aliases = List.copyOf(aliases);
        parents = List.copyOf(parents);
    }
}
