-- 002: pre-treatment evaluations (the checklist), answers to the items a
-- nurse confirms, treatment plans and the schedule generated from a plan.

CREATE TABLE evaluations (
	id INTEGER PRIMARY KEY,
	patient_id INTEGER NOT NULL REFERENCES patients (id),
	as_of TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	protocol_name TEXT NOT NULL,
	protocol_version TEXT NOT NULL,
	protocol_hash TEXT NOT NULL CHECK (length(protocol_hash) = 64),
	status TEXT NOT NULL CHECK (status IN ('READY', 'NOT_READY', 'EXCLUDED')),
	detail TEXT NOT NULL, -- JSON: every item with its state, reason and the data it used
	amends INTEGER REFERENCES evaluations (id), -- the signed evaluation this one amends
	amend_reason TEXT,
	signed_by TEXT,
	signed_at INTEGER,
	superseded_by INTEGER REFERENCES evaluations (id),
	version INTEGER NOT NULL DEFAULT 1,
	created INTEGER NOT NULL,
	CHECK (amends IS NULL OR length(amend_reason) > 0),
	CHECK ((signed_by IS NULL) = (signed_at IS NULL))
) STRICT;
CREATE INDEX evaluations_patient ON evaluations (patient_id, id);
CREATE INDEX evaluations_unsigned ON evaluations (signed_at, patient_id);

-- A signed evaluation is never edited: only the pointer to its amendment
-- may be set, once.
CREATE TRIGGER evaluations_signed_frozen BEFORE UPDATE ON evaluations
WHEN OLD.signed_at IS NOT NULL AND (
	NEW.as_of IS NOT OLD.as_of OR NEW.status IS NOT OLD.status OR
	NEW.detail IS NOT OLD.detail OR NEW.protocol_hash IS NOT OLD.protocol_hash OR
	NEW.signed_by IS NOT OLD.signed_by OR NEW.signed_at IS NOT OLD.signed_at OR
	NEW.patient_id IS NOT OLD.patient_id OR
	(OLD.superseded_by IS NOT NULL AND NEW.superseded_by IS NOT OLD.superseded_by))
BEGIN
	SELECT RAISE(ABORT, 'a signed evaluation cannot be edited; amend it');
END;
CREATE TRIGGER evaluations_signed_kept BEFORE DELETE ON evaluations
WHEN OLD.signed_at IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, 'a signed evaluation cannot be deleted');
END;

-- Answers to nurse-confirmed items; the newest answer of an item counts,
-- older ones stay for the record.
CREATE TABLE answers (
	id INTEGER PRIMARY KEY,
	patient_id INTEGER NOT NULL REFERENCES patients (id),
	item TEXT NOT NULL CHECK (length(item) BETWEEN 1 AND 40),
	answer TEXT NOT NULL CHECK (answer IN ('yes', 'no')),
	value TEXT CHECK (value IS NULL OR length(value) <= 40), -- e.g. the consent date
	note TEXT CHECK (note IS NULL OR length(note) <= 500),
	answered_on TEXT NOT NULL CHECK (answered_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	version INTEGER NOT NULL DEFAULT 1,
	created INTEGER NOT NULL
) STRICT;
CREATE INDEX answers_patient ON answers (patient_id, item, id);

CREATE TABLE plans (
	id INTEGER PRIMARY KEY,
	patient_id INTEGER NOT NULL REFERENCES patients (id),
	evaluation_id INTEGER NOT NULL REFERENCES evaluations (id),
	route TEXT NOT NULL CHECK (route IN ('iv', 'intrahepatic')),
	cells_per_kg REAL NOT NULL CHECK (cells_per_kg > 0),
	weight_kg REAL NOT NULL CHECK (weight_kg BETWEEN 20 AND 250),
	weight_date TEXT NOT NULL,
	cells_per_infusion REAL NOT NULL CHECK (cells_per_infusion > 0),
	infusions INTEGER NOT NULL CHECK (infusions BETWEEN 1 AND 24),
	interval_days INTEGER NOT NULL CHECK (interval_days BETWEEN 1 AND 365),
	first_date TEXT NOT NULL CHECK (first_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	physician TEXT,
	physician_signed_at INTEGER,
	status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cancelled')),
	version INTEGER NOT NULL DEFAULT 1,
	created INTEGER NOT NULL,
	CHECK (route = 'iv' OR (physician IS NOT NULL AND physician_signed_at IS NOT NULL))
) STRICT;
CREATE INDEX plans_patient ON plans (patient_id, id);

-- Infusion days and follow-up visits generated from a plan. target_date is
-- kept as generated; a reschedule moves due_date and says why.
CREATE TABLE schedule (
	id INTEGER PRIMARY KEY,
	patient_id INTEGER NOT NULL REFERENCES patients (id),
	plan_id INTEGER NOT NULL REFERENCES plans (id),
	kind TEXT NOT NULL CHECK (kind IN ('infusion', 'visit')),
	label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 24),
	target_date TEXT NOT NULL CHECK (target_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	due_date TEXT NOT NULL CHECK (due_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	window_before INTEGER NOT NULL DEFAULT 0 CHECK (window_before BETWEEN 0 AND 90),
	window_after INTEGER NOT NULL DEFAULT 0 CHECK (window_after BETWEEN 0 AND 90),
	reschedule_reason TEXT,
	state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'missed', 'cancelled')),
	version INTEGER NOT NULL DEFAULT 1,
	created INTEGER NOT NULL,
	CHECK (due_date = target_date OR length(reschedule_reason) > 0)
) STRICT;
CREATE INDEX schedule_patient ON schedule (patient_id, due_date);
CREATE INDEX schedule_open ON schedule (state, due_date);
