package io.github.coupapoexport;

/** The paging and restart scenarios on the default job repository, an H2 file. */
class PagingAndRestartOnH2FunctionalTests extends PagingAndRestartScenarios {

    @Override
    JobRepositoryDatabase jobRepository() {
        return JobRepositoryDatabase.h2();
    }
}
