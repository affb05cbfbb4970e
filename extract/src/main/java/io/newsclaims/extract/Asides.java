package io.newsclaims.extract;

import io.newsclaims.records.FigureValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The asides of a sentence: "( ... )", " - ... - ", "-- ... --", and an appositive after a name
 * (", the cloud computing arm of Alibaba Group,"). A name inside an aside that closes before a
 * figure is not the figure's subject.
 */
final class Asides {
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
        for (Referent r : referents) {
            int k = Tokens.indexAt(tokens, r.end());
            if (k + 1 < tokens.size() && tokens.get(k).is(",") && appositiveStarts(tokens, k + 1)) {
                for (int j = k + 2; j < tokens.size(); j++) {
                    if (tokens.get(j).is(",")) {
                        out.add(new int[] {tokens.get(k).start(), tokens.get(j).end()});
                        break;
                    }
                }
            }
        }
        return out;
    }

    /**
     * An appositive opens with "the", "a" or "an" (", the cloud arm of Alibaba Group,"), or with an
     * adverb and then one of those or a possessive name (", traditionally Amazon's profit engine,"):
     * a possessive alone opens a list as often (", Microsoft's Azure and Google Cloud").
     */
    private static boolean appositiveStarts(List<Token> tokens, int k) {
        if (isArticle(tokens.get(k))) {
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
