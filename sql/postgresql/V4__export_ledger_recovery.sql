-- What the next run needs to finish a snapshot a crash or a timeout left half-done, and what Coupa made of the mark.
ALTER TABLE EXPORT_LEDGER ADD COLUMN DOCUMENT TEXT;                 -- JSON: the document exactly as posted, resent under its own key
ALTER TABLE EXPORT_LEDGER ADD COLUMN COUPA_MARK VARCHAR(20);      -- MARKED, UNMARKED (the PO moved on), REFUSED, SUPERSEDED
ALTER TABLE EXPORT_LEDGER ADD COLUMN COUPA_MARK_MESSAGE VARCHAR(2000);
ALTER TABLE EXPORT_LEDGER ADD COLUMN REPORT_ATTEMPTS INTEGER DEFAULT 0 NOT NULL; -- reports Coupa refused
ALTER TABLE EXPORT_LEDGER ADD COLUMN REPORT_FAILURE VARCHAR(2000);              -- Coupa's last refusal of the report
ALTER TABLE EXPORT_LEDGER ADD COLUMN REPORT_EXECUTION_ID BIGINT;                -- the execution that last tried to report

-- Snapshots marked before this column existed.
UPDATE EXPORT_LEDGER SET COUPA_MARK = 'MARKED' WHERE MARKED_EXPORTED_AT IS NOT NULL;

-- Rows a crash or an unanswered call left between two states: found at the start of every run.
CREATE INDEX EXPORT_LEDGER_UNFINISHED ON EXPORT_LEDGER (OUTCOME, COUPA_MARK);

-- One row per Coupa integration run the job created, so that every one ends in a terminal state even after a kill.
CREATE TABLE COUPA_INTEGRATION_RUN (
    RUN_ID           BIGINT                   NOT NULL PRIMARY KEY,
    JOB_EXECUTION_ID BIGINT                   NOT NULL,
    STATE            VARCHAR(20)              NOT NULL, -- OPEN, SUCCESS_PENDING, FAIL_PENDING, SUCCESSFUL, FAILED
    CREATED_AT       TIMESTAMP WITH TIME ZONE NOT NULL,
    ENDED_AT         TIMESTAMP WITH TIME ZONE,
    LAST_ERROR       VARCHAR(2000)
);
