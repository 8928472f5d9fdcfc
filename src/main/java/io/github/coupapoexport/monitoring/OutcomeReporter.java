package io.github.coupapoexport.monitoring;

import java.util.List;

import io.github.coupapoexport.ledger.UnreportedOutcome;

/** Tells Coupa how POs ended, in the way of one of the seed's three monitoring options. */
public interface OutcomeReporter {

    /**
     * Reports the newest outcome of each PO, telling {@code progress} of each PO as soon as Coupa took or refused it:
     * a failure midway then never has the next run create in Coupa again what it already holds.
     *
     * @param outcomes by PO, oldest first; a PO may appear more than once when an earlier outcome was never reported
     * @param integrationRunId the run of this execution in integration-run mode, else null
     */
    void report(List<UnreportedOutcome> outcomes, Long integrationRunId, Progress progress);

    /** What became of each PO's report. */
    interface Progress {

        void reported(long coupaId);

        /** Coupa refused it (its validation of that PO or record), with Coupa's answer. */
        void refused(long coupaId, String refusal);
    }
}
