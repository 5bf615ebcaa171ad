-- 019: more ways to find a patient at one prompt (lookup.h): the name
-- without punctuation, the given names, the MRN's last 4 digits with the
-- last name's initial, and the date of birth. Each is a key prefixed by its
-- kind, so every kind of query is one range over one index. Derived from
-- the patients table (filled for existing patients after this migration,
-- kept with every registration and edit), so not audited itself.
CREATE TABLE lookup_keys (
	key TEXT NOT NULL,
	patient_id INTEGER NOT NULL REFERENCES patients (id),
	PRIMARY KEY (key, patient_id)
) WITHOUT ROWID;
CREATE INDEX lookup_keys_patient ON lookup_keys (patient_id);

-- A patient registered although one with the same birth date and a similar
-- name was registered already: which ones, and why (kept in the record, so
-- its creation's audit row says it too).
ALTER TABLE patients ADD COLUMN similar_to TEXT CHECK (length(similar_to) <= 200);
ALTER TABLE patients ADD COLUMN similar_reason TEXT CHECK (length(similar_reason) <= 200);
