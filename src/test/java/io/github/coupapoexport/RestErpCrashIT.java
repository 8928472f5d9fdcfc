package io.github.coupapoexport;

/** The crash scenario against the REST adapter ({@code erp.type=rest}), the jar in a process of its own. */
class RestErpCrashIT extends ErpCrashScenarios {

    RestErpCrashIT() {
        super(harness -> new RestErpUnderTest(harness.erp));
    }
}
