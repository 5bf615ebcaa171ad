-- 023: lab results and imaging notes can be voided with a reason (a result
-- filed to the wrong patient, a note of another study). The row stays, with
-- who voided it, when and why; every score, checklist, dashboard and listing
-- reads only rows not voided. An imaging note keeps the reason of its latest
-- correction as labs do (014); earlier versions stay in the audit trail.
ALTER TABLE labs ADD COLUMN voided_at INTEGER;
ALTER TABLE labs ADD COLUMN voided_by TEXT
	CHECK (voided_by IS NULL OR length(voided_by) BETWEEN 1 AND 64);
ALTER TABLE labs ADD COLUMN void_reason TEXT
	CHECK (void_reason IS NULL OR length(void_reason) BETWEEN 1 AND 200);
ALTER TABLE imaging ADD COLUMN voided_at INTEGER;
ALTER TABLE imaging ADD COLUMN voided_by TEXT
	CHECK (voided_by IS NULL OR length(voided_by) BETWEEN 1 AND 64);
ALTER TABLE imaging ADD COLUMN void_reason TEXT
	CHECK (void_reason IS NULL OR length(void_reason) BETWEEN 1 AND 200);
ALTER TABLE imaging ADD COLUMN correction_reason TEXT
	CHECK (correction_reason IS NULL OR length(correction_reason) BETWEEN 1 AND 200);
