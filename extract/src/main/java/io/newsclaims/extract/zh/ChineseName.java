package io.newsclaims.extract.zh;

/**
 * A company, source or place named in Chinese text.
 *
 * @param providerId the provider it names, or null for a name that is not one
 * @param kind       what the name stands for
 * @param viaParent  the name is the parent company's ("阿里巴巴"), not the cloud unit's ("阿里云")
 * @param start      offset of the name in the article text
 * @param end        offset after the name
 */
record ChineseName(String providerId, Kind kind, boolean viaParent, int start, int end) {

    /** What a name stands for. */
    enum Kind {
        /** A cloud provider, or its parent in a cloud context. */
        PROVIDER,
        /** A company that is no provider (or a provider's parent outside a cloud context): no provider. */
        COMPANY,
        /** A source of figures (a research firm, a bank): never what they are about. */
        SOURCE,
        /** A country or region: its figures are a market's. */
        PLACE
    }

    boolean isProvider() {
        return kind == Kind.PROVIDER;
    }

    /** A company or provider: what a figure or a pronoun can be about. */
    boolean canBeSubject() {
        return kind == Kind.PROVIDER || kind == Kind.COMPANY;
    }
}
