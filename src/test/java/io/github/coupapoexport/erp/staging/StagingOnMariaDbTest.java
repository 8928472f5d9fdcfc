package io.github.coupapoexport.erp.staging;

/** The staging-tables adapter on our own tables in the real MariaDB. */
class StagingOnMariaDbTest extends StagingScenarios {

    @Override
    StagingDatabase open() {
        return StagingDatabase.mariaDb();
    }
}
