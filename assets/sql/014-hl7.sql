-- 010: lab results from the laboratory's HL7 v2 feed (ORU^R01).
-- A corrected result (OBX-11 'C') updates the earlier row; the row keeps
-- the reason, and the audit trail keeps both values (before and after).
ALTER TABLE labs ADD COLUMN correction_reason TEXT
	CHECK (correction_reason IS NULL OR length(correction_reason) BETWEEN 1 AND 200);

-- Every message taken in, once: the same MSH-10 from the same sender is
-- a duplicate delivery and stores nothing the second time.
CREATE TABLE hl7_messages (
	id INTEGER PRIMARY KEY,
	sender TEXT NOT NULL CHECK (length(sender) BETWEEN 1 AND 130),
	control_id TEXT NOT NULL CHECK (length(control_id) BETWEEN 1 AND 63),
	via TEXT NOT NULL CHECK (via IN ('file', 'mllp')),
	stored INTEGER NOT NULL CHECK (stored >= 0),
	corrected INTEGER NOT NULL CHECK (corrected >= 0),
	queued INTEGER NOT NULL CHECK (queued >= 0),
	noted INTEGER NOT NULL CHECK (noted >= 0),
	notes TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 4000),
	created INTEGER NOT NULL,
	UNIQUE (sender, control_id)
);

-- Results that wait for a nurse: unknown MRN, name or birth date that
-- disagrees, unknown code or unit, a value to confirm or refused by the
-- limits, no collection date. Never dropped: an item is resolved by storing
-- it (matched or confirmed) or rejecting it, always with a reason.
CREATE TABLE hl7_queue (
	id INTEGER PRIMARY KEY,
	message_id INTEGER NOT NULL REFERENCES hl7_messages (id),
	obx INTEGER NOT NULL,
	reason TEXT NOT NULL CHECK (reason IN ('unknown_mrn', 'mismatch', 'unknown_code', 'unit',
		'confirm', 'invalid', 'no_date')),
	detail TEXT NOT NULL CHECK (length(detail) <= 600),
	patient_id INTEGER REFERENCES patients (id),
	mrn TEXT NOT NULL CHECK (length(mrn) <= 63),
	name TEXT NOT NULL CHECK (length(name) <= 402),
	dob TEXT NOT NULL CHECK (length(dob) <= 10),
	analyte TEXT,
	code TEXT NOT NULL CHECK (length(code) <= 63),
	code_text TEXT NOT NULL CHECK (length(code_text) <= 199),
	value TEXT NOT NULL CHECK (length(value) <= 199),
	unit TEXT NOT NULL CHECK (length(unit) <= 63),
	collected TEXT NOT NULL CHECK (length(collected) <= 10),
	result_status TEXT NOT NULL CHECK (length(result_status) = 1),
	state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'stored', 'rejected')),
	resolution TEXT CHECK (resolution IS NULL OR length(resolution) BETWEEN 1 AND 200),
	resolved_by TEXT,
	resolved INTEGER,
	lab_id INTEGER REFERENCES labs (id),
	created INTEGER NOT NULL,
	version INTEGER NOT NULL DEFAULT 1
);
-- Which result of the laboratory each stored row is (sender, order, code),
-- and the message it came in: a corrected result corrects that row.
CREATE TABLE hl7_results (
	id INTEGER PRIMARY KEY,
	lab_id INTEGER NOT NULL UNIQUE REFERENCES labs (id),
	patient_id INTEGER NOT NULL REFERENCES patients (id),
	message_id INTEGER NOT NULL REFERENCES hl7_messages (id),
	result_key TEXT NOT NULL CHECK (length(result_key) <= 300)
);
CREATE INDEX hl7_results_key ON hl7_results (result_key, patient_id);

CREATE INDEX hl7_queue_open ON hl7_queue (id) WHERE state = 'open';
