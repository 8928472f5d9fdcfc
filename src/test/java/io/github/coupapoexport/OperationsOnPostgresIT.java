package io.github.coupapoexport;

/** kill -9, SIGTERM and the run lock on PostgreSQL (a session advisory lock). Never skipped. */
class OperationsOnPostgresIT extends OperationScenarios {

    @Override
    JobRepositoryDatabase jobRepository() {
        return JobRepositoryDatabase.postgres();
    }
}
