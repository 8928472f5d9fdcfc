package io.github.coupapoexport.ledger;

import io.github.coupapoexport.JobRepositoryDatabase;

/** On an H2 file, the embedded default. */
class FailingPurchaseOrdersOnH2Test extends FailingPurchaseOrdersScenarios {

    @Override
    JobRepositoryDatabase database() {
        return JobRepositoryDatabase.h2();
    }

    @Override
    String vendor() {
        return "h2";
    }
}
