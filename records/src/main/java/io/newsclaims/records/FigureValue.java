package io.newsclaims.records;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A normalized figure and where it stands in the article text.
 *
 * @param kind      percent, percent_points or money
 * @param number    one number, or two ({@code [low, high]}) for a range; money fully expanded
 *                  (7.3 billion is 7300000000)
 * @param currency  ISO 4217 code for money, null otherwise
 * @param text      the figure as written ("US$7.3 billion"), without qualifiers
 * @param start     offset of {@code text} in the article text (inclusive)
 * @param end       offset just after {@code text} (exclusive)
 * @param qualifier "more than", "up to", "roughly"... or null
 */
public record FigureValue(
        FigureKind kind,
        @JsonFormat(with = {JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                JsonFormat.Feature.WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED})
        List<BigDecimal> number,
        String currency,
        String text,
        int start,
        int end,
        String qualifier) {

    public FigureValue {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        number = number.stream().map(FigureValue::plain).toList();
        if (number.isEmpty() || number.size() > 2) {
            throw new IllegalArgumentException("number must hold one value or a [low, high] range, got " + number);
        }
        if (kind == FigureKind.MONEY && currency == null) {
            throw new IllegalArgumentException("money needs an ISO 4217 currency: " + text);
        }
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad offsets [" + start + ", " + end + ") for " + text);
        }
    }

    /** True when this figure is a range. */
    @JsonIgnore
    public boolean isRange() {
        return number.size() == 2;
    }

    /** The single value, or the low end of a range. */
    @JsonIgnore
    public BigDecimal low() {
        return number.get(0);
    }

    /** The same value without trailing zeros (7.30E+9 and 7300000000 are one number). */
    private static BigDecimal plain(BigDecimal n) {
        BigDecimal s = Objects.requireNonNull(n, "number element").stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
