package io.newsclaims.extract;

import java.util.List;
import java.util.Set;

/**
 * Words that refer to a company without naming it: "its", "it", "the company", "the cloud arm",
 * "the Chinese firm", "the startup".
 *
 * @param cloudUnit    the words name the cloud unit ("the unit", "its cloud business")
 * @param wholeCompany the words name a whole company ("the company", "the group", "the tech giant")
 * @param otherCompany the words name a company that is no provider ("the startup", "the chipmaker")
 * @param start        offset of the words
 */
record Description(boolean cloudUnit, boolean wholeCompany, boolean otherCompany, int start) {
    /** Words that refer back to a company: "it", "its", "the company", "the cloud arm". */
    private static final Set<String> PRONOUNS = Set.of("it", "its", "it's");
    private static final Set<String> DESCRIPTION_HEADS = Set.of("company", "firm", "group", "unit", "arm", "division",
            "business", "segment", "provider", "giant", "vendor", "operator", "player", "platform", "carrier",
            "subsidiary", "conglomerate", "hyperscaler");
    /** A description that names the cloud unit, not the whole company: "the cloud arm", "its cloud business". */
    private static final Set<String> CLOUD_UNIT_HEADS = Set.of("unit", "arm", "division", "business", "segment");
    /** Words that name a business other than cloud: "its video game business" is not the cloud unit. */
    private static final Set<String> OTHER_BUSINESSES = Set.of("game", "games", "gaming", "commerce", "ecommerce",
            "advertising", "ads", "ad", "retail", "search", "fintech", "payment", "payments", "devices", "device",
            "smartphone", "hardware", "social", "media", "music", "video", "entertainment", "logistics", "delivery",
            "travel", "consumer", "mobile", "phone");

    /** The last description before the figure in its sentence, or null. */
    static Description before(List<Token> tokens, int figStart) {
        return between(tokens, tokens.isEmpty() ? figStart : tokens.get(0).start(), figStart);
    }

    static Description between(List<Token> tokens, int from, int to) {
        Description found = null;
        for (int k = 0; k < tokens.size() && tokens.get(k).start() < to; k++) {
            Token t = tokens.get(k);
            if (t.start() < from) {
                continue;
            }
            if (PRONOUNS.contains(t.lower())) {
                if (found == null || !found.otherCompany()) {
                    found = new Description(unitHeadAfter(tokens, k, to), false, false, t.start());
                }
            } else if (DESCRIPTION_HEADS.contains(t.lower()) && definiteBefore(tokens, k)) {
                boolean unit = CLOUD_UNIT_HEADS.contains(t.lower());
                found = new Description(unit, !unit, false, t.start());
            } else if (CompanyFinder.DESCRIPTORS.contains(t.lower()) && definiteBefore(tokens, k)) {
                found = new Description(false, false, true, t.start()); // "the startup", "the chipmaker": not a provider
            }
        }
        return found;
    }

    /**
     * "its cloud business", "its fastest-growing segment": a unit's head within four words after
     * "its", and not another business's ("its video game business").
     */
    private static boolean unitHeadAfter(List<Token> tokens, int pronoun, int to) {
        for (int k = pronoun + 1; k < tokens.size() && k <= pronoun + 5 && tokens.get(k).start() < to; k++) {
            if (CLOUD_UNIT_HEADS.contains(tokens.get(k).lower())) {
                return true;
            }
            if (!tokens.get(k).isWord() && !tokens.get(k).is("-") || OTHER_BUSINESSES.contains(tokens.get(k).lower())) {
                return false;
            }
        }
        return false;
    }

    /** "the company", "the Chinese company", "the e-commerce giant": "the" at most two words before the head. */
    private static boolean definiteBefore(List<Token> tokens, int head) {
        int words = 0;
        for (int k = head - 1; k >= 0; k--) {
            Token t = tokens.get(k);
            if (t.isIgnoreCase("the")) {
                return true;
            }
            if (t.is("-") && t.attached()) {
                k--; // "e-commerce": the part before the hyphen is the same word
                continue;
            }
            if (!t.isWord() || ++words > 2) {
                return false;
            }
        }
        return false;
    }
}
