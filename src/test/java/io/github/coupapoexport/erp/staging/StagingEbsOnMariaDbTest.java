package io.github.coupapoexport.erp.staging;

/** The oracle-ebs preset on stand-in interface tables in the real MariaDB. */
class StagingEbsOnMariaDbTest extends StagingEbsScenarios {

    @Override
    StagingDatabase open() {
        return StagingDatabase.mariaDb();
    }

    @Override
    String nextValue() {
        return "NEXT VALUE FOR %s";
    }
}
