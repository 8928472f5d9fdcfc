package io.github.coupapoexport.runlock;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.coupapoexport.JobRepositoryDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The advisory lock against the real PostgreSQL: a lock whose session lost it is reported, by the check during the
 * run and by the unlock at its end. The lock's session is shared with the test, which plays the database's part.
 */
class PostgresRunLockTest {

    private static final String KEY = "hashtext('coupa-po-export:' || current_schema())";

    private final JobRepositoryDatabase database = JobRepositoryDatabase.postgres();

    /** Closing suppressed: the connection the lock holds stays usable here after the lock lets it go. */
    private final SingleConnectionDataSource lockSession = new SingleConnectionDataSource(database.url(), true);

    private final PostgresRunLock runLock = new PostgresRunLock(lockSession);

    private final ListAppender<ILoggingEvent> errors = new ListAppender<>();

    @BeforeEach
    void captureErrors() {
        errors.start();
        ((Logger) LoggerFactory.getLogger(PostgresRunLock.class)).addAppender(errors);
    }

    @AfterEach
    void cleanUp() {
        ((Logger) LoggerFactory.getLogger(PostgresRunLock.class)).detachAppender(errors);
        lockSession.destroy();
        database.close();
    }

    @Test
    void lockHeldToTheEndPassesEveryCheckAndIsLetGoWithoutAnError() {
        // given
        assertThat(runLock.tryAcquire()).isTrue();

        // when
        runLock.checkStillHeld();
        runLock.release();

        // then
        assertThat(errors.list).isEmpty();
        assertThat(database.jdbc().queryForObject("SELECT pg_try_advisory_lock(" + KEY + ")", Boolean.class))
            .as("another session can take it now").isTrue();
    }

    @Test
    void unlockThatFindsTheLockAlreadyLetGoIsLoggedAsAnError() {
        // given a lock its session no longer holds (as after pg_advisory_unlock_all or a session reset)
        assertThat(runLock.tryAcquire()).isTrue();
        new JdbcTemplate(lockSession).queryForObject("SELECT pg_advisory_unlock(" + KEY + ")", Boolean.class);

        // when / then
        assertThatThrownBy(runLock::checkStillHeld).isInstanceOf(RunLockLostException.class)
            .hasMessageContaining("The run lock was lost (PostgreSQL advisory lock")
            .hasMessageContaining("no longer holds it");
        assertThatCode(runLock::release).doesNotThrowAnyException();
        assertThat(errors.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage()).contains("The run lock was not held at the end of the run");
        });
    }

    @Test
    void unlockOnATerminatedSessionIsLoggedAsAnErrorInsteadOfFailingTheRun() {
        // given a lock whose session the database ended
        assertThat(runLock.tryAcquire()).isTrue();
        Integer backend = new JdbcTemplate(lockSession).queryForObject("SELECT pg_backend_pid()", Integer.class);
        assertThat(database.jdbc().queryForObject("SELECT pg_terminate_backend(?, 10000)", Boolean.class, backend))
            .isTrue();

        // when / then
        assertThatThrownBy(runLock::checkStillHeld).isInstanceOf(RunLockLostException.class)
            .hasMessageContaining("The run lock was lost (PostgreSQL advisory lock")
            .hasMessageContaining("the session that holds it is gone");
        assertThatCode(runLock::release).doesNotThrowAnyException();
        assertThat(errors.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage()).contains("The run lock was not held at the end of the run",
                    "its session is gone");
        });
    }
}
