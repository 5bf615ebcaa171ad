-- 021: long-term follow-up after the last visit — survival contacts and HCC
-- surveillance scheduled from the plan (longterm_schedule; the schedule
-- table's kinds are fixed by its CHECK), and what each survival contact
-- recorded (contacts). CHECK constraints repeat the model's limits
-- (longterm.h).
CREATE TABLE longterm_schedule (
	id INTEGER PRIMARY KEY,
	patient_id INTEGER NOT NULL REFERENCES patients (id),
	plan_id INTEGER NOT NULL REFERENCES plans (id),
	kind TEXT NOT NULL CHECK (kind IN ('contact', 'hcc')),
	label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 24),
	due_date TEXT NOT NULL CHECK (due_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	window_days INTEGER NOT NULL CHECK (window_days BETWEEN 0 AND 90),
	state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'missed', 'cancelled')),
	done_ref INTEGER, -- the contact or imaging note that closed it
	version INTEGER NOT NULL DEFAULT 1,
	created INTEGER NOT NULL
) STRICT;
CREATE INDEX longterm_patient ON longterm_schedule (patient_id, due_date);
-- The clinic's work lists read open items by kind and due day only.
CREATE INDEX longterm_open ON longterm_schedule (kind, due_date, window_days, patient_id)
	WHERE state = 'open';

CREATE TABLE contacts (
	id INTEGER PRIMARY KEY,
	patient_id INTEGER NOT NULL REFERENCES patients (id),
	item_id INTEGER REFERENCES longterm_schedule (id),
	date TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	phone INTEGER NOT NULL CHECK (phone IN (0, 1)),
	vital TEXT NOT NULL CHECK (vital IN ('alive', 'dead')),
	death_date TEXT CHECK (death_date IS NULL OR death_date <= date),
	cause TEXT CHECK (cause IS NULL OR length(cause) BETWEEN 1 AND 200),
	transplant TEXT CHECK (transplant IS NULL OR transplant IN ('no', 'yes')),
	transplant_date TEXT CHECK (transplant_date IS NULL OR transplant_date <= date),
	hcc TEXT CHECK (hcc IS NULL OR hcc IN ('no', 'yes')),
	hcc_date TEXT CHECK (hcc_date IS NULL OR hcc_date <= date),
	variceal_bleeding INTEGER NOT NULL DEFAULT 0 CHECK (variceal_bleeding IN (0, 1)),
	sbp INTEGER NOT NULL DEFAULT 0 CHECK (sbp IN (0, 1)),
	he_admission INTEGER NOT NULL DEFAULT 0 CHECK (he_admission IN (0, 1)),
	refractory_ascites INTEGER NOT NULL DEFAULT 0 CHECK (refractory_ascites IN (0, 1)),
	hrs INTEGER NOT NULL DEFAULT 0 CHECK (hrs IN (0, 1)),
	decomp_date TEXT CHECK (decomp_date IS NULL OR decomp_date <= date),
	admissions INTEGER CHECK (admissions IS NULL OR admissions BETWEEN 0 AND 30),
	note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 500),
	recorded_by TEXT NOT NULL,
	void_reason TEXT CHECK (void_reason IS NULL OR length(void_reason) BETWEEN 1 AND 200),
	version INTEGER NOT NULL DEFAULT 1,
	created INTEGER NOT NULL,
	CHECK ((vital = 'dead') = (death_date IS NOT NULL AND cause IS NOT NULL)),
	CHECK ((transplant IS 'yes') = (transplant_date IS NOT NULL)),
	CHECK ((hcc IS 'yes') = (hcc_date IS NOT NULL)),
	CHECK ((variceal_bleeding + sbp + he_admission + refractory_ascites + hrs > 0)
		= (decomp_date IS NOT NULL))
) STRICT;
CREATE INDEX contacts_patient ON contacts (patient_id, date);
