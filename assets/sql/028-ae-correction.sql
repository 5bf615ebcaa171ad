-- 028: an adverse event's details can be corrected with a reason (ae
-- correct); the event keeps the reason of its latest correction as labs,
-- visits and imaging notes do, and earlier versions stay in the audit trail.
ALTER TABLE adverse_events ADD COLUMN correction_reason TEXT
	CHECK (correction_reason IS NULL OR length(correction_reason) BETWEEN 1 AND 200);
