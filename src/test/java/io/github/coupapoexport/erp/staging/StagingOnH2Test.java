package io.github.coupapoexport.erp.staging;

/** The staging-tables adapter on our own tables in an H2 in memory. */
class StagingOnH2Test extends StagingScenarios {

    @Override
    StagingDatabase open() {
        return StagingDatabase.h2();
    }
}
