-- An ERP that imports later (staging tables): when a snapshot was queued, and why its verdict could not be read
-- (the ERP's database down, its rows gone) or is overdue. Such a snapshot counts as failing (exit 3) until then.
ALTER TABLE EXPORT_LEDGER ADD COLUMN QUEUED_AT TIMESTAMP WITH TIME ZONE;
ALTER TABLE EXPORT_LEDGER ADD COLUMN VERDICT_PROBLEM VARCHAR(2000);
