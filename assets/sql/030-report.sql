-- 030: the cohort outcomes report reads every treated patient with the day
-- of the first infusion from this index alone (GROUP BY patient_id,
-- min(date)), and each patient's infusions with route and lot without the
-- table. No new table: nothing to audit.
CREATE INDEX infusions_report ON infusions (patient_id, date, route, lot);
