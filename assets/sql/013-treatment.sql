-- 010: safe treatment — the patient's status with its dates; the product
-- lot's expiry, the pre-infusion check and a physician's override kept with
-- each infusion; a physician's review of an adverse event (the stopping
-- rules halt infusions until it).
CREATE TABLE patient_status (
	id INTEGER PRIMARY KEY,
	patient_id INTEGER NOT NULL REFERENCES patients (id),
	state TEXT NOT NULL CHECK (state IN ('screening', 'evaluated', 'in_treatment',
		'in_followup', 'completed', 'withdrawn', 'lost', 'transplanted', 'deceased')),
	date TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	reason TEXT CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 200),
	recorded_by TEXT NOT NULL,
	version INTEGER NOT NULL DEFAULT 1,
	created INTEGER NOT NULL,
	CHECK (state NOT IN ('withdrawn', 'deceased') OR reason IS NOT NULL)
) STRICT;
CREATE INDEX patient_status_patient ON patient_status (patient_id, id);

-- Patients already treated before this migration: in treatment since their
-- active plan was made.
INSERT INTO patient_status (patient_id, state, date, recorded_by, created)
	SELECT patient_id, 'in_treatment', date(created, 'unixepoch'), 'migration', created
	FROM plans WHERE status = 'active';

ALTER TABLE infusions ADD COLUMN lot_expiry TEXT
	CHECK (lot_expiry IS NULL OR lot_expiry GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]');
-- The check as it stood when the infusion was recorded (JSON, every item).
ALTER TABLE infusions ADD COLUMN check_detail TEXT;
ALTER TABLE infusions ADD COLUMN override_reason TEXT
	CHECK (override_reason IS NULL OR length(override_reason) BETWEEN 1 AND 200);
ALTER TABLE infusions ADD COLUMN override_by TEXT;

ALTER TABLE adverse_events ADD COLUMN reviewed_by TEXT;
ALTER TABLE adverse_events ADD COLUMN reviewed_at INTEGER;

-- One user may hold several roles ("admin,physician"); users.role keeps the
-- highest of them for older readers.
ALTER TABLE users ADD COLUMN roles TEXT NOT NULL DEFAULT '';
UPDATE users SET roles = role;
