package io.github.coupapoexport.ledger;

import io.github.coupapoexport.JobRepositoryDatabase;

/** Reconciliations on an H2 file, the embedded default. */
class ReconciliationsOnH2Test extends ReconciliationsScenarios {

    @Override
    JobRepositoryDatabase database() {
        return JobRepositoryDatabase.h2();
    }

    @Override
    String vendor() {
        return "h2";
    }
}
