-- 010: clinical examination findings with their date (intake or any time
-- after): ascites ICA grade, hepatic encephalopathy West Haven grade,
-- dialysis in the 7 days before (>= 2 sessions or 24 h of CVVHD), weight and
-- dry weight (only with tense ascites). CHECKs repeat the model's limits
-- (exam.h, vital.h). Audited by the generated triggers.
CREATE TABLE exams (
	id INTEGER PRIMARY KEY,
	patient_id INTEGER NOT NULL REFERENCES patients (id),
	date TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	ascites_grade INTEGER CHECK (ascites_grade IS NULL OR ascites_grade BETWEEN 0 AND 3),
	he_grade INTEGER CHECK (he_grade IS NULL OR he_grade BETWEEN 0 AND 4),
	dialysis INTEGER CHECK (dialysis IS NULL OR dialysis IN (0, 1)),
	weight_kg REAL CHECK (weight_kg IS NULL OR weight_kg BETWEEN 20 AND 250),
	dry_weight_kg REAL CHECK (dry_weight_kg IS NULL OR (dry_weight_kg BETWEEN 20 AND 250
		AND ascites_grade = 3 AND (weight_kg IS NULL OR dry_weight_kg <= weight_kg))),
	version INTEGER NOT NULL DEFAULT 1,
	created INTEGER NOT NULL,
	CHECK (ascites_grade IS NOT NULL OR he_grade IS NOT NULL OR dialysis IS NOT NULL
		OR weight_kg IS NOT NULL)
) STRICT;
CREATE INDEX exams_patient ON exams (patient_id, date);
