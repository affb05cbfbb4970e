package io.newsclaims.extract;

import io.newsclaims.records.FigureValue;
import java.util.List;
import java.util.Set;

/**
 * Whose money a contract or an investment is: the provider that sells under a contract ("OpenAI
 * signed a $300 billion agreement with Oracle", "Nebius signed a contract with Microsoft worth $17.4
 * billion": the pure provider sells to the group), or no provider for money put into another company
 * ("invested $13 billion in OpenAI"). Rules of {@link SubjectLinker}, kept apart because they read a
 * deal's parties, not a sentence's subject.
 */
final class Contracts {
    /** Words of a contract between a customer and a provider. */
    private static final List<String> DEAL_CUES = List.of("deal", "agreement", "contract", "order from", "commits",
            "commitment to", "pact", "signed");
    /** Tokens around a contract's value within which the deal's words must stand. */
    private static final int DEAL_REACH = 6;
    /** Money around a deal that is not the contract's value: a stake, an investment, an initiative. */
    private static final List<String> NOT_DEALS = List.of("equity", "stake", "invest", "initiative", "valuation");
    /** Words that introduce the seller of a contract: "agreement with Oracle", "power from Oracle", "commits ... to Google Cloud". */
    private static final Set<String> SELLER_CUES = Set.of("with", "from", "to");

    /**
     * "invested $13 billion in OpenAI", "we've invested $2 billion into CoreWeave": money put into
     * a company is the investor's stake, not the company's figure (the investor is not the subject
     * either: its investment is in another company).
     */
    static Referent investee(FigureValue fig, List<Referent> referents, List<Token> tokens) {
        int k = Tokens.indexAt(tokens, fig.end());
        if (k + 1 < tokens.size() && (tokens.get(k).isIgnoreCase("more") || tokens.get(k).isIgnoreCase("extra"))) {
            k++; // "$10 billion more in Anthropic"
        }
        if (k >= tokens.size() || !(tokens.get(k).isIgnoreCase("in") || tokens.get(k).isIgnoreCase("into"))) {
            return null;
        }
        int at = k + 1 < tokens.size() ? tokens.get(k + 1).start() : -1;
        for (Referent m : referents) {
            if (m.start() == at && !m.place() && investing(tokens, k)) {
                return m;
            }
        }
        return null;
    }

    /**
     * "OpenAI has signed a $300 billion agreement with Oracle", "Anthropic commits $200 billion to
     * Google Cloud", "Microsoft signed a $19.4 billion agreement with Nebius": a contract's value is
     * the provider's that sells the capacity: the one provider among the parties, or of two, the
     * one the deal is made with, from or to. Null when the sentence is no deal or the seller unclear.
     */
    static Referent dealParty(String text, FigureValue fig, List<Referent> referents, List<Token> tokens) {
        if (tokens.isEmpty()) {
            return null;
        }
        // the deal's own words around its value, and no stake or investment ("$350 million worth of equity")
        int at = Tokens.indexAt(tokens, fig.start());
        int from = tokens.get(Math.max(0, at - DEAL_REACH)).start();
        int to = tokens.get(Math.min(tokens.size() - 1, Tokens.indexAt(tokens, fig.end()) + DEAL_REACH)).end();
        String near = Tokens.lower(text, from, to);
        if (!Tokens.containsAny(near, DEAL_CUES) || Tokens.containsAny(near, NOT_DEALS)) {
            return null;
        }
        List<Referent> providers = referents.stream().filter(Referent::isProvider).toList();
        List<String> ids = providers.stream().map(Referent::providerId).distinct().toList();
        boolean otherParty = referents.stream().anyMatch(m -> !m.isProvider() && !m.source() && !m.place());
        if (ids.size() == 1 && otherParty) {
            return providers.get(0);
        }
        Referent seller = null;
        for (Referent m : providers) {
            int k = Tokens.indexAt(tokens, m.start()) - 1;
            while (k >= 0 && (tokens.get(k).isWord() && Character.isLowerCase(tokens.get(k).text().charAt(0))
                    && !SELLER_CUES.contains(tokens.get(k).lower()) && k > Tokens.indexAt(tokens, m.start()) - 6)) {
                k--; // "with the artificial intelligence infrastructure group Nebius"
            }
            if (k >= 0 && SELLER_CUES.contains(tokens.get(k).lower())) {
                if (seller != null && !seller.providerId().equals(m.providerId())) {
                    return null;
                }
                seller = m;
            }
        }
        return seller != null && buyingGroup(seller) ? pureSellerBefore(fig, referents, seller) : seller;
    }

    /**
     * Nouns of a contract: "a $38 billion partnership with OpenAI", "The deal is worth...", "the Microsoft contract"
     * (the one vocabulary of contracts of the subject rules).
     */
    static final Set<String> CONTRACT_NOUNS = Set.of("deal", "deals", "agreement", "agreements", "contract", "contracts",
            "partnership", "pact", "lease", "commitment", "commitments", "pledge");
    /** Verbs of a customer's commitment to buy: "Anthropic has committed $200 billion ... to Google Cloud". */
    private static final Set<String> COMMIT_VERBS = Set.of("committed", "commits", "commit", "pledged", "spend", "spending", "pay", "paying");

    /**
     * The provider a contract's value goes to: the seller of "a $38 billion deal with X", of money
     * committed "to X", of "a deal with X ..., worth $300 billion"; or null.
     */
    static Referent contractParty(FigureValue fig, List<Referent> referents, List<Token> tokens) {
        Referent r = contractNamed(fig, referents, tokens);
        r = r != null ? r : committedTo(fig, referents, tokens);
        r = r != null ? r : dealWorth(fig, referents, tokens);
        return r != null ? r : listedWith(fig, referents, tokens);
    }


    /**
     * "Additional contracts include up to US$19.4 billion with Nebius, over US$10 billion with CoreWeave, US$9.7 billion
     * with Australian firm Iren": in a sentence listing contracts, a value followed by "with" and a provider (after at
     * most a short description) is that provider's contract.
     */
    private static Referent listedWith(FigureValue fig, List<Referent> referents, List<Token> tokens) {
        if (tokens.stream().noneMatch(t -> CONTRACT_NOUNS.contains(t.lower()) && t.lower().endsWith("s"))) {
            return null;
        }
        int k = Tokens.indexAt(tokens, fig.end());
        if (k < 0 || k >= tokens.size() || !tokens.get(k).isIgnoreCase("with")) {
            return null;
        }
        for (int j = k + 1; j < tokens.size() && j <= k + 3; j++) {
            Referent m = Referent.at(referents, tokens, j);
            if (m != null) {
                return m.isProvider() && !m.place() && !m.source() ? m : null;
            }
            if (!tokens.get(j).isWord()) {
                return null;
            }
        }
        return null;
    }

    /** Words between "worth" and a contract's value: "reportedly worth up to $300 billion". */
    private static final Set<String> WORTH_HEDGES = Set.of("up", "to", "about", "around", "roughly", "nearly", "almost",
            "as", "much", "more", "than", "over", "some", "at", "least", "an", "estimated");

    /**
     * "signed a five-year cloud deal with Oracle in September, reportedly worth up to $300 billion":
     * the value of a deal named before it goes to the provider the deal is with, as a contract's does.
     */
    private static Referent dealWorth(FigureValue fig, List<Referent> referents, List<Token> tokens) {
        int k = Tokens.indexAt(tokens, fig.start()) - 1;
        while (k >= 0 && WORTH_HEDGES.contains(tokens.get(k).lower())) {
            k--;
        }
        if (k < 0 || !(tokens.get(k).isIgnoreCase("worth") || tokens.get(k).isIgnoreCase("valued"))) {
            return null;
        }
        for (int j = k - 1; j >= 0 && j >= k - 15; j--) {
            Token t = tokens.get(j);
            if (t.is(";") || Tokens.CLAUSE_BREAKS.contains(t.lower())) {
                return null;
            }
            if (CONTRACT_NOUNS.contains(t.lower()) && j + 2 < k && (tokens.get(j + 1).isIgnoreCase("with") || tokens.get(j + 1).isIgnoreCase("from"))) {
                Referent m = Referent.at(referents, tokens, j + 2);
                return m == null || !m.isProvider() || m.place() || m.source() ? null
                        : buyingGroup(m) ? pureSellerBefore(fig, referents, m) : m;
            }
        }
        return null;
    }

    /**
     * "Anthropic has committed approximately $200 billion over five years to Google Cloud": money a
     * customer commits to a provider is the provider's contract, whoever is named first.
     */
    private static Referent committedTo(FigureValue fig, List<Referent> referents, List<Token> tokens) {
        int k = Tokens.indexAt(tokens, fig.start());
        boolean verb = false;
        for (int j = Math.max(0, k - 3); j < k && k >= 0; j++) {
            verb |= COMMIT_VERBS.contains(tokens.get(j).lower());
        }
        if (!verb) {
            return null;
        }
        // "to Google Cloud", "on AWS", "with Oracle", "to rent its own chips from CoreWeave"
        int after = Tokens.indexAt(tokens, fig.end());
        for (int j = after; j >= 0 && j + 1 < tokens.size() && j <= after + 12; j++) {
            Token t = tokens.get(j);
            if (t.is(",") || t.is(";")) {
                return null;
            }
            if (t.isIgnoreCase("to") || t.isIgnoreCase("on") || t.isIgnoreCase("with") || t.isIgnoreCase("from")) {
                Referent m = Referent.at(referents, tokens, j + 1);
                if (m != null) {
                    return m.isProvider() && !m.place() && !m.source() ? m : null;
                }
            }
        }
        return null;
    }
    /** Words that may stand between a contract's value and its noun: "a $38 billion, multi-year strategic partnership". */
    private static final int CONTRACT_MODIFIERS = 6;

    /**
     * The seller of a contract whose value the sentence writes with it: "a 200 billion dollar deal
     * with Oracle" (the provider after "with"/"from"), "a $38 billion partnership with OpenAI" (the
     * one provider of the sentence when the other party is no provider), "$30 billion worth of
     * Microsoft Azure compute". Null when the figure is no such contract's value.
     */
    private static Referent contractNamed(FigureValue fig, List<Referent> referents, List<Token> tokens) {
        int k = Tokens.indexAt(tokens, fig.end());
        if (k < 0 || k >= tokens.size()) {
            return null;
        }
        if (tokens.get(k).isIgnoreCase("worth") && k + 1 < tokens.size() && tokens.get(k + 1).isIgnoreCase("of")) {
            Referent m = Referent.at(referents, tokens, k + 2);
            if (m == null) { // "$1 billion worth of services from CoreWeave"
                for (int j = k + 2; j < tokens.size() && j <= k + 5 && m == null; j++) {
                    if (tokens.get(j).isIgnoreCase("from")) {
                        m = Referent.at(referents, tokens, j + 1);
                    }
                }
            }
            return m != null && m.isProvider() && !m.place() ? m : null; // "$30 billion worth of Microsoft Azure compute"
        }
        int noun = -1;
        for (int j = k; j < tokens.size() && j <= k + CONTRACT_MODIFIERS; j++) {
            Token t = tokens.get(j);
            if (CONTRACT_NOUNS.contains(t.lower())) {
                noun = j;
                break;
            }
            if (!(t.isWord() || t.is(",") || t.is("-"))) {
                return null;
            }
        }
        if (noun < 0) {
            return null;
        }
        boolean with = noun + 1 < tokens.size() && (tokens.get(noun + 1).isIgnoreCase("with") || tokens.get(noun + 1).isIgnoreCase("from"));
        Referent party = null;
        for (int j = noun + 2; with && party == null && j < tokens.size() && j <= noun + 7; j++) {
            party = Referent.at(referents, tokens, j); // "an agreement with data-centre operator IREN"
            if (party == null && !(tokens.get(j).isWord() && Character.isLowerCase(tokens.get(j).text().charAt(0))
                    || tokens.get(j).is("-"))) {
                break;
            }
        }
        if (party != null && (party.place() || party.source())) {
            return null;
        }
        if (party != null && party.isProvider()) {
            return buyingGroup(party) ? pureSellerBefore(fig, referents, party) : party;
        }
        // the other party is a customer ("a $38 billion partnership with OpenAI", "Amazon and OpenAI sign $38B
        // deal"): the contract is the one provider's named before it, beside a company that is no provider
        List<Referent> parties = referents.stream().filter(m -> m.end() <= fig.start() && !m.place() && !m.source()).toList();
        List<String> ids = parties.stream().filter(Referent::isProvider).map(Referent::providerId).distinct().toList();
        boolean customer = party != null || parties.stream().anyMatch(m -> !m.isProvider());
        return ids.size() == 1 && customer ? parties.stream().filter(Referent::isProvider).findFirst().orElseThrow() : null;
    }

    /** A group named by its own name ("with Microsoft"), which buys capacity when the other party is a pure provider. */
    static boolean buyingGroup(Referent party) {
        return party.viaParent();
    }

    /**
     * "Nscale has signed a $6.2 billion agreement with Microsoft": when a deal is made with a group that has a
     * cloud unit, a pure provider named before the value is the one selling (its contract); else the group's unit.
     */
    static Referent pureSellerBefore(FigureValue fig, List<Referent> referents, Referent party) {
        return referents.stream().filter(m -> m.end() <= fig.start() && m.isProvider() && !m.viaParent()
                        && m.provider().parents().isEmpty() && !m.providerId().equals(party.providerId()))
                .findFirst().orElse(party);
    }

    /** "$19.4 billion deal", "$6.2 billion, five-year agreement": a contract noun right after a value. */
    static boolean contractNounAfter(FigureValue fig, List<Token> tokens) {
        int k = Tokens.indexAt(tokens, fig.end());
        for (int j = k; j >= 0 && j < tokens.size() && j <= k + CONTRACT_MODIFIERS; j++) {
            Token t = tokens.get(j);
            if (CONTRACT_NOUNS.contains(t.lower())) {
                return true;
            }
            if (!(t.isWord() || t.is(",") || t.is("-"))) {
                return false;
            }
        }
        return false;
    }
    /** Whether an investment word comes before the figure's "in"/"into" in its sentence. */
    private static boolean investing(List<Token> tokens, int in) {
        for (int k = 0; k < in; k++) {
            String w = tokens.get(k).lower();
            if (w.startsWith("invest") || w.equals("stake") || w.equals("funding") || w.equals("poured")) {
                return true;
            }
        }
        return false;
    }

    private Contracts() {
    }
}
