package io.github.coupapoexport.ledger;

import io.github.coupapoexport.foundation.Texts;

/**
 * Text as the ledger's columns can hold it: without NUL characters (PostgreSQL refuses them in text) and cut to the
 * column's length, so that an odd value from Coupa or the ERP never fails the write that records it.
 */
final class LedgerText {

    static final int MESSAGE = 2000;

    static final int PO_NUMBER = 50;

    static final int PO_STATUS = 30;

    static final int ERP_DOCUMENT_ID = 200;

    private LedgerText() {
    }

    static String fit(String value, int length) {
        return Texts.fit(value == null || value.indexOf('\0') < 0 ? value : value.replace("\0", "\\u0000"), length);
    }
}
