package io.github.coupapoexport.erp.staging;

/** Several attempts under one key on our own tables in an H2 in memory. */
class StagingAttemptsOnH2Test extends StagingAttemptScenarios {

    @Override
    StagingDatabase open() {
        return StagingDatabase.h2();
    }
}
