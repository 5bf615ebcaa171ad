-- 029: survival contacts and questionnaires can be corrected in place, like
-- every other record: the row keeps the reason of its latest correction (a
-- void keeps its own in void_reason); earlier versions stay in the audit
-- trail. A corrected questionnaire's domain scores are scored again in the
-- same transaction (qol_scores rows updated, audited too).
ALTER TABLE contacts ADD COLUMN correction_reason TEXT
	CHECK (correction_reason IS NULL OR length(correction_reason) BETWEEN 1 AND 200);
ALTER TABLE qol_responses ADD COLUMN correction_reason TEXT
	CHECK (correction_reason IS NULL OR length(correction_reason) BETWEEN 1 AND 200);
