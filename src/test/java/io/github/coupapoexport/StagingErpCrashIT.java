package io.github.coupapoexport;

/**
 * The crash scenario against the staging-tables adapter ({@code erp.type=staging-tables}), the jar in a process of
 * its own, killed between the rows written (counted as exported when queued) and the mark in Coupa.
 */
class StagingErpCrashIT extends ErpCrashScenarios {

    StagingErpCrashIT() {
        super(harness -> new StagingErpUnderTest());
    }
}
