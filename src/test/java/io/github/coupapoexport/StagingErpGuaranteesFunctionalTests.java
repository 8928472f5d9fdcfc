package io.github.coupapoexport;

/**
 * The guarantee scenarios against the staging-tables adapter ({@code erp.type=staging-tables}) and our own tables in
 * the real PostgreSQL, behind a proxy that fails as a network does: each run is followed by the ERP's import and the
 * run that reads its verdicts.
 */
class StagingErpGuaranteesFunctionalTests extends ErpGuaranteeScenarios {

    StagingErpGuaranteesFunctionalTests() {
        super(harness -> new StagingErpUnderTest());
    }
}
