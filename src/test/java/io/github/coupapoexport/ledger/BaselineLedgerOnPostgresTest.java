package io.github.coupapoexport.ledger;

import io.github.coupapoexport.JobRepositoryDatabase;

/** On the PostgreSQL that {@link JobRepositoryDatabase#postgres()} names; it must answer, never skipped. */
class BaselineLedgerOnPostgresTest extends BaselineLedgerScenarios {

    @Override
    JobRepositoryDatabase database() {
        return JobRepositoryDatabase.postgres();
    }

    @Override
    String vendor() {
        return "postgresql";
    }
}
