-- 011: an imaging note can record the LI-RADS v2018 category of its most
-- suspicious observation and the largest lesion's size (imaging.h, vital.h).
ALTER TABLE imaging ADD COLUMN lirads TEXT
	CHECK (lirads IS NULL OR lirads IN ('LR-1', 'LR-2', 'LR-3', 'LR-4', 'LR-5', 'LR-M', 'LR-TIV'));
ALTER TABLE imaging ADD COLUMN lesion_mm REAL
	CHECK (lesion_mm IS NULL OR lesion_mm BETWEEN 1 AND 300);
