-- 006: the audit head can only follow the newest audit row: it cannot be
-- rewound to hide deleted rows, nor removed.
CREATE TRIGGER audit_head_follows BEFORE UPDATE ON audit_head
WHEN NEW.seq IS NOT (SELECT max(seq) FROM audit)
	OR NEW.hash IS NOT (SELECT hash FROM audit WHERE seq = NEW.seq)
BEGIN
	SELECT RAISE(ABORT, 'the audit head follows the newest audit row');
END;
CREATE TRIGGER audit_head_kept BEFORE DELETE ON audit_head
BEGIN
	SELECT RAISE(ABORT, 'the audit head cannot be removed');
END;
