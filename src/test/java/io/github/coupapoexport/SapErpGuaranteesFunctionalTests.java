package io.github.coupapoexport;

/** The guarantee scenarios against the SAP S/4HANA adapter ({@code erp.type=sap-s4hana}) and its fake SAP. */
class SapErpGuaranteesFunctionalTests extends ErpGuaranteeScenarios {

    SapErpGuaranteesFunctionalTests() {
        super(harness -> new SapErpUnderTest());
    }
}
