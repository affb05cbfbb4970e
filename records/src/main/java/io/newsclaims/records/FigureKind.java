package io.newsclaims.records;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The kind of a figure: percent, percentage points or an amount of money. */
public enum FigureKind {
    PERCENT, PERCENT_POINTS, MONEY;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static FigureKind fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
