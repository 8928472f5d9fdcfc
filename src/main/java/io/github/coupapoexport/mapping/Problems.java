package io.github.coupapoexport.mapping;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Collects what is wrong with a PO, so that a buyer learns everything to fix at once. */
final class Problems {

    /** Why a number was refused, in the reason a buyer reads. */
    static final String BOUNDS = " (at most " + Decimals.MAX_INTEGER_DIGITS + " digits before the decimal point and "
            + Decimals.MAX_FRACTION_DIGITS + " after)";

    private final List<String> list = new ArrayList<>();

    private final boolean recorded;

    private Problems(boolean recorded) {
        this.recorded = recorded;
    }

    Problems() {
        this(true);
    }

    static Problems ignored() {
        return new Problems(false);
    }

    void add(String problem) {
        if (recorded) {
            list.add(problem);
        }
    }

    /** The number Coupa sent, or null when it sent none or one that is refused (the reason is recorded). */
    BigDecimal decimal(String value, String what) {
        String text = PurchaseOrderMapper.blankToNull(value);
        if (text == null) {
            return null;
        }
        BigDecimal number;
        try {
            number = Decimals.bounded(text.trim());
        }
        catch (NumberFormatException ex) {
            add(what + " " + PurchaseOrderMapper.quoted(value) + " is not a number");
            return null;
        }
        if (number == null) {
            add(what + " " + PurchaseOrderMapper.quoted(value) + " is not a number an ERP can hold" + BOUNDS);
        }
        return number;
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    List<String> list() {
        return list;
    }
}
