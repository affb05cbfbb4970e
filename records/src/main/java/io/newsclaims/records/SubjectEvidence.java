package io.newsclaims.records;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How the extractor decided which provider a figure is about (schema version 2). Serialized in
 * lower case ("same_clause").
 */
public enum SubjectEvidence {
    /** The provider is named in the figure's own clause ("AWS grew 17%", "Huawei Cloud (13.1%)"). */
    SAME_CLAUSE,
    /** Names and figures paired by position ("X and Y grew 19% and 8%", "followed by X with 24% and Y with 9%"). */
    LIST_POSITION,
    /** The subject of the sentence, not the nearest name ("Google outpaced Amazon, with a 31% jump"). */
    GRAMMATICAL_SUBJECT,
    /** A pronoun or a description ("its", "the company", "the cloud arm") refers to a company named before. */
    PRONOUN,
    /** No name in the sentence: the provider the article is about ("Sales rose 41%" in an earnings story). */
    ARTICLE_TOPIC,
    /** No provider: a market, a country, another company, a combined figure, or nothing to go by. */
    NONE;

    /** The id, computed once: it is read for every claim written and stored. */
    private final String id = name().toLowerCase(Locale.ROOT);

    @JsonValue
    public String id() {
        return id;
    }

    /** Reads an evidence id; an id from a newer schema becomes {@link #NONE} rather than failing. */
    @JsonCreator
    public static SubjectEvidence fromId(String id) {
        for (SubjectEvidence e : values()) {
            if (e.id().equals(id)) {
                return e;
            }
        }
        return NONE;
    }
}
