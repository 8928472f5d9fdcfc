package io.github.coupapoexport.erp.staging;

/** Several attempts under one key on our own tables in the real MariaDB. */
class StagingAttemptsOnMariaDbTest extends StagingAttemptScenarios {

    @Override
    StagingDatabase open() {
        return StagingDatabase.mariaDb();
    }
}
