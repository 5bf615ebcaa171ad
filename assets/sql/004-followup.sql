-- 004: follow-up — visits recorded against the schedule (or unscheduled) with
-- vitals, symptom grades, ascites/encephalopathy grades and liver stiffness;
-- missed visits with their reason; infusions; the adverse-event log. CHECK
-- constraints repeat the model's limits (visit.h, infusion.h, ae.h).

CREATE TABLE visits (
	id INTEGER PRIMARY KEY,
	patient_id INTEGER NOT NULL REFERENCES patients (id),
	schedule_id INTEGER REFERENCES schedule (id),
	state TEXT NOT NULL CHECK (state IN ('done', 'missed')),
	date TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	timing TEXT CHECK (timing IS NULL OR timing IN ('early', 'in_window', 'late')),
	missed_reason TEXT CHECK (missed_reason IS NULL OR length(missed_reason) BETWEEN 1 AND 200),
	temp_c REAL CHECK (temp_c IS NULL OR temp_c BETWEEN 30 AND 45),
	weight_kg REAL CHECK (weight_kg IS NULL OR weight_kg BETWEEN 20 AND 250),
	sbp INTEGER CHECK (sbp IS NULL OR sbp BETWEEN 50 AND 260),
	dbp INTEGER CHECK (dbp IS NULL OR dbp BETWEEN 20 AND 160),
	fatigue INTEGER CHECK (fatigue IS NULL OR fatigue BETWEEN 0 AND 3),
	appetite INTEGER CHECK (appetite IS NULL OR appetite BETWEEN 0 AND 3),
	jaundice INTEGER CHECK (jaundice IS NULL OR jaundice BETWEEN 0 AND 3),
	pruritus INTEGER CHECK (pruritus IS NULL OR pruritus BETWEEN 0 AND 3),
	oedema INTEGER CHECK (oedema IS NULL OR oedema BETWEEN 0 AND 3),
	ascites_grade INTEGER CHECK (ascites_grade IS NULL OR ascites_grade BETWEEN 0 AND 3),
	paracentesis_ml REAL CHECK (paracentesis_ml IS NULL OR paracentesis_ml BETWEEN 0 AND 20000),
	he_grade INTEGER CHECK (he_grade IS NULL OR he_grade BETWEEN 0 AND 4),
	stiffness_kpa REAL CHECK (stiffness_kpa IS NULL OR stiffness_kpa BETWEEN 1.5 AND 75),
	iqr_kpa REAL CHECK (iqr_kpa IS NULL OR (stiffness_kpa IS NOT NULL AND iqr_kpa BETWEEN 0 AND stiffness_kpa)),
	note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
	version INTEGER NOT NULL DEFAULT 1,
	created INTEGER NOT NULL,
	CHECK ((state = 'missed') = (missed_reason IS NOT NULL)),
	CHECK (state = 'done' OR schedule_id IS NOT NULL),
	CHECK ((schedule_id IS NULL) = (timing IS NULL)),
	CHECK (sbp IS NULL OR dbp IS NULL OR dbp < sbp),
	CHECK (paracentesis_ml IS NULL OR ascites_grade >= 1)
) STRICT;
CREATE INDEX visits_patient ON visits (patient_id, date);
-- One record (done or missed) per scheduled item.
CREATE UNIQUE INDEX visits_schedule ON visits (schedule_id) WHERE schedule_id IS NOT NULL;

CREATE TABLE infusions (
	id INTEGER PRIMARY KEY,
	patient_id INTEGER NOT NULL REFERENCES patients (id),
	schedule_id INTEGER REFERENCES schedule (id),
	given_at INTEGER NOT NULL, -- seconds since the epoch (UTC)
	date TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'), -- the clinic's day
	route TEXT NOT NULL CHECK (route IN ('iv', 'intrahepatic')),
	cells REAL NOT NULL CHECK (cells BETWEEN 1e6 AND 1e10),
	lot TEXT NOT NULL CHECK (length(lot) BETWEEN 1 AND 40),
	given_by TEXT NOT NULL CHECK (length(given_by) BETWEEN 1 AND 80),
	reaction TEXT CHECK (reaction IS NULL OR length(reaction) BETWEEN 1 AND 500), -- within 24 h; NULL: none
	note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
	version INTEGER NOT NULL DEFAULT 1,
	created INTEGER NOT NULL
) STRICT;
CREATE INDEX infusions_patient ON infusions (patient_id, given_at);
CREATE UNIQUE INDEX infusions_schedule ON infusions (schedule_id) WHERE schedule_id IS NOT NULL;

CREATE TABLE adverse_events (
	id INTEGER PRIMARY KEY,
	patient_id INTEGER NOT NULL REFERENCES patients (id),
	term TEXT NOT NULL CHECK (length(term) BETWEEN 1 AND 80),
	term_listed INTEGER NOT NULL CHECK (term_listed IN (0, 1)), -- from assets/ctcae_terms.txt
	grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 5),
	ctcae_version TEXT NOT NULL DEFAULT '5.0',
	onset_at INTEGER NOT NULL,
	onset TEXT NOT NULL CHECK (onset GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	infusion_id INTEGER REFERENCES infusions (id), -- the last infusion before onset
	days_since_infusion INTEGER CHECK (days_since_infusion IS NULL OR days_since_infusion >= 0),
	serious INTEGER NOT NULL CHECK (serious IN (0, 1)),
	relation TEXT NOT NULL CHECK (relation IN ('unrelated', 'unlikely', 'possible', 'probable', 'definite')),
	action TEXT NOT NULL CHECK (action IN ('none', 'medication', 'infusion_slowed', 'infusion_stopped', 'hospitalised', 'other')),
	outcome TEXT NOT NULL CHECK (outcome IN ('resolved', 'resolving', 'not_resolved', 'sequelae', 'fatal', 'unknown')),
	resolved TEXT CHECK (resolved IS NULL OR (resolved GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND resolved >= onset)),
	temp_c REAL CHECK (temp_c IS NULL OR temp_c BETWEEN 30 AND 45),
	note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
	version INTEGER NOT NULL DEFAULT 1,
	created INTEGER NOT NULL,
	CHECK ((grade = 5) = (outcome = 'fatal')),
	CHECK (grade < 5 OR serious = 1),
	CHECK ((resolved IS NOT NULL) = (outcome IN ('resolved', 'sequelae'))),
	CHECK ((infusion_id IS NULL) = (days_since_infusion IS NULL))
) STRICT;
CREATE INDEX adverse_events_patient ON adverse_events (patient_id, onset);
CREATE INDEX adverse_events_onset ON adverse_events (onset);
-- The clinic dashboard's "grade 3 or more, or serious" list reads only these.
CREATE INDEX adverse_events_notable ON adverse_events (onset) WHERE grade >= 3 OR serious = 1;

-- The clinic dashboard: missed visits of the last days, and the open
-- schedule read from the index alone (window arithmetic without the table).
CREATE INDEX visits_missed ON visits (date) WHERE state = 'missed';
CREATE INDEX schedule_open_cover ON schedule (state, due_date, window_before, window_after, patient_id);
