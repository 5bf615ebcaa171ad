-- 008: a treatment plan can be cancelled with a reason (made in error, the
-- patient withdrew); its open infusions and visits are cancelled with it.
ALTER TABLE plans ADD COLUMN cancel_reason TEXT
	CHECK (cancel_reason IS NULL OR length(cancel_reason) BETWEEN 1 AND 200);
