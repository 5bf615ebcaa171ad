-- 001: users, patients, lab results, imaging notes, the audit trail, drafts
-- and the recent-patients list. CHECK constraints repeat the model's hard
-- limits so no path around the program can store an impossible value.

CREATE TABLE meta (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL
) STRICT;

CREATE TABLE users (
	id INTEGER PRIMARY KEY,
	login TEXT NOT NULL UNIQUE CHECK (length(login) BETWEEN 1 AND 32),
	display TEXT NOT NULL CHECK (length(display) BETWEEN 1 AND 80),
	role TEXT NOT NULL CHECK (role IN ('viewer', 'nurse', 'physician', 'admin')),
	disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
	version INTEGER NOT NULL DEFAULT 1,
	created INTEGER NOT NULL,
	updated INTEGER NOT NULL
) STRICT;

CREATE TABLE patients (
	id INTEGER PRIMARY KEY,
	mrn TEXT NOT NULL UNIQUE CHECK (length(mrn) BETWEEN 1 AND 20),
	name TEXT NOT NULL CHECK (length(CAST(name AS BLOB)) BETWEEN 1 AND 120),
	name_key TEXT NOT NULL,
	dob TEXT NOT NULL CHECK (dob GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	sex TEXT NOT NULL CHECK (sex IN ('F', 'M')),
	etiology TEXT CHECK (etiology IS NULL OR length(etiology) BETWEEN 3 AND 7),
	weight_kg REAL CHECK (weight_kg IS NULL OR weight_kg BETWEEN 20 AND 250),
	weight_date TEXT CHECK (weight_date IS NULL OR weight_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	version INTEGER NOT NULL DEFAULT 1,
	created INTEGER NOT NULL,
	updated INTEGER NOT NULL
) STRICT;
CREATE INDEX patients_name_key ON patients (name_key);

CREATE TABLE labs (
	id INTEGER PRIMARY KEY,
	patient_id INTEGER NOT NULL REFERENCES patients (id),
	analyte TEXT NOT NULL,
	value REAL NOT NULL,
	unit TEXT NOT NULL CHECK (length(unit) <= 15),
	canonical REAL NOT NULL,
	date TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	source TEXT NOT NULL CHECK (length(source) <= 31),
	flag TEXT NOT NULL DEFAULT '',
	confirmed INTEGER NOT NULL DEFAULT 0 CHECK (confirmed IN (0, 1)),
	visit_id INTEGER,
	version INTEGER NOT NULL DEFAULT 1,
	created INTEGER NOT NULL,
	CHECK (CASE analyte
		WHEN 'bilirubin' THEN canonical BETWEEN 0 AND 80
		WHEN 'inr' THEN canonical BETWEEN 0.5 AND 20
		WHEN 'pt' THEN canonical BETWEEN 5 AND 150
		WHEN 'pta' THEN canonical BETWEEN 0 AND 200
		WHEN 'creatinine' THEN canonical BETWEEN 0.1 AND 25
		WHEN 'sodium' THEN canonical BETWEEN 90 AND 200
		WHEN 'albumin' THEN canonical BETWEEN 0.5 AND 7
		WHEN 'alt' THEN canonical BETWEEN 0 AND 20000
		WHEN 'ast' THEN canonical BETWEEN 0 AND 20000
		WHEN 'alp' THEN canonical BETWEEN 0 AND 10000
		WHEN 'ggt' THEN canonical BETWEEN 0 AND 10000
		WHEN 'platelets' THEN canonical BETWEEN 0 AND 2000
		WHEN 'afp' THEN canonical BETWEEN 0 AND 1000000
		WHEN 'hbv_dna' THEN canonical BETWEEN 0 AND 10000000000
		ELSE 0 END)
) STRICT;
CREATE INDEX labs_patient ON labs (patient_id, analyte, date);

CREATE TABLE imaging (
	id INTEGER PRIMARY KEY,
	patient_id INTEGER NOT NULL REFERENCES patients (id),
	date TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	modality TEXT NOT NULL CHECK (modality IN ('ultrasound', 'doppler', 'ct', 'mri', 'elastography')),
	note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
	stiffness_kpa REAL CHECK (stiffness_kpa IS NULL OR stiffness_kpa BETWEEN 1.5 AND 75),
	iqr_kpa REAL CHECK (iqr_kpa IS NULL OR iqr_kpa >= 0),
	fibrosis_stage INTEGER CHECK (fibrosis_stage IS NULL OR fibrosis_stage BETWEEN 0 AND 4),
	hcc INTEGER CHECK (hcc IS NULL OR hcc IN (0, 1)),
	thrombosis INTEGER CHECK (thrombosis IS NULL OR thrombosis IN (0, 1)),
	ascites INTEGER CHECK (ascites IS NULL OR ascites IN (0, 1)),
	version INTEGER NOT NULL DEFAULT 1,
	created INTEGER NOT NULL
) STRICT;
CREATE INDEX imaging_patient ON imaging (patient_id, date);

-- The audit trail: append-only, each row's hash chained to the previous one.
CREATE TABLE audit (
	seq INTEGER PRIMARY KEY,
	ts INTEGER NOT NULL,
	actor TEXT NOT NULL,
	action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'view', 'export', 'bulk', 'conflict')),
	tbl TEXT NOT NULL,
	row_id INTEGER,
	patient_id INTEGER,
	before TEXT,
	after TEXT,
	prev TEXT NOT NULL,
	hash TEXT NOT NULL
) STRICT;
CREATE INDEX audit_patient ON audit (patient_id, seq);
CREATE INDEX audit_actor ON audit (actor, seq);

-- The newest audit row, kept by a trigger: a deleted tail is detected.
CREATE TABLE audit_head (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	seq INTEGER NOT NULL,
	hash TEXT NOT NULL
) STRICT;

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
	SELECT RAISE(ABORT, 'audit rows are append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
	SELECT RAISE(ABORT, 'audit rows are append-only');
END;
CREATE TRIGGER audit_head_track AFTER INSERT ON audit
BEGIN
	INSERT INTO audit_head (id, seq, hash) VALUES (1, NEW.seq, NEW.hash)
		ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash;
END;

-- Form content kept while it is typed (not audited: not yet a record).
CREATE TABLE drafts (
	id INTEGER PRIMARY KEY,
	user TEXT NOT NULL,
	form TEXT NOT NULL,
	patient_id INTEGER NOT NULL DEFAULT 0,
	content TEXT NOT NULL,
	updated INTEGER NOT NULL,
	UNIQUE (user, form, patient_id)
) STRICT;

-- The patients each user opened last (derived from views, not audited).
CREATE TABLE recent (
	user TEXT NOT NULL,
	patient_id INTEGER NOT NULL REFERENCES patients (id),
	opened INTEGER NOT NULL,
	PRIMARY KEY (user, patient_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX recent_user ON recent (user, opened);
