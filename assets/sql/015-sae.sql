-- 014: serious adverse events on a reporting clock — the ICH E2A criteria
-- ticked, expectedness against the protocol's list, when the site became
-- aware, and the reports owed from it (due, then made: when, to whom, the
-- reference).
ALTER TABLE adverse_events ADD COLUMN criteria TEXT NOT NULL DEFAULT '';
ALTER TABLE adverse_events ADD COLUMN expected INTEGER CHECK (expected IS NULL OR expected IN (0, 1));
ALTER TABLE adverse_events ADD COLUMN aware_at INTEGER;

CREATE TABLE sae_reports (
	id INTEGER PRIMARY KEY,
	ae_id INTEGER NOT NULL REFERENCES adverse_events (id),
	patient_id INTEGER NOT NULL REFERENCES patients (id),
	kind TEXT NOT NULL CHECK (kind IN ('initial', 'susar')),
	aware_at INTEGER NOT NULL,
	due_at INTEGER NOT NULL CHECK (due_at > aware_at),
	reported_at INTEGER CHECK (reported_at IS NULL OR reported_at >= aware_at),
	reported_to TEXT CHECK (reported_to IS NULL OR length(reported_to) BETWEEN 1 AND 120),
	reference TEXT CHECK (reference IS NULL OR length(reference) BETWEEN 1 AND 80),
	reported_by TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	created INTEGER NOT NULL,
	CHECK ((reported_at IS NULL) = (reported_to IS NULL)),
	CHECK ((reported_at IS NULL) = (reference IS NULL)),
	UNIQUE (ae_id, kind)
) STRICT;
-- The open reports, soonest due first (the home screen and hepadesk sae).
CREATE INDEX sae_reports_open ON sae_reports (due_at) WHERE reported_at IS NULL;
