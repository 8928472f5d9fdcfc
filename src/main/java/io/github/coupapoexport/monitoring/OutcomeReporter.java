package io.github.coupapoexport.monitoring;

import java.util.List;
import java.util.Map;

import io.github.coupapoexport.ledger.UnreportedOutcome;

/** Tells Coupa how POs ended, in the way of one of the seed's three monitoring options. */
public interface OutcomeReporter {

    /**
     * @param outcomes by PO, oldest first; a PO may appear more than once when an earlier outcome was never reported
     * @param integrationRunId the run of this execution in integration-run mode, else null
     * @return the POs whose report Coupa refused (its validation of that PO or record), by Coupa id, with Coupa's
     * answer; every other outcome was reported
     */
    Map<Long, String> report(List<UnreportedOutcome> outcomes, Long integrationRunId);
}
