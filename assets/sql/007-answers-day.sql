-- 007: "awaiting sign-off" on the clinic dashboard is a patient whose
-- checklist was begun (answers recorded lately) but not signed; this index
-- finds them from the recent answers, never the whole table.
CREATE INDEX answers_day ON answers (answered_on, patient_id);
