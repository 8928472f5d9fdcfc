package io.github.coupapoexport.ledger;

import io.github.coupapoexport.JobRepositoryDatabase;

class ExportLedgerOnH2Test extends ExportLedgerScenarios {

    @Override
    JobRepositoryDatabase database() {
        return JobRepositoryDatabase.h2();
    }

    @Override
    String vendor() {
        return "h2";
    }
}
