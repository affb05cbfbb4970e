package io.newsclaims.extract;

import java.util.List;
import java.util.Set;

/**
 * Words that refer to a company without naming it: "its", "it", "the company", "the cloud arm",
 * "the Chinese firm", "the startup", "the consumer business".
 *
 * @param kind  what the words refer to
 * @param start offset of the words
 * @param firstPerson the words are "we" or "our": a speaker, who may be the company or an analyst
 */
record Description(Kind kind, int start, boolean firstPerson) {

    Description(Kind kind, int start) {
        this(kind, start, false);
    }

    /** What a description refers to. */
    enum Kind {
        /** "it", "its": whatever company the reader has in mind. */
        PRONOUN,
        /** "the unit", "the cloud arm", "its cloud business", "its fastest-growing segment". */
        CLOUD_UNIT,
        /** "the company", "the group", "the tech giant": the whole company, not its cloud unit. */
        WHOLE_COMPANY,
        /** "the consumer business", "its video game unit": another business of the company. */
        OTHER_BUSINESS,
        /** "the startup", "the chipmaker": a company that is no provider; "his", "her": a person. */
        OTHER_COMPANY,
        /** "the largest CDN customer", "its customer base": a provider's customer, whose share of revenue is the provider's figure. */
        CUSTOMER,
        /** "the startup", "the unicorn": a young company; the provider in focus when that is a young cloud company itself. */
        STARTUP
    }

    /** "we" and "our" in an executive's quote speak for the company. */
    private static final Set<String> PRONOUNS = Set.of("it", "its", "it's", "we", "our", "we've", "we're");
    /** A person's possessions are not a company's: "his net worth rose by $101 billion". */
    private static final Set<String> PERSONAL = Set.of("his", "her");
    /** Heads of descriptions of a whole company. */
    static final Set<String> COMPANY_HEADS = Set.of("company", "firm", "group", "provider", "giant", "vendor",
            "operator", "player", "carrier", "subsidiary", "conglomerate", "hyperscaler");
    /**
     * Heads of descriptions of one business of a company: the cloud unit unless another business
     * is named. "segment" only after "its": "the second-largest segment" is a market's.
     */
    private static final Set<String> UNIT_HEADS = Set.of("unit", "arm", "division", "business", "businesses", "platform");
    /** Words that name a business other than cloud: "its video game business" is not the cloud unit. */
    private static final Set<String> OTHER_BUSINESSES = Set.of("game", "games", "gaming", "commerce", "ecommerce",
            "advertising", "ads", "ad", "retail", "search", "fintech", "payment", "payments", "devices", "device",
            "smartphone", "hardware", "social", "media", "music", "video", "entertainment", "logistics", "delivery",
            "travel", "consumer", "mobile", "phone", "ict", "carrier", "automotive", "power", "energy", "chip", "chips",
            "semiconductor", "networking", "telecom", "software", "services", "content", "cars", "vehicle", "consulting");
    /** Words that make a named unit the cloud one: "the Intelligent Cloud segment", "the AWS segment", "the IaaS segment". */
    private static final Set<String> CLOUD_WORDS = Set.of("cloud", "iaas", "paas", "saas", "aws", "azure");
    /** Words that make a unit the cloud one unless another business is named too: "its AI infrastructure business", not "the ICT infrastructure business". */
    private static final Set<String> WEAK_CLOUD_WORDS = Set.of("infrastructure", "web", "compute");
    /** Company heads that, in an article about cloud, name a cloud provider: "the fastest-growing provider". */
    private static final Set<String> CLOUD_COMPANY_HEADS = Set.of("provider", "hyperscaler");
    private static final Set<String> CLOUD = Set.of("cloud");
    /** Heads of a description of a young company: "the startup". */
    private static final Set<String> STARTUP_HEADS = Set.of("startup", "start-up", "unicorn");
    /** Verbs that make the description after them say what the sentence's subject is. */
    private static final Set<String> COPULAS = Set.of("is", "was", "are", "were", "remains", "remained", "became",
            "becomes", "stays", "stayed");
    /** Words between "the" or "its" and the head of a description, at most. */
    private static final int MAX_MODIFIERS = 3;

    /** Whether a word heads a description of one business of a company: "unit", "division", "segment"... */
    static boolean isUnitHead(String lower) {
        return UNIT_HEADS.contains(lower) || lower.equals("segment");
    }

    boolean cloudUnit() {
        return kind == Kind.CLOUD_UNIT;
    }

    boolean wholeCompany() {
        return kind == Kind.WHOLE_COMPANY;
    }

    boolean otherCompany() {
        return kind == Kind.OTHER_COMPANY;
    }

    boolean customer() {
        return kind == Kind.CUSTOMER;
    }

    boolean otherBusiness() {
        return kind == Kind.OTHER_BUSINESS;
    }

    /** Whether a word of {@code words} (lower case) stands strictly between two tokens: "the company's ICT ... business". */
    private static boolean wordBetween(List<Token> tokens, int from, int to, Set<String> words) {
        for (int k = from + 1; k < to; k++) {
            if (words.contains(tokens.get(k).lower())) {
                return true;
            }
        }
        return false;
    }

    /** "its segment", "the Intelligent Cloud segment", "the developer's intelligent cloud segment". */
    private static boolean namedOrOwned(List<Token> tokens, int head) {
        Token before = head > 0 ? tokens.get(head - 1) : null;
        if (before != null && before.isWord() && !before.isIgnoreCase("the") && head > 1) {
            Token name = tokens.get(head - 2); // "the ICT infrastructure segment": a named segment of two words
            if (name.isWord() && name.text().length() > 1 && name.text().chars().allMatch(Character::isUpperCase)) {
                return true;
            }
        }
        return before != null && (before.isIgnoreCase("its") || before.isIgnoreCase("cloud")
                || before.isWord() && Character.isUpperCase(before.text().charAt(0)));
    }

    /** The last description before the figure in its sentence, or null. */
    static Description before(List<Token> tokens, int figStart) {
        return between(tokens, tokens.isEmpty() ? figStart : tokens.get(0).start(), figStart);
    }

    /** The last description between two offsets of a sentence, or null. */
    static Description between(List<Token> tokens, int from, int to) {
        Description found = null;
        for (int k = 0; k < tokens.size() && tokens.get(k).start() < to; k++) {
            Token t = tokens.get(k);
            if (t.start() < from) {
                continue;
            }
            String w = t.lower();
            boolean unit = UNIT_HEADS.contains(w) || w.equals("segment") && namedOrOwned(tokens, k);
            boolean head = unit || COMPANY_HEADS.contains(w) || CompanyFinder.DESCRIPTORS.contains(w);
            int determiner = head ? determinerBefore(tokens, k) : -1;
            if (determiner > 0 && !unit && COPULAS.contains(tokens.get(determiner - 1).lower())) {
                continue; // "AWS was the main cloud service supplier": a predicate of the name before, no other company
            }
            if (determiner > 0 && !unit && found != null && found.cloudUnit() && tokens.get(determiner - 1).isIgnoreCase("of")
                    && tokens.get(determiner).isIgnoreCase("the")) {
                continue; // "the cloud unit of the retailer": the owner of the unit named before, not a new referent
            }
            if (determiner >= 0) {
                found = new Description(kindOf(tokens, determiner, k, unit), tokens.get(determiner).start());
            } else if (PERSONAL.contains(w)) {
                found = new Description(Kind.OTHER_COMPANY, t.start());
            } else if (PRONOUNS.contains(w) && !t.text().equals("IT") && found == null) { // "IT spending" is no pronoun
                found = new Description(Kind.PRONOUN, t.start(), w.startsWith("we") || w.equals("our")); // after a description, "its" refers to it
            }
        }
        return found;
    }

    private static Kind kindOf(List<Token> tokens, int determiner, int head, boolean unit) {
        String h = tokens.get(head).lower();
        boolean cloud = false;
        boolean weakCloud = false;
        boolean other = false;
        boolean named = false;
        for (int k = determiner + 1; k < head; k++) {
            String w = tokens.get(k).lower();
            other |= OTHER_BUSINESSES.contains(w);
            cloud |= CLOUD_WORDS.contains(w);
            weakCloud |= WEAK_CLOUD_WORDS.contains(w);
            named |= tokens.get(k).isWord() && Character.isUpperCase(tokens.get(k).text().charAt(0));
        }
        for (int k = determiner + 1; k + 1 < head; k++) {
            // "its web services division": the name of a cloud business, though "services" alone names another
            cloud |= tokens.get(k).isIgnoreCase("web") && tokens.get(k + 1).isIgnoreCase("services");
        }
        cloud |= weakCloud && !other;
        if (other && !(cloud && unit) && !COMPANY_HEADS.contains(h)) {
            return Kind.OTHER_BUSINESS; // but "the cloud services business" is the cloud unit
        }
        if (other && !cloud) {
            return Kind.WHOLE_COMPANY; // "the e-commerce giant": a whole company named by its main business
        }
        if (unit) {
            // "the More Personal Computing division": a named unit that is not the cloud's is another business
            return named && !cloud ? Kind.OTHER_BUSINESS : Kind.CLOUD_UNIT;
        }
        if (COMPANY_HEADS.contains(h)) {
            return cloud || CLOUD_COMPANY_HEADS.contains(h) ? Kind.CLOUD_UNIT : Kind.WHOLE_COMPANY;
        }
        if (h.equals("customer") || h.equals("client")) {
            return Kind.CUSTOMER;
        }
        return STARTUP_HEADS.contains(h) ? Kind.STARTUP : Kind.OTHER_COMPANY; // "the startup", "the chipmaker"
    }

    boolean startup() {
        return kind == Kind.STARTUP;
    }

    /**
     * "the company", "the Chinese company", "the e-commerce giant", "its cloud business": the
     * index of "the" or "its" at most {@value #MAX_MODIFIERS} words before the head, or -1.
     */
    private static int determinerBefore(List<Token> tokens, int head) {
        int words = 0;
        for (int k = head - 1; k >= 0; k--) {
            Token t = tokens.get(k);
            if (t.isIgnoreCase("the") || t.isIgnoreCase("its") || t.isIgnoreCase("this") || t.isIgnoreCase("our")
                    || t.isIgnoreCase("that")) {
                return k;
            }
            if (t.isIgnoreCase("s") && k > 0 && (tokens.get(k - 1).is("'") || tokens.get(k - 1).is("\u2019"))) {
                // "the software developer's intelligent cloud segment": a possessive stands for the determiner of a
                // cloud unit; "Tencent's main business" or "China's e-commerce giant" is no description
                return wordBetween(tokens, k, head, CLOUD) || wordBetween(tokens, k, head, OTHER_BUSINESSES) ? k : -1;
            }
            if (t.is("-") && t.attached()) {
                k--; // "e-commerce": the part before the hyphen is the same word
                continue;
            }
            if (!t.isWord() || ++words > MAX_MODIFIERS) {
                return -1;
            }
        }
        return -1;
    }
}
