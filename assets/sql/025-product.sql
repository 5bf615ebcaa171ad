-- 025: the cell product's lots (issue 15, item 5): UC-MSC cells, or a
-- cell-free product (exosomes, secretome) with its own unit per vial; the
-- release tests each with its result, expiry, and when the lot was
-- received, thawed and administered. CHECKs repeat the model's limits
-- (product.h PRODUCT_LIMIT_INFO). An infusion names its lot (infusions.lot);
-- the pre-infusion check finds it here. A correction or a void keeps its
-- reason; earlier versions stay in the audit trail.
CREATE TABLE product_lots (
	id INTEGER PRIMARY KEY,
	lot TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(lot) BETWEEN 1 AND 40),
	type TEXT NOT NULL CHECK (type IN ('uc-msc', 'exosome', 'secretome')),
	donor TEXT NOT NULL CHECK (length(donor) BETWEEN 1 AND 40),
	passage INTEGER CHECK (passage IS NULL OR passage BETWEEN 0 AND 10),
	per_vial REAL NOT NULL CHECK (per_vial > 0),
	viability REAL CHECK (viability IS NULL OR viability BETWEEN 0 AND 100),
	sterility TEXT NOT NULL CHECK (sterility IN ('pending', 'pass', 'fail')),
	endotoxin TEXT NOT NULL CHECK (endotoxin IN ('pending', 'pass', 'fail')),
	mycoplasma TEXT NOT NULL CHECK (mycoplasma IN ('pending', 'pass', 'fail')),
	identity TEXT NOT NULL CHECK (identity IN ('pending', 'pass', 'fail')),
	expiry TEXT NOT NULL CHECK (expiry GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	received_at INTEGER NOT NULL,
	thawed_at INTEGER,
	administered_at INTEGER,
	note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
	created INTEGER NOT NULL,
	created_by TEXT NOT NULL,
	reason TEXT CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 200),
	voided INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1)),
	version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX infusions_lot ON infusions (lot COLLATE NOCASE);
