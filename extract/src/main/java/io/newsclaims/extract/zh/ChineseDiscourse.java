package io.newsclaims.extract.zh;

import java.util.ArrayList;
import java.util.List;

/**
 * What a reader of a Chinese article remembers for figures whose sentence names nobody: the
 * provider the article is about (from its headline and lead), and the company the latest sentence
 * that named one was about, which 该公司 / 其 refers to. One per extraction; not thread-safe.
 */
final class ChineseDiscourse {
    private final String topic;
    private ChineseName focus;
    private boolean focusAlone;
    private int focusParagraph = -1;
    private int paragraph;
    private boolean sourceLed;
    private List<ChineseName> previousSubjects = List.of();

    /** @param topic the provider id the article is about, or null */
    ChineseDiscourse(String topic) {
        this.topic = topic;
    }

    /** The provider id the article is about, or null. */
    String topic() {
        return topic;
    }

    /** The company a pronoun refers to: the first one named in the latest sentence that named one; or null. */
    ChineseName focus() {
        return focus;
    }

    /** Whether the focus was named in this paragraph or the one before, alone in its sentence. */
    boolean focusIsRecentAndAlone() {
        return focus != null && focusAlone && paragraph - focusParagraph <= 1;
    }

    /** Whether the previous sentence named a source first ("IDC预计..."): its 其 is that source. */
    boolean sourceLed() {
        return sourceLed;
    }

    /** The distinct companies the previous sentence named, in order: what 前者 / 后者 and a nameless 分别 refer to. */
    List<ChineseName> previousSubjects() {
        return previousSubjects;
    }

    void nextParagraph() {
        paragraph++;
    }

    /** After a sentence: its first company, if it named one, becomes the focus. */
    void sentenceNamed(List<ChineseName> named) {
        List<ChineseName> subjects = distinctSubjects(named);
        sourceLed = !named.isEmpty() && named.get(0).kind() == ChineseName.Kind.SOURCE;
        if (!subjects.isEmpty()) {
            previousSubjects = subjects;
            focus = subjects.get(0);
            focusParagraph = paragraph;
            focusAlone = subjects.size() == 1;
        }
    }

    /** The companies and providers of a list of names, each once (a provider by its id), in order. */
    static List<ChineseName> distinctSubjects(List<ChineseName> named) {
        return distinct(named, false);
    }

    /** The companies, providers and places of a list of names, each once, in order: what a list with 分别 pairs. */
    static List<ChineseName> distinctSubjectsOrPlaces(List<ChineseName> named) {
        return distinct(named, true);
    }

    private static List<ChineseName> distinct(List<ChineseName> named, boolean places) {
        List<ChineseName> out = new ArrayList<>();
        for (ChineseName n : named) {
            boolean wanted = n.canBeSubject() || places && n.kind() == ChineseName.Kind.PLACE;
            if (wanted && out.stream().noneMatch(o -> sameCompany(o, n))) {
                out.add(n);
            }
        }
        return out;
    }

    private static boolean sameCompany(ChineseName a, ChineseName b) {
        return a.isProvider() && b.isProvider() && a.providerId().equals(b.providerId());
    }
}
