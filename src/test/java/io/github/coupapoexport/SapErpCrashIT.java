package io.github.coupapoexport;

/** The crash scenario against the SAP adapter ({@code erp.type=sap-s4hana}), the jar in a process of its own. */
class SapErpCrashIT extends ErpCrashScenarios {

    SapErpCrashIT() {
        super(harness -> new SapErpUnderTest());
    }
}
