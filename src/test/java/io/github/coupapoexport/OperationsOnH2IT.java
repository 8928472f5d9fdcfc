package io.github.coupapoexport;

/** kill -9, SIGTERM and the run lock on the default job repository, an H2 file (a file lock). */
class OperationsOnH2IT extends OperationScenarios {

    @Override
    JobRepositoryDatabase jobRepository() {
        return JobRepositoryDatabase.h2();
    }
}
