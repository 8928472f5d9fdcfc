package io.github.coupapoexport.export;

/** When a PO is marked exported in Coupa, relative to the ERP call ({@code export.mark-exported}). */
public enum MarkExported {
    /** Only once the ERP accepted it: a failed PO stays unexported and comes back by itself next run. */
    AFTER_ERP,
    /** Coupa's documented order: mark, then push. A failed PO needs a manual change in Coupa to come back. */
    BEFORE_ERP
}
