-- 009: a recorded visit can be corrected (a value typed wrong, the wrong day).
-- The row keeps the reason of its latest correction; every earlier version
-- stays in the audit trail (the before and after of each update).
ALTER TABLE visits ADD COLUMN correction_reason TEXT
	CHECK (correction_reason IS NULL OR length(correction_reason) BETWEEN 1 AND 200);
