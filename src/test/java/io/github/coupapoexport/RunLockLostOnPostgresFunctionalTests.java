package io.github.coupapoexport;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import io.github.coupapoexport.sandbox.CoupaPo;
import io.github.coupapoexport.sandbox.FakeErp.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL run lock is a session advisory lock; when its session ends mid-run (idle-session timeout,
 * {@code pg_terminate_backend}, failover) a second run could take it. The run must notice before it writes more.
 * Against the real PostgreSQL named by {@value JobRepositoryDatabase#POSTGRES_URL_VARIABLE}; never skipped.
 */
class RunLockLostOnPostgresFunctionalTests {

    private static final int PAGE = 50;

    private final ExportJobHarness harness = new ExportJobHarness(JobRepositoryDatabase.postgres());

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void runWhoseLockSessionIsTerminatedFailsBeforeTheNextChunkAndTheRerunExportsTheRestOnce() {
        // given 120 POs in pages of 50, and the database ending the run lock's session while the ERP receives the
        // first document of the second page
        harness.coupa.add(CoupaPo.numbered(120));
        AtomicBoolean terminating = new AtomicBoolean();
        AtomicReference<Object> terminated = new AtomicReference<>();
        harness.erp.beforeAnswering(document -> {
            if (document.get("coupaId").asLong() > PAGE && terminating.compareAndSet(false, true)) {
                terminated.set(terminateTheSessionHoldingTheRunLock());
            }
        });

        // when
        ExportJobHarness.RunResult lost = harness.run("--coupa.page-size=" + PAGE);

        // then the run fails, naming the lost lock, and nothing of the third page reached the ERP
        assertThat(terminated.get()).as("the run lock's session was terminated").isEqualTo(Boolean.TRUE);
        assertThat(lost.exitCode()).as(lost.output()).isEqualTo(1);
        assertThat(lost.summary()).contains("status=FAILED", "exit=1", "The run lock was lost",
                "PostgreSQL advisory lock");
        assertThat(harness.erp.received()).extracting(received -> received.document().get("coupaId").asLong())
            .allSatisfy(coupaId -> assertThat(coupaId).isLessThanOrEqualTo(2L * PAGE));
        assertThat(lost.output()).contains("The run lock was not held at the end of the run");

        // and when the scheduler reruns the same command
        harness.erp.beforeAnswering(document -> {
        });
        int selectionsBeforeRerun = harness.selectionRequests().size();
        ExportJobHarness.RunResult resumed = harness.run("--coupa.page-size=" + PAGE);

        // then it resumes from the first page's checkpoint, not past the page whose commit was refused, and every PO
        // was exported exactly once
        assertThat(resumed.exitCode()).as(resumed.output()).isZero();
        assertThat(resumed.summary()).contains("execution=2", "status=COMPLETED");
        assertThat(harness.selectionRequests().get(selectionsBeforeRerun).getRequest().queryParameter("id[gt]")
            .firstValue()).isEqualTo(String.valueOf(PAGE));
        assertThat(harness.coupa.exportedIds()).hasSize(120);
        Map<Long, Long> acceptedPerPo = harness.erp.received().stream().filter(Received::accepted)
            .collect(Collectors.groupingBy(received -> received.document().get("coupaId").asLong(), Collectors.counting()));
        assertThat(acceptedPerPo).hasSize(120).allSatisfy((po, accepted) -> assertThat(accepted).isEqualTo(1L));
    }

    /** @return what pg_terminate_backend answered (it waits until the backend is gone), or the failure */
    private Object terminateTheSessionHoldingTheRunLock() {
        try {
            // The key as PostgresRunLock takes it, in this test's own schema: other tests' locks are left alone.
            return harness.database().queryForObject("SELECT pg_terminate_backend(pid, 10000) FROM pg_locks "
                    + "WHERE locktype = 'advisory' AND granted AND objsubid = 1 "
                    + "AND ((classid::bigint << 32) | objid::bigint) = hashtext('coupa-po-export:' || current_schema())::bigint",
                    Boolean.class);
        }
        catch (RuntimeException ex) {
            return ex;
        }
    }
}
