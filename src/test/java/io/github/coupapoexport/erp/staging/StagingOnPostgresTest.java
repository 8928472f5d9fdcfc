package io.github.coupapoexport.erp.staging;

/** The staging-tables adapter on our own tables in the real PostgreSQL. */
class StagingOnPostgresTest extends StagingScenarios {

    @Override
    StagingDatabase open() {
        return StagingDatabase.postgres();
    }
}
