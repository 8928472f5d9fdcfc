package io.github.coupapoexport.erp.staging;

/** The oracle-ebs preset on stand-in interface tables in the real PostgreSQL. */
class StagingEbsOnPostgresTest extends StagingEbsScenarios {

    @Override
    StagingDatabase open() {
        return StagingDatabase.postgres();
    }

    @Override
    String nextValue() {
        return "nextval('%s')";
    }
}
