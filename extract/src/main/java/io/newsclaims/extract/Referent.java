package io.newsclaims.extract;

/**
 * A company named in the text, which a figure may be about: a cloud provider (by its own name or,
 * in a cloud context, its parent's), or another company (a chipmaker, a customer, an analyst firm,
 * a parent named for its stock or its other businesses), whose figures have no provider.
 *
 * @param provider  the provider, or null for a company that is not one
 * @param start     offset of the name in the article text
 * @param end       offset after the name
 * @param viaParent the name is a parent company's ("Alibaba"), so a figure about the group as a
 *                  whole is not the cloud unit's
 * @param source    a source of figures (a research firm, an analyst's bank: "Canalys", "Morgan
 *                  Stanley"), which a pronoun after it does not refer to
 */
record Referent(Provider provider, int start, int end, boolean viaParent, boolean source) {

    Referent(Provider provider, int start, int end, boolean viaParent) {
        this(provider, start, end, viaParent, false);
    }

    boolean isProvider() {
        return provider != null;
    }

    /** The provider id, or null. */
    String providerId() {
        return provider == null ? null : provider.id();
    }
}
