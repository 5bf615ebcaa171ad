-- 022: quality-of-life questionnaires as configuration — instruments
-- installed like protocols (their text and hash kept), each questionnaire
-- given (the answers as entered) and its domain scores, read for trends.
CREATE TABLE instruments (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 20),
	name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
	version TEXT NOT NULL CHECK (length(version) BETWEEN 1 AND 20),
	hash TEXT NOT NULL CHECK (length(hash) = 64),
	text TEXT NOT NULL CHECK (length(text) <= 60000),
	installed_by TEXT NOT NULL,
	version_no INTEGER NOT NULL DEFAULT 1,
	created INTEGER NOT NULL,
	UNIQUE (code, version)
) STRICT;

CREATE TABLE qol_responses (
	id INTEGER PRIMARY KEY,
	patient_id INTEGER NOT NULL REFERENCES patients (id),
	instrument_id INTEGER NOT NULL REFERENCES instruments (id),
	date TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	answers TEXT NOT NULL CHECK (length(answers) <= 240),
	answered INTEGER NOT NULL CHECK (answered >= 0),
	recorded_by TEXT NOT NULL,
	void_reason TEXT CHECK (void_reason IS NULL OR length(void_reason) BETWEEN 1 AND 200),
	version INTEGER NOT NULL DEFAULT 1,
	created INTEGER NOT NULL
) STRICT;
CREATE INDEX qol_responses_patient ON qol_responses (patient_id, date);

CREATE TABLE qol_scores (
	id INTEGER PRIMARY KEY,
	response_id INTEGER NOT NULL REFERENCES qol_responses (id),
	domain TEXT NOT NULL CHECK (length(domain) BETWEEN 1 AND 32),
	answered INTEGER NOT NULL,
	items INTEGER NOT NULL CHECK (items >= 1 AND answered BETWEEN 0 AND items),
	score REAL, -- NULL: too few items answered
	created INTEGER NOT NULL
) STRICT;
CREATE INDEX qol_scores_response ON qol_scores (response_id);
