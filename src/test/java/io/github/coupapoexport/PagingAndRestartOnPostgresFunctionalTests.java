package io.github.coupapoexport;

/**
 * The paging and restart scenarios on the production job repository, the real PostgreSQL named by
 * {@value JobRepositoryDatabase#POSTGRES_URL_VARIABLE}. Never skipped: without a PostgreSQL these fail.
 */
class PagingAndRestartOnPostgresFunctionalTests extends PagingAndRestartScenarios {

    @Override
    JobRepositoryDatabase jobRepository() {
        return JobRepositoryDatabase.postgres();
    }
}
