package io.newsclaims.extract;

import io.newsclaims.records.FigureKind;
import io.newsclaims.records.FigureValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Links each figure of a sentence to the provider it is about, or to none (a market, a country,
 * another company). In order of precedence:
 * <ol>
 *   <li>a conversion in parentheses ("51.8 billion yuan (US$7.3 billion)") takes the subject of the amount it converts;</li>
 *   <li>a figure in parentheses right after a name ("Huawei Cloud (13.1%)") is that provider's;</li>
 *   <li>a "respectively" list pairs names and figures in order;</li>
 *   <li>"a third of Microsoft Cloud's revenue": the provider right after "of";</li>
 *   <li>the nearest provider named before the figure in the sentence;</li>
 *   <li>else a provider named later and introduced by "at", "for" or "of" ("grew 25% at Google Cloud");</li>
 *   <li>a pronoun ("its growth slowed to 38 percent") refers to the provider that led the previous sentence of the paragraph.</li>
 * </ol>
 */
final class SubjectLinker {
    private static final Set<String> PRONOUNS = Set.of("its", "it", "company", "firm", "group", "unit", "division");

    private SubjectLinker() {
    }

    /**
     * @param figures      figures of the sentence, in text order
     * @param mentions     provider mentions of the sentence, in text order
     * @param tokens       tokens of the sentence
     * @param previousLead provider leading the previous sentence of the paragraph, or null
     * @return the provider id of each figure, null for none
     */
    static List<String> link(String text, List<FigureValue> figures, List<ProviderMention> mentions, List<Token> tokens,
                             String previousLead) {
        List<String> subjects = new ArrayList<>();
        List<String> respectively = respectively(figures, mentions, tokens);
        for (int f = 0; f < figures.size(); f++) {
            FigureValue fig = figures.get(f);
            String subject;
            if (f > 0 && isConversion(text, figures.get(f - 1), fig)) {
                subject = subjects.get(f - 1);
            } else if (respectively != null) {
                subject = respectively.get(f);
            } else {
                subject = parenthetical(text, fig, mentions);
                if (subject == null) {
                    subject = afterOf(fig, mentions, tokens);
                }
                if (subject == null) {
                    subject = nearestBefore(fig, mentions);
                }
                if (subject == null) {
                    subject = introducedAfter(fig, mentions, tokens);
                }
                if (subject == null && previousLead != null && hasPronounBefore(fig, tokens)) {
                    subject = previousLead;
                }
            }
            subjects.add(subject);
        }
        return subjects;
    }

    /** "X (US$7.3 billion)": money in parentheses right after money. */
    private static boolean isConversion(String text, FigureValue previous, FigureValue fig) {
        if (previous.kind() != FigureKind.MONEY || fig.kind() != FigureKind.MONEY) {
            return false;
        }
        String between = text.substring(previous.end(), fig.start()).strip();
        return between.equals("(") || between.equals("[") || between.equals(",") || between.equals("(or")
                || between.equals("(about") || between.equals("(around") || between.equals("(roughly");
    }

    private static String parenthetical(String text, FigureValue fig, List<ProviderMention> mentions) {
        int open = fig.start() - 1;
        while (open >= 0 && Character.isWhitespace(text.charAt(open))) {
            open--;
        }
        if (open < 0 || text.charAt(open) != '(') {
            return null;
        }
        for (ProviderMention m : mentions) {
            if (m.end() <= open && text.substring(m.end(), open).isBlank()) {
                return m.provider().id();
            }
        }
        return null;
    }

    private static String afterOf(FigureValue fig, List<ProviderMention> mentions, List<Token> tokens) {
        int k = indexAfter(tokens, fig.end());
        if (k < 0 || !tokens.get(k).isIgnoreCase("of")) {
            return null;
        }
        int next = k + 1;
        if (next < tokens.size() && tokens.get(next).isIgnoreCase("the")) {
            next++;
        }
        if (next >= tokens.size()) {
            return null;
        }
        int at = tokens.get(next).start();
        for (ProviderMention m : mentions) {
            if (m.start() == at) {
                return m.provider().id();
            }
        }
        return null;
    }

    /** The first provider after the figure whose name follows "at", "for" or "of" ("fell 3% at Azure"). */
    private static String introducedAfter(FigureValue fig, List<ProviderMention> mentions, List<Token> tokens) {
        for (ProviderMention m : mentions) {
            if (m.start() < fig.end()) {
                continue;
            }
            if (!sameClause(tokens, fig.end(), m.start())) {
                return null; // "a $75bn hit on growth, and shares of Alibaba rose": another clause's company
            }
            int k = indexAfter(tokens, m.start()) - 1;
            if (k >= 0 && tokens.get(k).isIgnoreCase("the")) {
                k--;
            }
            if (k >= 0 && (tokens.get(k).isIgnoreCase("at") || tokens.get(k).isIgnoreCase("for") || tokens.get(k).isIgnoreCase("of"))) {
                return m.provider().id();
            }
            return null; // the first provider named after the figure is not introduced that way
        }
        return null;
    }

    /** No clause break (comma, semicolon, "and", "but", "while") and at most 8 tokens between two offsets. */
    private static boolean sameClause(List<Token> tokens, int from, int to) {
        int n = 0;
        for (Token t : tokens) {
            if (t.start() < from || t.start() >= to) {
                continue;
            }
            if (++n > 8 || t.is(",") || t.is(";") || t.isIgnoreCase("and") || t.isIgnoreCase("but") || t.isIgnoreCase("while")) {
                return false;
            }
        }
        return true;
    }

    private static String nearestBefore(FigureValue fig, List<ProviderMention> mentions) {
        String found = null;
        for (ProviderMention m : mentions) {
            if (m.end() <= fig.start()) {
                found = m.provider().id();
            }
        }
        return found;
    }

    private static boolean hasPronounBefore(FigureValue fig, List<Token> tokens) {
        for (Token t : tokens) {
            if (t.start() >= fig.start()) {
                return false;
            }
            if (PRONOUNS.contains(t.lower())) {
                return true;
            }
        }
        return false;
    }

    /** Subjects for a "respectively" sentence, when names before the figures and figures pair up; else null. */
    private static List<String> respectively(List<FigureValue> figures, List<ProviderMention> mentions, List<Token> tokens) {
        boolean has = tokens.stream().anyMatch(t -> t.isIgnoreCase("respectively"));
        if (!has || figures.size() < 2) {
            return null;
        }
        List<String> before = new ArrayList<>();
        for (ProviderMention m : mentions) {
            if (m.end() <= figures.get(0).start() && !before.contains(m.provider().id())) {
                before.add(m.provider().id());
            }
        }
        if (before.size() != figures.size()) {
            return null;
        }
        return before;
    }

    private static int indexAfter(List<Token> tokens, int offset) {
        for (int k = 0; k < tokens.size(); k++) {
            if (tokens.get(k).start() >= offset) {
                return k;
            }
        }
        return -1;
    }
}
