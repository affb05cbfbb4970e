package io.newsclaims.records;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a claimed figure measures. Serialized in lower case ("market_share"). */
public enum Metric {
    MARKET_SHARE, REVENUE, GROWTH, PRICE_CHANGE, MARKET_SIZE, INVESTMENT, OTHER;

    /** The id, computed once: it is read for every claim written and stored. */
    private final String id = name().toLowerCase(Locale.ROOT);

    @JsonValue
    public String id() {
        return id;
    }

    /** Reads a metric id; an id from a newer schema becomes {@link #OTHER} rather than failing. */
    @JsonCreator
    public static Metric fromId(String id) {
        for (Metric m : values()) {
            if (m.id().equals(id)) {
                return m;
            }
        }
        return OTHER;
    }
}
