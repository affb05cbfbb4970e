package io.newsclaims.extract.zh;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The arithmetic of one Chinese number as {@link NumberReader} meets its parts: digits (Chinese
 * or Arabic), units (十 百 千) that multiply the digit before them within a section, scale words
 * (万 亿 兆) that multiply everything smaller before them, and a decimal part. Abbreviations count
 * as speakers mean them: in 一千三 the last digit stands for hundreds.
 *
 * <p>Each {@code add} method says whether the part continues the number; when it does not, the
 * number ends before it. Not thread-safe: one per reading.
 */
final class NumeralSum {
    /** What a digit does to the number. */
    enum Step { TAKEN, ENDS, NOT_A_NUMBER }

    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal TEN = BigDecimal.TEN;

    /** Completed scale groups: 四亿五千万 is (4, 10^8) and (5000, 10^4). */
    private final BigDecimal[] coef = new BigDecimal[6];
    private final BigDecimal[] scale = new BigDecimal[6];
    private int groups;
    /** The section below the current scale built from units (一百二十), or null. */
    private BigDecimal section;
    /** The last digit or Arabic number, not yet multiplied by a unit, or null. */
    private BigDecimal pending;
    private boolean pendingChinese;
    /** The unit or scale just before the pending digit, for abbreviations; null after 零. */
    private BigDecimal lastMultiplier;
    private boolean lastWasUnit;
    /** A 零 stood since the last unit: 一千零五 is 1,005, not an abbreviation. */
    private boolean zero;
    private boolean afterScale;
    private boolean decimalDone;
    private boolean approximate;
    private boolean anyChinese;
    private boolean anyDigits;
    private BigDecimal trailingScale;

    boolean isEmpty() {
        return section == null && pending == null && groups == 0;
    }

    /** Whether Arabic digits may come next: not side by side with other digits, nor after a space. */
    boolean takesDigits(boolean spaced) {
        return pending == null && !decimalDone && !spaced && !(anyDigits && !afterScale && !zero && !lastWasUnit);
    }

    /** Whether Arabic digits after a space go on, right after a scale word or unit ("7万 5千 4百"). */
    boolean takesDigitsAfterMultiplier() {
        return pending == null && (afterScale || lastWasUnit) && anyDigits;
    }

    /**
     * Whether a part after a space continues the number. After Arabic digits only a scale does
     * ("1000 万", "7 万5 千"): "2025 百分之五十" is a year and a percentage.
     */
    boolean continuesAfterSpace(byte kind) {
        boolean afterDigits = pending != null && !pendingChinese;
        return !(afterDigits && !(kind == Numerals.SCALE || kind == Numerals.UNIT && groups > 0))
                && !(!anyChinese && (kind == Numerals.DIGIT || kind == Numerals.APPROX));
    }

    boolean anyChinese() {
        return anyChinese;
    }

    void addDigits(BigDecimal value, boolean hasDecimals) {
        pending = value;
        pendingChinese = false;
        anyDigits = true;
        decimalDone = hasDecimals;
        afterScale = false;
    }

    /** "7.3 billion": the number is complete. */
    void addEnglishScale(BigDecimal sc) {
        pending = pending.multiply(sc);
        trailingScale = sc;
        afterScale = true;
    }

    /** A Chinese digit 0..9; two side by side (二三十, "twenty or thirty") are an estimate, not a number. */
    Step addDigit(int d, boolean spaced) {
        if (decimalDone) {
            return Step.ENDS;
        }
        if (pending != null && !(pendingChinese && pending.signum() == 0 && !zero)) {
            return spaced || !pendingChinese ? Step.ENDS : Step.NOT_A_NUMBER;
        }
        if (d == 0) {
            zero = !isEmpty();
            lastMultiplier = null;
            lastWasUnit = false;
            if (isEmpty()) {
                pending = BigDecimal.ZERO;
                pendingChinese = true;
            }
        } else {
            pending = BigDecimal.valueOf(d);
            pendingChinese = true;
        }
        anyChinese = true;
        afterScale = false;
        return Step.TAKEN;
    }

    /** 几 in 二十几万: an unknown digit, read as 0, that makes the number approximate. */
    boolean addUnknownDigit() {
        if (pending != null || section == null && groups == 0) {
            return false;
        }
        pending = BigDecimal.ZERO;
        pendingChinese = false;
        approximate = true;
        return true;
    }

    /** 十, 百, 千: units fall within a section, so 五十千 and 一百一百 are not one number. */
    boolean addUnit(BigDecimal u) {
        if (decimalDone || lastWasUnit && u.compareTo(lastMultiplier) >= 0
                || pending != null && !pendingChinese && pending.compareTo(TEN) >= 0 && u.compareTo(TEN) == 0) {
            return false;
        }
        BigDecimal base = pending == null || pending.signum() == 0 ? BigDecimal.ONE : pending;
        section = (section == null ? BigDecimal.ZERO : section).add(base.multiply(u));
        pending = null;
        lastMultiplier = u;
        lastWasUnit = true;
        zero = false;
        afterScale = false;
        anyChinese = true;
        return true;
    }

    /**
     * 万, 亿, 兆: multiplies everything smaller before it (一万五千亿 is 15,000 × 10^8), or, right
     * after another scale, the group before it (万亿 is 10^12). A bare 万 is not a number.
     */
    boolean addScale(BigDecimal sc) {
        if (isEmpty()) {
            return false;
        }
        boolean consecutive = afterScale && section == null && pending == null;
        BigDecimal amount = (section == null ? BigDecimal.ZERO : section).add(pending == null ? BigDecimal.ZERO : pending);
        int g = groups;
        while (g > 0 && (scale[g - 1].compareTo(sc) < 0 || consecutive)) {
            amount = amount.add(coef[g - 1].multiply(scale[g - 1]));
            g--;
            consecutive = false;
        }
        if (amount.signum() == 0 || g == coef.length) {
            return false;
        }
        groups = g;
        trailingScale = afterScale && trailingScale != null && section == null && pending == null ? trailingScale.multiply(sc) : sc;
        coef[groups] = amount;
        scale[groups] = sc;
        groups++;
        section = null;
        pending = null;
        lastMultiplier = sc;
        lastWasUnit = false;
        zero = false;
        afterScale = true;
        decimalDone = false;
        anyChinese = true;
        return true;
    }

    /** 余, 多 before a scale word (十余万, 一千多万): more than the number as written. */
    void markApproximate() {
        approximate = true;
    }

    boolean takesDecimals() {
        return !decimalDone && !isEmpty();
    }

    /** The digits after 点 (三十五点八): 两千三点一 is 2,300.1. */
    void addDecimals(String digits) {
        abbreviate();
        BigDecimal whole = pending == null ? BigDecimal.ZERO : pending;
        pending = whole.add(new BigDecimal("0." + digits));
        pendingChinese = false;
        decimalDone = true;
        afterScale = false;
        anyChinese = true;
    }

    /** A last digit right after a unit or scale stands for the next lower place: 一千三, 九万四. */
    private void abbreviate() {
        if (pending != null && pendingChinese && lastMultiplier != null && !zero && pending.signum() > 0) {
            pending = pending.multiply(lastMultiplier).divide(TEN, MC);
        }
    }

    /** The number read from {@code start} to {@code end}. */
    Numeral toNumeral(int start, int end) {
        abbreviate();
        BigDecimal v = BigDecimal.ZERO;
        for (int g = 0; g < groups; g++) {
            v = v.add(coef[g].multiply(scale[g]));
        }
        if (section != null) {
            v = v.add(section);
        }
        BigDecimal trailing = trailingScale;
        if (pending != null) {
            v = v.add(pending);
            trailing = afterScale ? trailing : null;
        }
        return new Numeral(v, start, end, trailing, approximate, groups > 0 || trailing != null, anyChinese && !anyDigits);
    }
}
