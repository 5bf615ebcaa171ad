-- 015: the observations taken before and after an infusion — temperature,
-- pulse, blood pressure and SpO2 (the reaction within 24 h has its column
-- since 004). Limits as the vitals table's hard limits (include/vital.h).
ALTER TABLE infusions ADD COLUMN temp_before REAL CHECK (temp_before IS NULL OR temp_before BETWEEN 30 AND 45);
ALTER TABLE infusions ADD COLUMN pulse_before REAL CHECK (pulse_before IS NULL OR pulse_before BETWEEN 20 AND 250);
ALTER TABLE infusions ADD COLUMN systolic_before REAL CHECK (systolic_before IS NULL OR systolic_before BETWEEN 50 AND 260);
ALTER TABLE infusions ADD COLUMN diastolic_before REAL CHECK (diastolic_before IS NULL OR diastolic_before BETWEEN 20 AND 160);
ALTER TABLE infusions ADD COLUMN spo2_before REAL CHECK (spo2_before IS NULL OR spo2_before BETWEEN 50 AND 100);
ALTER TABLE infusions ADD COLUMN temp_after REAL CHECK (temp_after IS NULL OR temp_after BETWEEN 30 AND 45);
ALTER TABLE infusions ADD COLUMN pulse_after REAL CHECK (pulse_after IS NULL OR pulse_after BETWEEN 20 AND 250);
ALTER TABLE infusions ADD COLUMN systolic_after REAL CHECK (systolic_after IS NULL OR systolic_after BETWEEN 50 AND 260);
ALTER TABLE infusions ADD COLUMN diastolic_after REAL CHECK (diastolic_after IS NULL OR diastolic_after BETWEEN 20 AND 160);
ALTER TABLE infusions ADD COLUMN spo2_after REAL CHECK (spo2_after IS NULL OR spo2_after BETWEEN 50 AND 100);
