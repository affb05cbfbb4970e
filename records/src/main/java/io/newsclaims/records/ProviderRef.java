package io.newsclaims.records;

/** A cloud provider named in an article: canonical id ("alibaba-cloud") and display name. */
public record ProviderRef(String id, String name) {
}
