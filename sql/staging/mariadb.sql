-- coupa-po-export's own staging (open interface) tables, erp.staging-tables.layout=coupa-po-export.
-- MariaDB 10.3+ / MySQL 8: run once in the ERP's database (mariadb erp < mariadb.sql). InnoDB, so that a
-- PO's rows are written in one transaction. DATETIME, not TIMESTAMP: before MariaDB 10.10
-- (explicit_defaults_for_timestamp off) a first TIMESTAMP is set again on every update, and the others are NOT NULL.

-- Written by coupa-po-export, one row per delivered PO snapshot; STATUS, PROCESSED_AT and ERP_DOCUMENT_ID are
-- written by the ERP's import program. SOURCE_KEY is the snapshot's idempotency key (a later attempt after a
-- rejection: key#2, key#3 ...): unique, so that a repeat is recognised as already applied.
CREATE TABLE STAGING_PO_HEADERS (
    HEADER_ID           BIGINT AUTO_INCREMENT PRIMARY KEY,
    SOURCE_KEY          VARCHAR(200) NOT NULL,
    ACTION              VARCHAR(10) NOT NULL,          -- CREATE, UPDATE, CANCEL or CLOSE
    STATUS              VARCHAR(20) DEFAULT 'PENDING' NOT NULL, -- PENDING (written so), ACCEPTED or REJECTED (by the ERP)
    SOURCE              VARCHAR(50),
    COUPA_ID            BIGINT NOT NULL,
    PO_NUMBER           VARCHAR(50) NOT NULL,
    REVISION            INTEGER,
    PO_STATUS           VARCHAR(50),                   -- Coupa's status of the PO, e.g. issued, cancelled, closed
    CURRENCY            VARCHAR(3),
    TOTAL               DECIMAL(30, 10),
    SUPPLIER_NUMBER     VARCHAR(100),
    SUPPLIER_NAME       VARCHAR(255),
    PAYMENT_TERM        VARCHAR(100),
    SHIP_TO_NAME        VARCHAR(255),
    SHIP_TO_STREET1     VARCHAR(255),
    SHIP_TO_STREET2     VARCHAR(255),
    SHIP_TO_CITY        VARCHAR(100),
    SHIP_TO_STATE       VARCHAR(100),
    SHIP_TO_POSTAL_CODE VARCHAR(30),
    SHIP_TO_COUNTRY     VARCHAR(100),
    REQUESTER           VARCHAR(255),
    CREATED_AT          DATETIME NOT NULL,
    PROCESSED_AT        DATETIME,                     -- by the ERP: when its import decided
    ERP_DOCUMENT_ID     VARCHAR(100),                 -- by the ERP: its own id of the PO, once accepted
    CONSTRAINT STAGING_PO_HEADERS_KEY UNIQUE (SOURCE_KEY)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Written by coupa-po-export with its header; LINE_NUMBER is Coupa's, unique within the header.
CREATE TABLE STAGING_PO_LINES (
    LINE_ID       BIGINT AUTO_INCREMENT PRIMARY KEY,
    HEADER_ID     BIGINT NOT NULL REFERENCES STAGING_PO_HEADERS (HEADER_ID),
    LINE_NUMBER   INTEGER NOT NULL,
    COUPA_LINE_ID BIGINT,
    LINE_TYPE     VARCHAR(50),
    DESCRIPTION   VARCHAR(1000),
    QUANTITY      DECIMAL(30, 10),
    UOM           VARCHAR(30),
    UNIT_PRICE    DECIMAL(30, 10),
    AMOUNT        DECIMAL(30, 10),
    NEED_BY_DATE  DATE,
    COMMODITY     VARCHAR(255),
    DELETED       CHAR(1) DEFAULT 'N' NOT NULL,   -- Y: the line is to be deleted in the ERP
    CREATED_AT    DATETIME NOT NULL,
    CONSTRAINT STAGING_PO_LINES_NUMBER UNIQUE (HEADER_ID, LINE_NUMBER)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Written by coupa-po-export: one row per account of a line (Coupa's split accounting: one per allocation, with
-- its percentage, amount and share of the quantity; a line with one account: one row with the whole quantity).
CREATE TABLE STAGING_PO_DISTRIBUTIONS (
    DISTRIBUTION_ID     BIGINT AUTO_INCREMENT PRIMARY KEY,
    HEADER_ID           BIGINT NOT NULL REFERENCES STAGING_PO_HEADERS (HEADER_ID),
    LINE_ID             BIGINT NOT NULL REFERENCES STAGING_PO_LINES (LINE_ID),
    DISTRIBUTION_NUMBER INTEGER NOT NULL,
    PERCENTAGE          DECIMAL(30, 10),
    AMOUNT              DECIMAL(30, 10),
    QUANTITY            DECIMAL(30, 10),
    ACCOUNT_CODE        VARCHAR(255),
    CREATED_AT          DATETIME NOT NULL,
    SEGMENT_1           VARCHAR(100),
    SEGMENT_2           VARCHAR(100),
    SEGMENT_3           VARCHAR(100),
    SEGMENT_4           VARCHAR(100),
    SEGMENT_5           VARCHAR(100),
    SEGMENT_6           VARCHAR(100),
    SEGMENT_7           VARCHAR(100),
    SEGMENT_8           VARCHAR(100),
    SEGMENT_9           VARCHAR(100),
    SEGMENT_10          VARCHAR(100),
    SEGMENT_11          VARCHAR(100),
    SEGMENT_12          VARCHAR(100),
    SEGMENT_13          VARCHAR(100),
    SEGMENT_14          VARCHAR(100),
    SEGMENT_15          VARCHAR(100),
    SEGMENT_16          VARCHAR(100),
    SEGMENT_17          VARCHAR(100),
    SEGMENT_18          VARCHAR(100),
    SEGMENT_19          VARCHAR(100),
    SEGMENT_20          VARCHAR(100)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Written by the ERP's import program: why it rejected a header (LINE_ID null: the header itself).
CREATE TABLE STAGING_PO_ERRORS (
    ERROR_ID    BIGINT AUTO_INCREMENT PRIMARY KEY,
    HEADER_ID   BIGINT NOT NULL REFERENCES STAGING_PO_HEADERS (HEADER_ID),
    LINE_ID     BIGINT,
    COLUMN_NAME VARCHAR(100),
    MESSAGE     VARCHAR(2000) NOT NULL,
    CREATED_AT  DATETIME
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The import program reads the pending headers; the adapter reads the errors of a header.
CREATE INDEX STAGING_PO_HEADERS_STATUS ON STAGING_PO_HEADERS (STATUS);
CREATE INDEX STAGING_PO_ERRORS_HEADER ON STAGING_PO_ERRORS (HEADER_ID);
