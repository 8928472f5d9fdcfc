-- The alerts (alerts.*): one row per distinct problem the job alerted about (exit code and what failed, e.g.
-- exit-1:coupa-unreachable), so that a scheduler rerunning every few minutes sends one message per alerts.repeat-after,
-- not one per run. Keys and times only: never a PO, a reason or a secret. A run that exports again deletes the rows
-- of the problems it shows resolved.
CREATE TABLE ALERT_STATE (
    PROBLEM_KEY VARCHAR(200) NOT NULL PRIMARY KEY,
    FIRST_SEEN TIMESTAMP WITH TIME ZONE NOT NULL,
    LAST_SEEN TIMESTAMP WITH TIME ZONE NOT NULL,
    TIMES_SEEN BIGINT NOT NULL,
    LAST_SENT TIMESTAMP WITH TIME ZONE
);
