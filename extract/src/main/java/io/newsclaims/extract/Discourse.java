package io.newsclaims.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a reader remembers while reading an article, for figures whose sentence names nobody:
 * the provider the article is about (from its headline and lead), and the company the latest
 * sentence that named one was about (the "focus" a pronoun refers to). One per extraction;
 * not thread-safe.
 */
final class Discourse {
    private final Provider topic;
    private final boolean topicViaParent;
    private final boolean marketArticle;
    private boolean paragraphIsCloud;
    private Set<String> namedByAlias = Set.of();
    private boolean paragraphNamesCloudUnit;
    private Referent focus;
    private boolean focusAlone;
    private List<Referent> previousProviders = List.of();
    private boolean sourceLed;
    private int focusParagraph = -1;
    private int paragraph;
    private Referent heading;
    private boolean bullet;
    private Subject lastFigureSubject;
    private Subject lastDeal;
    private int sentencesSinceFigure = Integer.MAX_VALUE;

    /**
     * @param topic          the provider the article is about, or null when its lead names none or several
     * @param topicViaParent the lead names that provider by its parent's name ("Alibaba's results"): the
     *                       article is about the group, whose totals are not the cloud unit's
     * @param marketArticle  the lead names several providers
     */
    Discourse(Provider topic, boolean topicViaParent, boolean marketArticle) {
        this.topic = topic;
        this.topicViaParent = topicViaParent;
        this.marketArticle = marketArticle;
    }

    /**
     * Whether the article's lead names several providers: a market report, where a parent's name
     * ("Tencent's revenue growth of 49.5 per cent") means its cloud unit; in an article about one
     * company, a parent's revenue is the group's.
     */
    boolean marketArticle() {
        return marketArticle;
    }

    /** Whether the lead names the topic by its parent's name. */
    boolean topicViaParent() {
        return topicViaParent;
    }

    /** The provider the article is about, or null. */
    Provider topic() {
        return topic;
    }

    /**
     * Starts a paragraph.
     *
     * @param cloud        whether it talks about cloud
     * @param namedByAlias the providers it names by their own name ("Azure"), not their parent's
     * @param namesCloudUnit whether it speaks of a cloud unit ("the cloud computing business")
     */
    void paragraph(boolean cloud, Set<String> namedByAlias, boolean namesCloudUnit) {
        this.paragraphIsCloud = cloud;
        this.namedByAlias = namedByAlias;
        this.paragraphNamesCloudUnit = namesCloudUnit;
    }

    /**
     * Whether the paragraph speaks of a cloud unit as one business among others ("its cloud
     * computing business grew"): then the parent's name there means the whole group.
     */
    boolean paragraphNamesCloudUnit() {
        return paragraphNamesCloudUnit;
    }

    /** Whether the paragraph talks about cloud: there a parent's name means its cloud unit. */
    boolean paragraphIsCloud() {
        return paragraphIsCloud;
    }

    /**
     * Whether the paragraph names this provider by its own name: then its parent's name there
     * means the parent ("Microsoft's revenue rose 16% while Azure grew 33%").
     */
    boolean namedByAlias(String providerId) {
        return namedByAlias.contains(providerId);
    }

    /** The company a pronoun refers to: the first one named in the latest sentence that named one; or null. */
    Referent focus() {
        return focus;
    }

    /** Whether the focus was named in this paragraph or the one before (a zero anaphor reaches no further). */
    boolean focusIsRecent() {
        return focus != null && paragraph - focusParagraph <= 1;
    }

    /** Whether the focus was named in this paragraph. */
    boolean focusInThisParagraph() {
        return focus != null && paragraph == focusParagraph;
    }

    /** Whether the sentence of the focus named no other company: only then can a sentence without any name continue it. */
    boolean focusIsAlone() {
        return focusAlone;
    }

    void nextParagraph() {
        paragraph++;
        lastFigureSubject = null;
    }

    /** The subject of the last figure of the sentence just read (after {@link #sentenceNamed}). */
    void figureRead(Subject subject) {
        lastFigureSubject = subject;
        sentencesSinceFigure = 0;
    }

    /** A contract's value read with the provider that sells under it: "the deal" after it is that contract. */
    void dealRead(Subject seller) {
        lastDeal = seller;
    }

    /** The seller of the last contract whose value the article gave, or null. */
    Subject lastDeal() {
        return lastDeal;
    }

    /**
     * The subject of the last figure of the previous sentence of this paragraph, or null: what
     * "That's up 54%" speaks of.
     */
    Subject previousSentenceFigure() {
        return sentencesSinceFigure == 1 ? lastFigureSubject : null;
    }

    /**
     * Reads a paragraph's layout before its sentences: a heading that names one provider ("Google
     * Cloud Storage Classes") opens a section whose bullets are about that provider; a paragraph
     * that is neither a bullet nor such a heading closes it.
     *
     * @param isHeading   a short line with no figure and no sentence end
     * @param isLabel     such a line that ends with a colon ("Storage (Standard, us-east-1):"): naming no provider,
     *                    it labels lines within the section rather than opening another
     * @param isBullet    a line that opens with a bullet mark or is indented
     * @param providers   the providers the paragraph names
     */
    void layout(boolean isHeading, boolean isLabel, boolean isBullet, List<Referent> providers) {
        bullet = isBullet;
        List<String> ids = providers.stream().filter(Referent::isProvider).map(Referent::providerId).distinct().toList();
        if (isHeading) {
            if (!(isLabel && ids.isEmpty())) {
                heading = ids.size() == 1 ? providers.stream().filter(Referent::isProvider).findFirst().orElseThrow() : null;
            }
        } else if (!isBullet) {
            heading = null;
        }
    }

    /** The provider of the heading above, when this paragraph is one of the bullets under it; or null. */
    Referent sectionProvider() {
        return bullet ? heading : null;
    }

    /**
     * Whether the previous sentence named a source of figures first ("Gartner said..."): an "it"
     * that opens the next sentence is that source, not a provider.
     */
    boolean sourceLed() {
        return sourceLed;
    }

    /** The distinct providers the previous sentence named, in order ("Their shares were 29%, 20% and 13% respectively"). */
    List<Referent> previousProviders() {
        return previousProviders;
    }

    /**
     * After a sentence: its first company, if it named one, becomes the focus; a source of figures
     * (a research firm, an analyst's bank) never does.
     */
    void sentenceNamed(List<Referent> named) {
        if (sentencesSinceFigure < Integer.MAX_VALUE) {
            sentencesSinceFigure++;
        }
        List<Referent> providers = new ArrayList<>();
        for (Referent r : named) {
            if (r.isProvider() && providers.stream().noneMatch(p -> p.providerId().equals(r.providerId()))) {
                providers.add(r);
            }
        }
        previousProviders = providers;
        sourceLed = !named.isEmpty() && named.get(0).source();
        List<Referent> subjects = named.stream().filter(r -> !r.source() && !r.place()).toList();
        if (!subjects.isEmpty()) {
            // the article's own provider, when the sentence names it among others, is what "the company" next refers to
            focus = subjects.stream().filter(r -> topic != null && topic.id().equals(r.providerId())).findFirst()
                    .orElse(subjects.get(0));
            focusParagraph = paragraph;
            focusAlone = subjects.stream().allMatch(r -> sameCompany(r, subjects.get(0)));
        }
    }

    /**
     * After a sentence whose subject is a cloud unit ("The tech giant's cloud unit ... showed growth"): a
     * focus named by its parent's name now stands for that unit.
     */
    void focusOnCloudUnit() {
        if (focus != null && focus.isProvider() && focus.viaParent()) {
            focus = new Referent(focus.provider(), focus.start(), focus.end(), false, Referent.Kind.PROVIDER);
            focusParagraph = paragraph; // the unit is spoken of here, though named earlier
        }
    }

    private static boolean sameCompany(Referent a, Referent b) {
        return a.isProvider() ? a.providerId().equals(b.providerId()) : !b.isProvider();
    }
}
