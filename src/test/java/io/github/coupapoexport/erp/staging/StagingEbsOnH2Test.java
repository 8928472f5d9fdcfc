package io.github.coupapoexport.erp.staging;

/** The oracle-ebs preset on stand-in interface tables in an H2 in memory. */
class StagingEbsOnH2Test extends StagingEbsScenarios {

    @Override
    StagingDatabase open() {
        return StagingDatabase.h2();
    }

    @Override
    String nextValue() {
        return "NEXT VALUE FOR %s";
    }
}
