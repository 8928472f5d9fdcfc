package io.github.coupapoexport;

class LedgerValuesOnH2FunctionalTests extends LedgerValueScenarios {

    @Override
    JobRepositoryDatabase jobRepository() {
        return JobRepositoryDatabase.h2();
    }
}
