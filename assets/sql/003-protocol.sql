-- 003: the text of every protocol an evaluation used, keyed by its SHA-256,
-- so a later edit of the file never changes what an old evaluation meant,
-- and a refused file falls back to the protocol the clinic had.

CREATE TABLE protocols (
	id INTEGER PRIMARY KEY, -- the audit trail keys rows by id
	hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64),
	name TEXT NOT NULL,
	version TEXT NOT NULL,
	text TEXT NOT NULL,
	first_used INTEGER NOT NULL
) STRICT;
CREATE INDEX protocols_first_used ON protocols (first_used, id);
