package io.github.coupapoexport.ledger;

import io.github.coupapoexport.JobRepositoryDatabase;

/** Reconciliations on the PostgreSQL that {@link JobRepositoryDatabase#postgres()} names; it must answer, never skipped. */
class ReconciliationsOnPostgresTest extends ReconciliationsScenarios {

    @Override
    JobRepositoryDatabase database() {
        return JobRepositoryDatabase.postgres();
    }

    @Override
    String vendor() {
        return "postgresql";
    }
}
