-- 027: concomitant medications and supplements (issue 15, item 4): name
-- (with its ATC code when it is on the shipped list, med.h MED_LIST_INFO),
-- dose and unit, route, frequency, start and stop, indication. CHECKs
-- repeat the model's limits (MED_UNIT_INFO). A stop, a correction or a void
-- keeps its reason; earlier versions stay in the audit trail.
CREATE TABLE medications (
	id INTEGER PRIMARY KEY,
	patient_id INTEGER NOT NULL REFERENCES patients (id),
	name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
	atc TEXT CHECK (atc IS NULL OR length(atc) BETWEEN 3 AND 7),
	class TEXT NOT NULL,
	dose REAL CHECK (dose IS NULL OR (dose > 0 AND dose <= 1000000)),
	unit TEXT NOT NULL,
	route TEXT NOT NULL,
	frequency TEXT NOT NULL,
	start TEXT NOT NULL CHECK (start GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	stop TEXT CHECK (stop IS NULL OR (stop GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND stop >= start)),
	indication TEXT NOT NULL DEFAULT '' CHECK (length(indication) <= 200),
	created INTEGER NOT NULL,
	created_by TEXT NOT NULL,
	reason TEXT CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 200),
	voided INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1)),
	version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX medications_patient ON medications (patient_id, start);
