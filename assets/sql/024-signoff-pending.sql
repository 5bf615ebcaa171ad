-- 024: home's "awaiting sign-off" list kept as it changes (issue 14): the
-- patients with a checklist begun (an answer) and no current signed
-- evaluation, with their newest answer. Home read every answer of the last
-- 90 days and probed each patient's evaluations, a cost that grew with the
-- patients in follow-up; it now reads this short list by its index.
-- Derived from answers and evaluations (kept by the triggers below), so not
-- audited itself.
CREATE TABLE signoff_pending (
	patient_id INTEGER PRIMARY KEY REFERENCES patients (id),
	last_answer TEXT NOT NULL
) STRICT;
CREATE INDEX signoff_pending_last ON signoff_pending (last_answer, patient_id);

INSERT INTO signoff_pending (patient_id, last_answer)
SELECT a.patient_id, max(a.answered_on) FROM answers a
WHERE NOT EXISTS (SELECT 1 FROM evaluations e WHERE e.patient_id = a.patient_id
	AND e.signed_at IS NOT NULL AND e.superseded_by IS NULL)
GROUP BY a.patient_id;

CREATE TRIGGER signoff_pending_answer AFTER INSERT ON answers
WHEN NOT EXISTS (SELECT 1 FROM evaluations e WHERE e.patient_id = NEW.patient_id
	AND e.signed_at IS NOT NULL AND e.superseded_by IS NULL)
BEGIN
	INSERT INTO signoff_pending (patient_id, last_answer) VALUES (NEW.patient_id, NEW.answered_on)
	ON CONFLICT (patient_id) DO UPDATE SET last_answer = max(last_answer, excluded.last_answer);
END;

CREATE TRIGGER signoff_pending_signed AFTER INSERT ON evaluations
WHEN NEW.signed_at IS NOT NULL AND NEW.superseded_by IS NULL
BEGIN
	DELETE FROM signoff_pending WHERE patient_id = NEW.patient_id;
END;

CREATE TRIGGER signoff_pending_signed_later AFTER UPDATE OF signed_at ON evaluations
WHEN NEW.signed_at IS NOT NULL AND NEW.superseded_by IS NULL
BEGIN
	DELETE FROM signoff_pending WHERE patient_id = NEW.patient_id;
END;
