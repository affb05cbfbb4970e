package io.newsclaims.extract;

import io.newsclaims.records.FigureKind;
import io.newsclaims.records.FigureValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Names and figures in lists: pairing by position ("X and Y grew 19% and 8%, respectively"),
 * coordinated names ("AWS, Azure and Google Cloud"), and figures that several companies share
 * ("together hold 63%"), which belong to none of them.
 */
final class NameLists {
    private static final Set<String> COMBINED = Set.of("combined", "together", "collectively", "collective", "jointly",
            "altogether", "shared", "share", "remaining", "between");
    /** Words before a name that make it the object of a comparison, not the subject. */
    static final Set<String> OBJECT_CUES = Set.of("than", "outpaced", "outpacing", "outpace", "outgrew",
            "overtook", "overtaking", "overtake", "beat", "beating", "ahead", "behind", "surpassed", "surpassing",
            "trailed", "trailing", "against", "versus", "vs", "past", "unseated", "edged", "edging", "topped", "topping",
            "over", "like", "including", "joined", "joining", "on");

    /** Words that open an adverbial list of names before a sentence's own subject: "After AWS and Microsoft, Alibaba won 7.7%". */
    private static final Set<String> ADVERBIAL_OPENERS = Set.of("after", "behind", "besides", "like", "unlike");

    /**
     * "After AWS and Microsoft, Alibaba Group won 7.7 percent": the names before the comma follow a preposition, and
     * the last name, after the comma, is the subject alone.
     */
    private static boolean afterAnAdverbialList(List<Referent> group, List<Token> tokens) {
        int first = Tokens.indexAt(tokens, group.get(0).start());
        int last = Tokens.indexAt(tokens, group.get(group.size() - 1).start());
        return first > 0 && ADVERBIAL_OPENERS.contains(tokens.get(first - 1).lower()) && last > 0 && tokens.get(last - 1).is(",");
    }

    /** Words that make the figures of a list of names the group's. */
    private static final Set<String> COLLECTIVELY = Set.of("collectively", "combined", "together", "jointly", "altogether");

    private NameLists() {
    }

    /**
     * "X and Y grew 19% and 8%, respectively", "noted X and Y rose to 23 per cent and 10 per cent,
     * respectively", "Their shares were 29%, 20% and 13% respectively" (names in the sentence
     * before): the figures listed right before "respectively" take, in order, the nearest list of
     * as many names. Null when the sentence has no such pair of lists.
     */
    static Referent[] respectively(List<FigureValue> figures, List<Referent> referents, List<Token> tokens,
                                           Discourse discourse) {
        int word = -1;
        for (int k = 0; k < tokens.size(); k++) {
            if (tokens.get(k).isIgnoreCase("respectively")) {
                word = k;
            }
        }
        if (word < 0 || figures.size() < 2) {
            return null;
        }
        int last = -1;
        for (int f = 0; f < figures.size(); f++) {
            if (figures.get(f).end() <= tokens.get(word).start()) {
                last = f;
            }
        }
        int first = last;
        while (first > 0 && listed(tokens, figures.get(first - 1), figures.get(first))) {
            first--;
        }
        int count = last - first + 1;
        if (last < 0 || count < 2) {
            return null;
        }
        List<Referent> names = nameListBefore(referents, tokens, figures.get(first).start(), count);
        if (names == null) {
            names = providersBefore(referents, figures.get(first).start(), count);
        }
        if (names == null) {
            names = segmentsBefore(referents, tokens, figures.get(first).start(), count);
        }
        if (names == null) {
            names = discourse.previousProviders().size() == count ? discourse.previousProviders() : null;
        }
        if (names == null) {
            return null;
        }
        Referent[] out = new Referent[figures.size()];
        for (int f = first; f <= last; f++) {
            out[f] = names.get(f - first);
        }
        int earlier = last + 1; // "..., respectively, compared with 19.3% and 18.8% a quarter before": the same names
        if (earlier + count <= figures.size() && comparedAfter(tokens, word, figures.get(earlier))) {
            boolean sameList = true;
            for (int f = earlier + 1; f < earlier + count && sameList; f++) {
                sameList = listed(tokens, figures.get(f - 1), figures.get(f));
            }
            boolean longer = earlier + count < figures.size() && listed(tokens, figures.get(earlier + count - 1),
                    figures.get(earlier + count));
            if (sameList && !longer) {
                for (int f = earlier; f < earlier + count; f++) {
                    out[f] = names.get(f - earlier);
                }
            }
        }
        return out;
    }

    /** The most words of a list item between two separators: "Google other", "the services segment". */
    private static final int MAX_ITEM_WORDS = 4;

    /**
     * "Revenue from Google Cloud, Google other, and other bets grew 28%, 24%, and 48%, respectively": the
     * {@code count} items of a list of things right before the figures, some of them no provider. Each item is
     * its provider's name, or, for an item naming none, a name of no provider (its figure has none). Null unless
     * there are as many items, each short but the first and the last (which carry the words before and after the
     * list, the first up to twice as long), none with a number, a parenthesis or a colon, at least one naming a provider
     * and none naming two.
     */
    private static List<Referent> segmentsBefore(List<Referent> referents, List<Token> tokens, int offset, int count) {
        int end = Tokens.indexAt(tokens, offset);
        List<Integer> separators = new ArrayList<>();
        for (int k = end - 1; k > 0 && separators.size() < count - 1; k--) {
            Token t = tokens.get(k);
            if (t.isIgnoreCase("and") || t.isIgnoreCase("or")) {
                separators.add(0, tokens.get(k - 1).is(",") ? k - 1 : k);
                if (tokens.get(k - 1).is(",")) {
                    k--;
                }
            } else if (t.is(",")) {
                separators.add(0, k);
            }
        }
        if (separators.size() != count - 1) {
            return null;
        }
        int from = 0;
        for (int k = separators.get(0) - 1; k >= 0; k--) {
            if (tokens.get(k).is(",") || tokens.get(k).is(";") || tokens.get(k).is(":")) {
                from = k + 1;
                break;
            }
        }
        List<Referent> out = new ArrayList<>(count);
        int providers = 0;
        for (int i = 0; i < count; i++) {
            int lo = i == 0 ? from : separators.get(i - 1) + 1;
            int hi = i == count - 1 ? end : separators.get(i);
            while (lo < hi && (tokens.get(lo).is(",") || tokens.get(lo).isIgnoreCase("and") || tokens.get(lo).isIgnoreCase("or"))) {
                lo++;
            }
            if (lo >= hi || hi - lo > (i == 0 ? 2 * MAX_ITEM_WORDS : i == count - 1 ? MAX_ITEM_WORDS + 1 : MAX_ITEM_WORDS)) {
                return null;
            }
            for (int k = lo; k < hi; k++) {
                Token t = tokens.get(k);
                if (Character.isDigit(t.text().charAt(0)) || t.is("(") || t.is(")") || t.is("%") || t.is("$") || t.is(";")
                        || t.is(":")) {
                    return null;
                }
            }
            Referent item = null;
            for (Referent r : referents) {
                if (r.start() >= tokens.get(lo).start() && r.end() <= tokens.get(hi - 1).end() && r.isProvider()) {
                    if (item != null && !item.providerId().equals(r.providerId())) {
                        return null;
                    }
                    item = r;
                }
            }
            if (item != null) {
                providers++;
            }
            out.add(item != null ? item : new Referent(null, tokens.get(lo).start(), tokens.get(hi - 1).end(), false));
        }
        return providers > 0 && providers < count ? out : null;
    }

    /** Words that introduce the earlier values of a list: "compared with", "up from", "versus". */
    private static final Set<String> COMPARISONS = Set.of("compared", "from", "versus", "vs", "against");

    /** Whether the figure comes right after "respectively" and a comparison ("respectively, compared with 19.3%"). */
    private static boolean comparedAfter(List<Token> tokens, int respectively, FigureValue figure) {
        int at = Tokens.indexAt(tokens, figure.start());
        if (at <= respectively || at - respectively > 5) {
            return false;
        }
        for (int k = respectively + 1; k < at; k++) {
            if (COMPARISONS.contains(tokens.get(k).lower())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The providers named before {@code offset}, each once in order of first mention, when there are
     * exactly {@code count}: "Amazon keeps its lead while Microsoft and Google grow faster, with
     * shares of 30%, 20% and 13% respectively" names its list across clauses.
     */
    private static List<Referent> providersBefore(List<Referent> referents, int offset, int count) {
        List<Referent> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Referent r : referents) {
            if (r.end() <= offset && r.isProvider() && !seen.contains(r.providerId())) {
                out.add(r);
                seen.add(r.providerId());
            }
        }
        return out.size() == count ? out : null;
    }

    /** Two figures in one list: only ",", "and" or "or" between them. */
    private static boolean listed(List<Token> tokens, FigureValue a, FigureValue b) {
        int from = Tokens.indexAt(tokens, a.end());
        int to = Tokens.indexAt(tokens, b.start());
        if (to - from > 2 || to <= from) {
            return false;
        }
        for (int k = from; k < to; k++) {
            Token t = tokens.get(k);
            if (!(t.is(",") || t.isIgnoreCase("and") || t.isIgnoreCase("or"))) {
                return false;
            }
        }
        return true;
    }

    /** The last list of exactly {@code count} coordinated names before {@code offset}, or null. */
    private static List<Referent> nameListBefore(List<Referent> referents, List<Token> tokens, int offset, int count) {
        int end = -1;
        for (int r = 0; r < referents.size(); r++) {
            if (referents.get(r).end() <= offset) {
                end = r;
            }
        }
        while (end >= 0) {
            int start = end;
            while (start > 0 && coordinated(tokens, List.of(referents.get(start - 1), referents.get(start)))) {
                start--;
            }
            List<Referent> names = withoutRepeats(referents.subList(start, end + 1));
            if (names.size() == count) {
                return names;
            }
            end = start - 1;
        }
        return null;
    }

    /** A list's names, a name of the same provider right after another dropped: "Microsoft's Azure", "Amazon (AWS)". */
    private static List<Referent> withoutRepeats(List<Referent> names) {
        List<Referent> out = new ArrayList<>();
        for (Referent r : names) {
            Referent last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last == null || !r.isProvider() || !last.isProvider() || !r.providerId().equals(last.providerId())) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Subjects by position without "respectively": coordinated names ("X, Y and Z") all before the
     * figures and as many as the figures ("Huawei Cloud and Tencent Cloud grew 19% and 8%"); else null.
     */
    static Referent[] pairedByPosition(List<FigureValue> figures, List<Referent> referents, List<Token> tokens) {
        if (figures.size() < 2) {
            return null;
        }
        List<Referent> before = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Referent m : referents) {
            String key = m.isProvider() ? m.providerId() : "company@" + m.start();
            if (m.end() <= figures.get(0).start() && !seen.contains(key) && !m.place() && !m.source()) {
                before.add(m);
                seen.add(key);
            }
        }
        int figuresOwn = figures.size() - conversions(figures, tokens);
        if (tokens.stream().anyMatch(t -> COLLECTIVELY.contains(t.lower()))) {
            return null; // "collectively growing 22% and capturing 72%": the group's figures, not one each
        }
        if (before.size() > figuresOwn && figuresOwn >= 2) {
            // "After Alibaba Cloud, there are other players like China Telecom, Tencent Cloud, and Ksyun ... with
            // 8.51, 7.34 and 6.02 percent": the example list as long as the figures is the one they pair with
            List<Referent> tail = new ArrayList<>(before.subList(before.size() - figuresOwn, before.size()));
            int first = Tokens.indexAt(tokens, tail.get(0).start());
            Token cue = first > 0 ? tokens.get(first - 1) : null;
            boolean examples = cue != null && (cue.isIgnoreCase("like") || cue.isIgnoreCase("including")
                    || cue.isIgnoreCase("as") && first > 1 && tokens.get(first - 2).isIgnoreCase("such"));
            if (examples) {
                before = tail;
            }
        }
        if (before.size() < 2 || before.size() != figuresOwn || !coordinated(tokens, before)
                || !joinedByAnd(tokens, before.get(before.size() - 2), before.get(before.size() - 1))) {
            return null;
        }
        // a conversion takes its amount's subject: give the list to the figures that are not conversions
        Referent[] out = new Referent[figures.size()];
        int next = 0;
        for (int f = 0; f < figures.size(); f++) {
            out[f] = before.get(Math.min(next, before.size() - 1));
            if (f + 1 >= figures.size() || !Restatement.inBrackets(figures.get(f), figures.get(f + 1), tokens)) {
                next++;
            }
        }
        return out;
    }

    private static int conversions(List<FigureValue> figures, List<Token> tokens) {
        int n = 0;
        for (int f = 1; f < figures.size(); f++) {
            if (Restatement.inBrackets(figures.get(f - 1), figures.get(f), tokens)) {
                n++;
            }
        }
        return n;
    }

    /** "X and Y", "X, Y & Z": an "and" (or "&", "as well as") between the last two names of a list. */
    private static boolean joinedByAnd(List<Token> tokens, Referent a, Referent b) {
        for (int k = Tokens.indexAt(tokens, a.end()); k < tokens.size() && tokens.get(k).start() < b.start(); k++) {
            if (tokens.get(k).isIgnoreCase("and") || tokens.get(k).is("&") || tokens.get(k).isIgnoreCase("well")) {
                return true;
            }
        }
        return false;
    }

    /** Names joined only by ",", "and", "&", "or" or "as well as"; a bracketed alias after a name ("Amazon (AWS), Microsoft") is skipped. */
    static boolean coordinated(List<Token> tokens, List<Referent> names) {
        for (int n = 1; n < names.size(); n++) {
            int from = Tokens.indexAt(tokens, names.get(n - 1).end());
            int to = Tokens.indexAt(tokens, names.get(n).start());
            if (from < 0 || to < 0) {
                return false;
            }
            for (int k = from; k < to; k++) {
                Token t = tokens.get(k);
                if (t.is("(")) {
                    int close = k;
                    while (close < to && !tokens.get(close).is(")")) {
                        close++;
                    }
                    if (close < to && close - k <= 4) {
                        k = close;
                        continue;
                    }
                }
                boolean joiner = t.is(",") || t.isIgnoreCase("and") || t.is("&") || t.isIgnoreCase("as") || t.isIgnoreCase("well")
                        || t.is("'") || t.is("\u2019") || t.isIgnoreCase("s") || t.isIgnoreCase("or");
                if (!joiner) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * A figure that belongs to several companies at once: "AWS, Azure and Google Cloud together
     * hold 63%", "the three largest control a combined 58%", "X and Y shared the remaining 19%".
     */
    static boolean isCombined(String text, FigureValue fig, List<Referent> referents, List<Token> tokens,
                                      Referent before) {
        int figToken = Tokens.indexAt(tokens, fig.start());
        int from = 0;
        if (before != null) {
            from = Math.max(0, Tokens.indexAt(tokens, before.end()));
        }
        boolean cue = false;
        for (int k = from; k >= 0 && k < figToken; k++) {
            String w = tokens.get(k).lower();
            if (COMBINED.contains(w) && !addedTo(tokens, k) && !(w.equals("share") && !precededByVerbSubjectList(tokens, k))) {
                cue = true;
            }
        }
        // "the top three", "the big three", "the three largest" as the subject, before any name
        // ("Google saw the highest growth of the top five" is Google's)
        String clause = Tokens.lower(text, before == null ? (tokens.isEmpty() ? fig.start() : tokens.get(0).start()) : before.start(),
                fig.start());
        // only with no name before the figure: "The top three cloud vendors were AWS, with a 32 percent share" is AWS's
        String subject = before != null ? "" : Tokens.lower(text, tokens.isEmpty() ? fig.start() : tokens.get(0).start(),
                fig.start());
        if (subject.contains("top three") || subject.contains("top five") || subject.contains("big three")
                || subject.contains("three largest") || subject.contains("top two") || subject.contains("top 3")
                || subject.contains("top 5") || subject.contains("top 10") || subject.contains("top ten")
                || subject.contains("big four") || subject.contains("three biggest") || subject.contains("top four")) {
            return true;
        }
        if (before == null) {
            return strongCue(tokens, figToken); // "Just four titans share almost two thirds", "together they hold 60%"
        }
        String rest = Tokens.lower(text, fig.end(), Tokens.sentenceEnd(tokens, fig.end()));
        if (rest.contains(" between them") || rest.contains(" among them")) {
            return true; // "X, Y and Z account for a quarter of the total between them"
        }
        if (endsAnExampleList(before, tokens)) {
            return true; // "the collective share of European players including SAP, OVHcloud, Orange has dropped to 13%"
        }
        List<Referent> group = coordinationEndingAt(before, referents, tokens);
        if (group.size() >= 2 && !afterAnAdverbialList(group, tokens)) {
            return true; // "AWS and Azure account for 50%": one figure, several subjects
        }
        return cue && (group.size() >= 2 || clause.contains("combined") || clause.contains("together")
                || clause.contains("collective") || clause.contains("jointly") || clause.contains("altogether")
                || clause.contains("between them"));
    }

    /**
     * Whether the name ends a list of two or more capitalised names introduced by "including",
     * "like" or "such as": examples of a group, whose figure is the group's, not the last example's.
     */
    private static boolean endsAnExampleList(Referent last, List<Token> tokens) {
        int k = Tokens.indexAt(tokens, last.start()) - 1;
        int joins = 0;
        for (; k >= 0; k--) {
            Token t = tokens.get(k);
            if (t.is(",") || t.isIgnoreCase("and") || t.is("&")) {
                joins++;
            } else if (!(t.isWord() && Character.isUpperCase(t.text().charAt(0)))) {
                break;
            }
        }
        if (k < 0 || joins == 0) {
            return false;
        }
        Token cue = tokens.get(k);
        return cue.isIgnoreCase("including") || cue.isIgnoreCase("like")
                || cue.isIgnoreCase("as") && k > 0 && tokens.get(k - 1).isIgnoreCase("such");
    }

    /** "X and Y share": only a verb "share" after a plural subject counts as a combined cue. */
    private static boolean precededByVerbSubjectList(List<Token> tokens, int k) {
        return k > 0 && !tokens.get(k - 1).isIgnoreCase("a") && !tokens.get(k - 1).isIgnoreCase("the")
                && !tokens.get(k - 1).isIgnoreCase("market") && !tokens.get(k - 1).is("'") && !tokens.get(k - 1).isIgnoreCase("s");
    }

    /** "collectively", "together", or the verb "share" after a plural ("four titans share") before the figure. */
    /** "Combined with a $1.9 billion prepayment": one sum added to another, no figure shared by several. */
    private static boolean addedTo(List<Token> tokens, int k) {
        return tokens.get(k).isIgnoreCase("combined") && k + 1 < tokens.size() && tokens.get(k + 1).isIgnoreCase("with");
    }

    private static boolean strongCue(List<Token> tokens, int figToken) {
        for (int k = 0; k < figToken && k < tokens.size(); k++) {
            String w = tokens.get(k).lower();
            if (COLLECTIVELY.contains(w) && !addedTo(tokens, k) || w.equals("share") && k > 0 && tokens.get(k - 1).lower().endsWith("s")
                    && tokens.get(k - 1).isWord() && Character.isLowerCase(tokens.get(k - 1).text().charAt(0))) {
                return true;
            }
        }
        return false;
    }

    /** A list of two or more names, joined by "and", after the figure in its sentence ("65% went to AWS, Microsoft and Google"). */
    static boolean listAfter(FigureValue fig, List<Referent> referents, List<Token> tokens) {
        List<Referent> after = referents.stream().filter(r -> r.start() >= fig.end() && !r.place() && !r.source()).toList();
        for (int i = 1; i < after.size(); i++) {
            if (coordinated(tokens, after.subList(i - 1, i + 1)) && joinedByAnd(tokens, after.get(i - 1), after.get(i))
                    && Tokens.indexAt(tokens, after.get(0).start()) - Tokens.indexAt(tokens, fig.end()) <= 12) {
                return true;
            }
        }
        return false;
    }

    /** The first name of the list of names that ends with {@code last} ("AWS and Azure"), or {@code last} itself. */
    static Referent firstOfList(Referent last, List<Referent> referents, List<Token> tokens) {
        Referent first = last;
        for (int n = referents.indexOf(last) - 1; n >= 0; n--) {
            Referent prev = referents.get(n);
            int from = Tokens.indexAt(tokens, prev.end());
            int to = Tokens.indexAt(tokens, first.start());
            if (to <= from || to - from > 2) {
                break;
            }
            for (int k = from; k < to; k++) {
                Token t = tokens.get(k);
                if (!(t.is(",") || t.isIgnoreCase("and") || t.is("&"))) {
                    return first;
                }
            }
            first = prev;
        }
        return first;
    }

    /** A company's legal form after its name, passed over when names are coordinated. */
    private static final Set<String> LEGAL_FORMS = Set.of("Corp", "Inc", "Ltd", "Co", "Corporation", "Group", "plc", "PLC", "AG", "SE", "NV");

    /** The coordinated names ending with {@code last} ("AWS, Azure and Google Cloud"), at least {@code last} itself. */
    private static List<Referent> coordinationEndingAt(Referent last, List<Referent> referents, List<Token> tokens) {
        List<Referent> group = new ArrayList<>();
        group.add(last);
        int idx = referents.indexOf(last);
        boolean anyAnd = false;
        for (int n = idx - 1; n >= 0; n--) {
            Referent prev = referents.get(n);
            if (prev.place() || prev.source()) {
                break; // "In Japan, Fujitsu Cloud's sales": a place is no partner in a list of companies
            }
            int from = Tokens.indexAt(tokens, prev.end());
            while (from >= 0 && from + 1 < tokens.size() && LEGAL_FORMS.contains(tokens.get(from).text())) {
                from += tokens.get(from + 1).is(".") && tokens.get(from + 1).attached() ? 2 : 1; // "Microsoft Corp. and KT Corp."
            }
            int to = Tokens.indexAt(tokens, group.get(0).start());
            boolean joined = from >= 0 && to > from && to - from <= 2;
            boolean sawAnd = false;
            for (int k = from; joined && k < to; k++) {
                Token t = tokens.get(k);
                joined = t.is(",") || t.isIgnoreCase("and") || t.is("&");
                sawAnd |= t.isIgnoreCase("and") || t.is("&");
            }
            if (!joined || from == to) {
                break;
            }
            group.add(0, prev);
            anyAnd |= sawAnd;
        }
        if (group.size() < 2 || !anyAnd) {
            return List.of(last); // "X, Y" without "and" is no list
        }
        // the group must be the subject of what follows, not a list of objects after "than", "like",
        // "outpaced both"...
        int first = Tokens.indexAt(tokens, group.get(0).start());
        if (first > 0 && (tokens.get(first - 1).isIgnoreCase("both") || tokens.get(first - 1).isIgnoreCase("either"))) {
            first--;
        }
        if (first > 0 && OBJECT_CUES.contains(tokens.get(first - 1).lower())) {
            return List.of(last);
        }
        // and the group's last name must lead straight into a verb phrase, not a possessive ("X and Y's shares")
        int after = Tokens.indexAt(tokens, last.end());
        if (after >= 0 && after < tokens.size() && (tokens.get(after).is("(") || tokens.get(after).is("'")
                || tokens.get(after).is("\u2019") || tokens.get(after).is(","))) {
            return List.of(last);
        }
        return group;
    }
}
