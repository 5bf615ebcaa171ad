-- 020: electronic signatures (21 CFR 11.50 and 11.70) — who signed, when,
-- what the signature meant, and the SHA-256 of a canonical text of what was
-- signed (signature.h), linked to the signed record; and each attempt to
-- re-authenticate with a password (never the password itself), from which
-- failures in a row lock the user out for a while.
CREATE TABLE signatures (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL CHECK (kind IN ('evaluation', 'amendment', 'plan', 'override')),
	tbl TEXT NOT NULL CHECK (tbl IN ('evaluations', 'plans', 'infusions')),
	row_id INTEGER NOT NULL,
	patient_id INTEGER NOT NULL REFERENCES patients (id),
	signer TEXT NOT NULL CHECK (length(signer) BETWEEN 1 AND 64),
	signed_at INTEGER NOT NULL,
	meaning TEXT NOT NULL CHECK (length(meaning) BETWEEN 1 AND 300),
	hash TEXT NOT NULL CHECK (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*'),
	created INTEGER NOT NULL,
	UNIQUE (tbl, row_id)
) STRICT;
CREATE INDEX signatures_patient ON signatures (patient_id, id);
CREATE TRIGGER signatures_frozen BEFORE UPDATE ON signatures
BEGIN
	SELECT RAISE(ABORT, 'a signature cannot be changed');
END;
CREATE TRIGGER signatures_kept BEFORE DELETE ON signatures
BEGIN
	SELECT RAISE(ABORT, 'a signature cannot be deleted');
END;

CREATE TABLE auth_attempts (
	id INTEGER PRIMARY KEY,
	login TEXT NOT NULL,
	purpose TEXT NOT NULL CHECK (purpose IN ('signature', 'unlock')),
	ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
	at INTEGER NOT NULL
) STRICT;
CREATE INDEX auth_attempts_login ON auth_attempts (login, id);
