package io.github.coupapoexport.ledger;

/** What became of marking a snapshot's PO exported in Coupa. */
public enum CoupaMark {
    /** Marked, and Coupa's answer showed the PO at the version and status that were sent. */
    MARKED,
    /**
     * Coupa's answer showed a newer version or another status: the PO changed during its export, so it was put back
     * to not exported, and its current snapshot is exported in this run or the next.
     */
    UNMARKED,
    /** Coupa refused the mark (a 4xx, e.g. its validation of the PO): the PO stays unexported and comes back. */
    REFUSED,
    /** A later snapshot of the same PO followed before this one was marked: nothing to mark any more. */
    SUPERSEDED
}
