package io.newsclaims.records;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The kind of a figure: percent, percentage points or an amount of money. */
public enum FigureKind {
    PERCENT, PERCENT_POINTS, MONEY;

    /** The id, computed once: it is read for every claim written and stored. */
    private final String id = name().toLowerCase(Locale.ROOT);

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static FigureKind fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
