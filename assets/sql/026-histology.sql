-- 026: biopsy histology (issue 15, item 2), one row per biopsy. CHECKs
-- repeat the model's hard limits (histology.h HISTO_MEASURE_INFO). A
-- correction or a void keeps its reason; earlier versions stay in the
-- audit trail.
CREATE TABLE histology (
	id INTEGER PRIMARY KEY,
	patient_id INTEGER NOT NULL REFERENCES patients (id),
	date TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	site TEXT NOT NULL CHECK (length(site) BETWEEN 1 AND 80),
	metavir INTEGER CHECK (metavir IS NULL OR metavir BETWEEN 0 AND 4),
	ishak INTEGER CHECK (ishak IS NULL OR ishak BETWEEN 0 AND 6),
	grade INTEGER CHECK (grade IS NULL OR grade BETWEEN 0 AND 3),
	cpa REAL CHECK (cpa IS NULL OR cpa BETWEEN 0 AND 100),
	ki67 REAL CHECK (ki67 IS NULL OR ki67 BETWEEN 0 AND 100),
	ck19 REAL CHECK (ck19 IS NULL OR ck19 BETWEEN 0 AND 100),
	pathologist TEXT NOT NULL CHECK (length(pathologist) BETWEEN 1 AND 80),
	note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
	created INTEGER NOT NULL,
	created_by TEXT NOT NULL,
	reason TEXT CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 200),
	voided INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1)),
	version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX histology_patient ON histology (patient_id, date);
