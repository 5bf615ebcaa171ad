-- 031: an adverse event can be voided with a reason (an event recorded for
-- the wrong patient, a duplicate), and an infusion corrected with one (a
-- dose or time typed wrong). A voided event stays, with who voided it, when
-- and why, and leaves every count, dashboard, stopping rule and serious-event
-- list; the clinic's "grade 3 or serious" index leaves it out too. An
-- infusion keeps the reason of its latest correction as labs, visits and
-- events do; earlier versions stay in the audit trail.
ALTER TABLE adverse_events ADD COLUMN voided_at INTEGER;
ALTER TABLE adverse_events ADD COLUMN voided_by TEXT
	CHECK (voided_by IS NULL OR length(voided_by) BETWEEN 1 AND 64);
ALTER TABLE adverse_events ADD COLUMN void_reason TEXT
	CHECK (void_reason IS NULL OR length(void_reason) BETWEEN 1 AND 200);
DROP INDEX adverse_events_notable;
CREATE INDEX adverse_events_notable ON adverse_events (onset)
	WHERE (grade >= 3 OR serious = 1) AND voided_at IS NULL;
ALTER TABLE infusions ADD COLUMN correction_reason TEXT
	CHECK (correction_reason IS NULL OR length(correction_reason) BETWEEN 1 AND 200);
