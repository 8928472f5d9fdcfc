-- reconcile: one row per reconciliation of Coupa against the ledger (and the ERP, where the adapter can read it),
-- so that the latest one can be shown, and one row per PO it found differing, with what --fix did about it.
CREATE TABLE RECONCILIATION (
    RECONCILIATION_ID VARCHAR(36)              NOT NULL PRIMARY KEY, -- a UUID
    STARTED_AT        TIMESTAMP WITH TIME ZONE NOT NULL,
    FINISHED_AT       TIMESTAMP WITH TIME ZONE,                     -- null: it did not finish (Coupa or the ERP failed)
    SINCE             TIMESTAMP WITH TIME ZONE NOT NULL,             -- POs changed in Coupa after this were compared
    ERP_READ          BOOLEAN                  NOT NULL,             -- false: Coupa against the ledger only
    FIX               BOOLEAN                  NOT NULL,             -- run with --fix
    EXPORTED_IN_COUPA INTEGER,                                      -- POs Coupa listed as exported since SINCE
    COUPA_CALLS       INTEGER,
    NOT_IN_ERP        INTEGER,                                      -- exported in Coupa, never accepted by the ERP
    NOT_EXPORTED      INTEGER,                                      -- accepted by the ERP, not exported in Coupa
    NEWER_IN_COUPA    INTEGER                                       -- Coupa's version newer than the ERP's
);

CREATE INDEX RECONCILIATION_BY_END ON RECONCILIATION (FINISHED_AT);

CREATE TABLE RECONCILIATION_DIFFERENCE (
    RECONCILIATION_ID VARCHAR(36)              NOT NULL,
    COUPA_ID          BIGINT                   NOT NULL,
    PO_NUMBER         VARCHAR(50),
    KIND              VARCHAR(20)              NOT NULL, -- NOT_IN_ERP, NOT_EXPORTED, NEWER_IN_COUPA
    COUPA_VERSION     INTEGER,
    COUPA_STATUS      VARCHAR(30),
    LEDGER_VERSION    INTEGER,                           -- the version the ledger last saw accepted, null: none
    ERP_HOLDS         VARCHAR(200),                      -- what the ERP holds, null: not read
    FIX               VARCHAR(20)              NOT NULL, -- NONE, UNMARKED, REFUSED, NEXT_RUN
    FIX_MESSAGE       VARCHAR(2000),
    RECORDED_AT       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (RECONCILIATION_ID, COUPA_ID)
);

-- The export asks whether a PO was put back by reconcile --fix after its last acceptance (then it is sent again).
CREATE INDEX RECONCILIATION_FIX_BY_PO ON RECONCILIATION_DIFFERENCE (COUPA_ID, FIX, RECORDED_AT);
