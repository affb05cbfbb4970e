package io.newsclaims.extract;

import java.util.List;

/**
 * A company or place named in the text, which a figure may be about: a cloud provider (by its own
 * name or, in a cloud context, its parent's), or another company (a chipmaker, a customer, a
 * parent named for its stock or its other businesses), a source of figures, or a place, whose
 * figures have no provider.
 *
 * @param provider  the provider, or null for a name that is not one
 * @param start     offset of the name in the article text
 * @param end       offset after the name
 * @param viaParent the name is a parent company's ("Alibaba"), so a figure about the group as a
 *                  whole is not the cloud unit's
 * @param kind      what the name is
 */
record Referent(Provider provider, int start, int end, boolean viaParent, Kind kind) {

    /** What a name stands for. */
    enum Kind {
        /** A cloud provider, or its parent in a cloud context. */
        PROVIDER,
        /** A company that is no provider: its figures have no provider, a pronoun after it refers to it. */
        COMPANY,
        /** A source of figures (a research firm, an analyst's bank): not what they are about. */
        SOURCE,
        /** A region or country: a market's figures; after a company in a sentence, where rather than who. */
        PLACE,
        /**
         * A parent named for its stock in a cloud context ("shares of Oracle"): its figures are the
         * stock's, yet "the company" after it is that group.
         */
        STOCK;

        /** The kind named in a data file's column ("company", "source", "place"). */
        static Kind of(String column, int line) {
            try {
                return valueOf(column.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("companies.tsv:" + line + ": unknown kind '" + column.strip()
                        + "'; expected company, source or place", e);
            }
        }
    }

    /** A provider mention, or a parent's name standing for the company (then {@code provider} is null). */
    Referent(Provider provider, int start, int end, boolean viaParent) {
        this(provider, start, end, viaParent, provider == null ? Kind.COMPANY : Kind.PROVIDER);
    }

    boolean isProvider() {
        return provider != null;
    }

    /** Whether the name counts as a mention of its provider (not of the stock, not of another company). */
    boolean mentionsProvider() {
        return kind == Kind.PROVIDER;
    }

    boolean stock() {
        return kind == Kind.STOCK;
    }

    /** The provider id, or null. */
    String providerId() {
        return provider == null ? null : provider.id();
    }

    /** A source of figures or a place: never what a pronoun refers to. */
    boolean source() {
        return kind == Kind.SOURCE;
    }

    boolean place() {
        return kind == Kind.PLACE;
    }

    /** The referent starting at token {@code k} (after an optional "the"), or null. */
    static Referent at(List<Referent> referents, List<Token> tokens, int k) {
        if (k < tokens.size() && tokens.get(k).isIgnoreCase("the")) {
            k++;
        }
        if (k >= tokens.size()) {
            return null;
        }
        int at = tokens.get(k).start();
        for (Referent m : referents) {
            if (m.start() == at) {
                return m;
            }
        }
        return null;
    }
}
