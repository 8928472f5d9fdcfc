package io.github.coupapoexport;

/** The guarantee scenarios against the REST adapter ({@code erp.type=rest}) and its fake ERP. */
class RestErpGuaranteesFunctionalTests extends ErpGuaranteeScenarios {

    RestErpGuaranteesFunctionalTests() {
        super(harness -> new RestErpUnderTest(harness.erp));
    }
}
