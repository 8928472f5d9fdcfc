package io.github.coupapoexport.mapping;

import java.util.List;

/**
 * What the ERP accepted last time for a PO: it makes the next document an UPDATE, and its live lines, as they were
 * sent, are what a line Coupa no longer returns is deleted with. Ledger rows written before lines were kept whole hold
 * only each line's Coupa id and number; their other values read as null.
 */
public record PreviousExport(List<ErpPurchaseOrder.Line> lines) {

    public PreviousExport {
        lines = List.copyOf(lines);
    }
}
