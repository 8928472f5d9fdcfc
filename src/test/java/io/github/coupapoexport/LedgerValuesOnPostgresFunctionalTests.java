package io.github.coupapoexport;

/** On the PostgreSQL that {@link JobRepositoryDatabase#postgres()} names; it must answer, never skipped. */
class LedgerValuesOnPostgresFunctionalTests extends LedgerValueScenarios {

    @Override
    JobRepositoryDatabase jobRepository() {
        return JobRepositoryDatabase.postgres();
    }
}
