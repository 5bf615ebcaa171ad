-- 018: a censored lab result ("<5", ">2000") waits in the HL7 queue with
-- its own reason, never stored as its limit. SQLite cannot change a CHECK
-- in place: the queue table is rebuilt with the new reason, rows kept
-- (the audit triggers are installed again after every migration).
CREATE TABLE hl7_queue_new (
	id INTEGER PRIMARY KEY,
	message_id INTEGER NOT NULL REFERENCES hl7_messages (id),
	obx INTEGER NOT NULL,
	reason TEXT NOT NULL CHECK (reason IN ('unknown_mrn', 'mismatch', 'unknown_code', 'unit',
		'confirm', 'invalid', 'no_date', 'censored')),
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
INSERT INTO hl7_queue_new SELECT * FROM hl7_queue;
DROP TABLE hl7_queue;
ALTER TABLE hl7_queue_new RENAME TO hl7_queue;
CREATE INDEX hl7_queue_open ON hl7_queue (id) WHERE state = 'open';
