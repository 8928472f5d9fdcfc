package io.github.coupapoexport.monitoring;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.github.coupapoexport.coupa.CoupaCallException;
import io.github.coupapoexport.coupa.CoupaRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Coupa integration runs the job created (table {@code COUPA_INTEGRATION_RUN}), so that every one of them ends in
 * a terminal state: a run left running by a killed execution is failed by the next run (or {@code recover}), and a
 * run whose {@code success} or {@code fail} call Coupa never answered is ended by the next run as it was meant to.
 */
public class IntegrationRuns {

    private static final Logger log = LoggerFactory.getLogger(IntegrationRuns.class);

    private static final int ERROR_LENGTH = 2000;

    private final CoupaMonitoringClient coupa;

    private final JdbcTemplate jdbc;

    private final Clock clock;

    public IntegrationRuns(CoupaMonitoringClient coupa, JdbcTemplate jdbc, Clock clock) {
        this.coupa = coupa;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Creates the run of one job execution, recorded before anything else can go wrong. */
    public long open(long jobExecutionId) {
        long runId = coupa.createRun().id();
        jdbc.update("INSERT INTO COUPA_INTEGRATION_RUN (RUN_ID, JOB_EXECUTION_ID, STATE, CREATED_AT) VALUES (?, ?, "
                + "'OPEN', ?)", runId, jobExecutionId, now());
        return runId;
    }

    public void start(long runId, long totalRecords) {
        coupa.startRun(runId, totalRecords);
    }

    /**
     * Ends the run: {@code success} when the execution completed, else {@code fail}.
     *
     * @return null when Coupa took it, else why not (the next run tries again)
     */
    public String end(long runId, boolean completed, long recordsProcessed) {
        try {
            coupa.recordRunProgress(runId, recordsProcessed);
        }
        catch (CoupaCallException ex) {
            log.warn("Coupa integration run {}: records-processed not recorded: {}", runId, ex.getMessage());
        }
        return end(runId, completed);
    }

    /** Ends every run an earlier execution left open or could not end; the caller holds the run lock. */
    public void endLeftovers() {
        List<Map<String, Object>> leftovers = jdbc.queryForList("SELECT RUN_ID, STATE FROM COUPA_INTEGRATION_RUN "
                + "WHERE STATE IN ('OPEN', 'SUCCESS_PENDING', 'FAIL_PENDING') ORDER BY RUN_ID");
        for (Map<String, Object> leftover : leftovers) {
            long runId = ((Number) leftover.get("RUN_ID")).longValue();
            boolean success = "SUCCESS_PENDING".equals(leftover.get("STATE"));
            log.info("Coupa integration run {} was left {} by an earlier execution; marking it {}", runId,
                    leftover.get("STATE"), success ? "successful" : "failed");
            String failure = end(runId, success);
            if (failure != null) {
                log.warn("{}; the next run tries again", failure);
            }
        }
    }

    private String end(long runId, boolean success) {
        try {
            if (success) {
                coupa.succeedRun(runId);
            }
            else {
                coupa.failRun(runId);
            }
            jdbc.update("UPDATE COUPA_INTEGRATION_RUN SET STATE = ?, ENDED_AT = ?, LAST_ERROR = NULL WHERE RUN_ID = ?",
                    success ? "SUCCESSFUL" : "FAILED", now(), runId);
            log.info("Coupa integration run {} marked {}", runId, success ? "successful" : "failed");
            return null;
        }
        catch (CoupaRefusedException ex) {
            // Coupa will not take it again (the run was ended already, or is gone): nothing left to retry.
            jdbc.update("UPDATE COUPA_INTEGRATION_RUN SET STATE = 'FAILED', ENDED_AT = ?, LAST_ERROR = ? WHERE RUN_ID = ?",
                    now(), cut("Coupa refused to end the run: " + ex.getMessage()), runId);
            log.warn("Coupa integration run {}: Coupa refused to mark it {}; not tried again: {}", runId,
                    success ? "successful" : "failed", ex.getMessage());
            return null;
        }
        catch (CoupaCallException ex) {
            String failure = "Coupa integration run " + runId + " could not be marked " + (success ? "successful" : "failed")
                    + ": " + ex.getMessage();
            jdbc.update("UPDATE COUPA_INTEGRATION_RUN SET STATE = ?, LAST_ERROR = ? WHERE RUN_ID = ?",
                    success ? "SUCCESS_PENDING" : "FAIL_PENDING", cut(failure), runId);
            log.error("{}", failure);
            return failure;
        }
    }

    private static String cut(String text) {
        return text.length() <= ERROR_LENGTH ? text : text.substring(0, ERROR_LENGTH);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
