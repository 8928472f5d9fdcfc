package io.github.coupapoexport.erp.staging;

/** Several attempts under one key on our own tables in the real PostgreSQL. */
class StagingAttemptsOnPostgresTest extends StagingAttemptScenarios {

    @Override
    StagingDatabase open() {
        return StagingDatabase.postgres();
    }
}
