package io.newsclaims.extract;

import io.newsclaims.records.FigureValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The asides of a sentence: "( ... )", " - ... - ", "-- ... --", ", including ... ," and an appositive
 * after a name (", the cloud computing arm of Alibaba Group,"). A name inside an aside that closes before a
 * figure is not the figure's subject.
 */
final class Asides {
    /** Verbs of ", which includes Red Hat,": what a unit holds is no subject of the unit's figures. */
    private static final java.util.Set<String> CONTAINS = java.util.Set.of("includes", "include", "included", "houses",
            "contains", "comprises", "encompasses", "covers");

    private Asides() {
    }

    /**
     * The asides of a sentence, as offset ranges: "( ... )", " - ... - ", "-- ... --", and an
     * appositive after a name (", the cloud computing arm of Alibaba Group,"). A name inside an
     * aside that closes before the figure is not the figure's subject.
     */
    static List<int[]> asides(List<Token> tokens, List<Referent> referents) {
        List<int[]> out = new ArrayList<>();
        int open = -1;
        int dash = -1;
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (t.is("(")) {
                open = t.start();
            } else if (t.is(")") && open >= 0) {
                out.add(new int[] {open, t.end()});
                open = -1;
            } else if (isAsideDash(tokens, k)) {
                if (dash < 0) {
                    dash = t.start();
                } else {
                    out.add(new int[] {dash, t.end()});
                    dash = -1;
                }
                if (k + 1 < tokens.size() && tokens.get(k + 1).is("-") && tokens.get(k + 1).attached()) {
                    k++; // "--"
                }
            }
        }
        for (int k = 0; k + 1 < tokens.size(); k++) {
            boolean listsParts = tokens.get(k + 1).isIgnoreCase("including") || tokens.get(k + 1).isIgnoreCase("excluding")
                    || tokens.get(k + 1).isIgnoreCase("which") && k + 2 < tokens.size() && CONTAINS.contains(tokens.get(k + 2).lower());
            if (tokens.get(k).is(",") && listsParts) {
                for (int j = k + 2; j < tokens.size(); j++) {
                    if (tokens.get(j).is(",")) {
                        out.add(new int[] {tokens.get(k).start(), tokens.get(j).end()}); // ", including Red Hat,"
                        break;
                    }
                }
            }
        }
        for (Referent r : referents) {
            int k = Tokens.indexAt(tokens, r.end());
            if (k + 1 < tokens.size() && tokens.get(k).is(",") && appositiveStarts(tokens, k + 1)) {
                for (int j = k + 2; j < tokens.size(); j++) {
                    if (tokens.get(j).is(",")) {
                        int end = listGoesOn(tokens, j);
                        out.add(new int[] {tokens.get(k).start(), tokens.get(end).end()});
                        break;
                    }
                }
            }
        }
        return out;
    }

    /**
     * An appositive opens with "the", "a", "an", "its", "which", "who" or "one of" (", the cloud arm of Alibaba Group,"), or with an
     * adverb and then one of those or a possessive name (", traditionally Amazon's profit engine,"):
     * a possessive alone opens a list as often (", Microsoft's Azure and Google Cloud").
     */
    private static boolean appositiveStarts(List<Token> tokens, int k) {
        if (isArticle(tokens.get(k)) || tokens.get(k).isIgnoreCase("which") || tokens.get(k).isIgnoreCase("who")
                || tokens.get(k).isIgnoreCase("its")
                || tokens.get(k).isIgnoreCase("one") && k + 1 < tokens.size() && tokens.get(k + 1).isIgnoreCase("of")) {
            // ", a startup building data centres,", ", which is building OpenAI's data centre,", ", its rival to Amazon's cloud,"
            return true;
        }
        Token adverb = tokens.get(k);
        if (!adverb.isWord() || !adverb.lower().endsWith("ly") || k + 1 >= tokens.size()) {
            return false;
        }
        Token next = tokens.get(k + 1);
        return isArticle(next) || next.isWord() && Character.isUpperCase(next.text().charAt(0)) && k + 3 < tokens.size()
                && (tokens.get(k + 2).is("'") || tokens.get(k + 2).is("\u2019")) && tokens.get(k + 3).isIgnoreCase("s");
    }

    /**
     * The comma that closes an appositive whose first comma only separated the names of a list
     * (", a startup leasing to Oracle, Microsoft, and OpenAI, is raising"): the comma after the list.
     */
    private static int listGoesOn(List<Token> tokens, int comma) {
        int end = comma;
        for (int j = comma + 1; j < tokens.size(); j++) {
            Token t = tokens.get(j);
            boolean nameWord = t.isWord() && (Character.isUpperCase(t.text().charAt(0)) || t.isIgnoreCase("and") || t.isIgnoreCase("or"));
            if (t.is(",") && j > end + 1) {
                end = j;
            } else if (!nameWord) {
                break;
            }
        }
        return end;
    }

    private static boolean isArticle(Token t) {
        return t.isIgnoreCase("the") || t.isIgnoreCase("a") || t.isIgnoreCase("an");
    }

    static boolean isAsideDash(List<Token> tokens, int k) {
        Token t = tokens.get(k);
        if (t.is("\u2014") || t.is("\u2013")) {
            return true;
        }
        boolean spacedAfter = k + 1 < tokens.size() && tokens.get(k + 1).spaceBefore();
        boolean doubled = k + 1 < tokens.size() && tokens.get(k + 1).is("-") && tokens.get(k + 1).attached()
                && (k + 2 >= tokens.size() || tokens.get(k + 2).spaceBefore());
        return t.is("-") && t.spaceBefore() && (spacedAfter || doubled);
    }

    static boolean inClosedAside(List<int[]> asides, Referent m, FigureValue fig) {
        for (int[] a : asides) {
            if (a[0] <= m.start() && m.end() <= a[1] && a[1] <= fig.start()) {
                return true;
            }
        }
        return false;
    }
}
