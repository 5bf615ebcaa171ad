-- 014: protocols live in the database. An administrator installs a protocol
-- (its text and hash kept, validated first) and activates one; the newest
-- activation is the protocol every checklist, plan and infusion check runs
-- on. No file outside the database decides the clinic's criteria.
ALTER TABLE protocols ADD COLUMN installed_by INTEGER REFERENCES users (id);
ALTER TABLE protocols ADD COLUMN installed_at INTEGER;

CREATE TABLE protocol_activations (
	id INTEGER PRIMARY KEY,
	protocol_id INTEGER NOT NULL REFERENCES protocols (id),
	activated_by INTEGER NOT NULL REFERENCES users (id),
	activated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX protocol_activations_newest ON protocol_activations (activated_at, id);
