package io.github.coupapoexport.mapping;

import java.math.BigDecimal;

/**
 * How the ERP document reads and writes numbers: plain decimal strings, never exponents, no precision lost, and only
 * numbers an ERP can hold.
 */
final class Decimals {

    /** Digits before the decimal point, trailing zeros of a fraction left out: beyond any real PO amount. */
    static final int MAX_INTEGER_DIGITS = 20;

    /** Digits after the decimal point, trailing zeros left out: more than any currency or unit price uses. */
    static final int MAX_FRACTION_DIGITS = 10;

    /**
     * Longer text is refused unread: a number within the bounds above, written with zeros to spare, is far shorter,
     * and a 5,000-digit one costs time in every operation.
     */
    static final int MAX_TEXT_LENGTH = 100;

    private Decimals() {
    }

    /**
     * The number, or null when it is one no ERP can hold. Decided before any arithmetic: {@code 1E+1000000000} parses
     * at once, but {@code setScale}, {@code toPlainString} or a product of it would write out a billion digits.
     *
     * @throws NumberFormatException when the text is not a number at all
     */
    static BigDecimal bounded(String text) {
        if (text.length() > MAX_TEXT_LENGTH) {
            return null;
        }
        BigDecimal value = new BigDecimal(text);
        return fits(value) ? value : null;
    }

    /** Whether a number has at most {@link #MAX_INTEGER_DIGITS} before and {@link #MAX_FRACTION_DIGITS} after the point. */
    static boolean fits(BigDecimal value) {
        BigDecimal stripped;
        try {
            // Cheap whatever the exponent: it only divides out the trailing zeros of at most MAX_TEXT_LENGTH digits.
            stripped = value.stripTrailingZeros();
        }
        catch (ArithmeticException scaleOverflow) {
            return false;
        }
        long fractionDigits = Math.max(0, stripped.scale());
        long integerDigits = Math.max(0, (long) stripped.precision() - stripped.scale());
        return integerDigits <= MAX_INTEGER_DIGITS && fractionDigits <= MAX_FRACTION_DIGITS;
    }

    /** At least two decimals, more only when Coupa has them: {@code 5.0000 -> 5.00}, {@code 5.1234 -> 5.1234}. */
    static String money(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 2 ? stripped.setScale(2) : stripped).toPlainString();
    }

    /** As few decimals as the value needs: {@code 50.0 -> 50}, {@code 2.500 -> 2.5}. */
    static String quantity(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
