package io.github.coupapoexport.ledger;

import io.github.coupapoexport.JobRepositoryDatabase;

/** On an H2 file database, as the default job repository. */
class BaselineLedgerOnH2Test extends BaselineLedgerScenarios {

    @Override
    JobRepositoryDatabase database() {
        return JobRepositoryDatabase.h2();
    }

    @Override
    String vendor() {
        return "h2";
    }
}
