package io.newsclaims.extract;

/**
 * A provider named in the text.
 *
 * @param provider the provider
 * @param start    offset of the name in the article text
 * @param end      offset after the name
 * @param viaParent the text names the parent company ("Alibaba"), not the cloud unit
 */
public record ProviderMention(Provider provider, int start, int end, boolean viaParent) {
}
