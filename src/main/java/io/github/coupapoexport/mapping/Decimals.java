package io.github.coupapoexport.mapping;

import java.math.BigDecimal;

/** How the ERP document writes numbers: plain decimal strings, never exponents, no precision lost. */
final class Decimals {

    private Decimals() {
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
