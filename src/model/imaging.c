/* imaging.c: imaging note rules — modalities, findings, stiffness limits. */
#include "imaging.h"

#include <math.h>
#include <string.h>
#include <strings.h>

#include "text.h"
#include "util.h"
#include "vital.h"

static const char *const modality_names[] = {
#define MODALITY_NAME_(name, text) text,
    MODALITY_INFO(MODALITY_NAME_)
#undef MODALITY_NAME_
};

const char *modality_str(enum modality m)
{
	return (unsigned)m < MOD_COUNT ? modality_names[m] : "unknown";
}

bool modality_parse(const char *s, enum modality *out)
{
	for (int m = 0; s && m < MOD_COUNT; m++) {
		if (strcmp(s, modality_names[m]) == 0) {
			*out = (enum modality)m;
			return true;
		}
	}
	return false;
}

const char *finding_str(enum finding f)
{
	return f == FIND_YES ? "yes" : f == FIND_NO ? "no" : "not assessed";
}

static const struct {
	const char *text;
	bool act;
} lirads_rows[] = {{"", false},
#define LIRADS_ROW_(id, text, act) {text, act},
		   LIRADS_INFO(LIRADS_ROW_)
#undef LIRADS_ROW_
};

const char *lirads_str(enum lirads c)
{
	return (unsigned)c < LIRADS_COUNT ? lirads_rows[c].text : "";
}

bool lirads_parse(const char *s, enum lirads *out)
{
	if (!s)
		return false;
	if (strncasecmp(s, "LR-", 3) == 0)
		s += 3;
	for (int c = 1; *s && c < LIRADS_COUNT; c++)
		if (strcasecmp(s, lirads_rows[c].text + 3) == 0) {
			*out = (enum lirads)c;
			return true;
		}
	return false;
}

bool lirads_needs_action(enum lirads c)
{
	return (unsigned)c < LIRADS_COUNT && lirads_rows[c].act;
}

void imaging_init(struct imaging_note *n)
{
	memset(n, 0, sizeof *n);
	n->date = DAY_NONE;
	n->stiffness_kpa = NAN;
	n->iqr_kpa = NAN;
	n->fibrosis_stage = -1;
	n->hcc = n->thrombosis = n->ascites = FIND_NA;
	n->lirads = LIRADS_NONE;
	n->lesion_mm = NAN;
}

enum status imaging_check_stiffness(const char *text, double *out, struct err *e)
{
	return vital_parse(VITAL_STIFFNESS, text, false, out, e);
}

enum status imaging_check_iqr(const char *text, double stiffness, double *out, struct err *e)
{
	char b[48];
	double v;
	double max = isnan(stiffness) ? vital_get(VITAL_IQR)->hard_hi : stiffness;
	if (!parse_double(text, &v))
		return err_set(e, ST_INVALID,
			       "stiffness IQR: '%s' is not a number; accepted 0-%g kPa",
			       text_sanitize_buf(b, sizeof b, text ? text : ""), max);
	if (v < 0 || v > max)
		return err_set(e, ST_INVALID,
			       "stiffness IQR: %g kPa is outside 0-%g kPa (it cannot exceed the "
			       "median)",
			       v, max);
	*out = v;
	return ST_OK;
}

bool stiffness_unreliable(double kpa, double iqr_kpa)
{
	if (isnan(kpa) || isnan(iqr_kpa) || !(kpa > 0))
		return false;
	return iqr_kpa / kpa > STIFFNESS_IQR_RATIO_MAX && kpa >= STIFFNESS_RELIABLE_BELOW_KPA;
}

enum status imaging_check_reliability(double kpa, double iqr_kpa, bool confirmed, struct err *e)
{
	if (confirmed || !stiffness_unreliable(kpa, iqr_kpa))
		return ST_OK;
	return err_set(e, ST_CONFIRM,
		       "stiffness %.1f kPa with IQR %.1f kPa (IQR/median %.0f %%) is poorly "
		       "reliable: above %.0f %% with a median of %.1f kPa or more; re-measure, or "
		       "confirm to record it marked unreliable",
		       kpa, iqr_kpa, 100 * iqr_kpa / kpa, 100 * STIFFNESS_IQR_RATIO_MAX,
		       STIFFNESS_RELIABLE_BELOW_KPA);
}

enum status imaging_check_fibrosis(const char *text, int *out, struct err *e)
{
	char b[48];
	long v;
	const char *t = text;
	if (t && (t[0] == 'F' || t[0] == 'f'))
		t++;
	if (!parse_long(t, 0, 4, &v))
		return err_set(e, ST_INVALID, "fibrosis stage: '%s'; accepted F0-F4 (METAVIR)",
			       text_sanitize_buf(b, sizeof b, text ? text : ""));
	*out = (int)v;
	return ST_OK;
}

enum status imaging_validate(const struct imaging_note *n, day_t today, struct err *e)
{
	char d[16];
	if (n->date == DAY_NONE)
		return err_set(e, ST_INVALID, "imaging date: required (YYYY-MM-DD)");
	if (n->date > today)
		return err_set(e, ST_INVALID, "imaging date: %s is in the future",
			       date_format(n->date, d));
	if ((unsigned)n->modality >= MOD_COUNT)
		return err_set(e, ST_INVALID,
			       "modality: accepted ultrasound, doppler, ct, mri, elastography");
	if (strlen(n->note) > IMAGING_NOTE_MAX || !text_is_clean(n->note, true))
		return err_set(e, ST_INVALID,
			       "note: at most %d bytes of text without control characters",
			       IMAGING_NOTE_MAX);
	if (!isnan(n->stiffness_kpa) &&
	    vital_check(VITAL_STIFFNESS, n->stiffness_kpa, true, e) != ST_OK)
		return ST_INVALID;
	if (!isnan(n->iqr_kpa) &&
	    (isnan(n->stiffness_kpa) || n->iqr_kpa < 0 || n->iqr_kpa > n->stiffness_kpa))
		return err_set(e, ST_INVALID,
			       "stiffness IQR: needs a stiffness, and 0 to the median");
	if (n->fibrosis_stage < -1 || n->fibrosis_stage > 4)
		return err_set(e, ST_INVALID, "fibrosis stage: accepted F0-F4");
	if (!isnan(n->lesion_mm) && vital_check(VITAL_LESION, n->lesion_mm, true, e) != ST_OK)
		return ST_INVALID;
	if ((unsigned)n->lirads >= LIRADS_COUNT)
		return err_set(e, ST_INVALID, "LI-RADS: accepted LR-1 to LR-5, LR-M, LR-TIV");
	if (lirads_needs_action(n->lirads) && n->hcc == FIND_NO)
		return err_set(e, ST_INVALID,
			       "LI-RADS: %s needs action and cannot go with HCC absent; record "
			       "--hcc yes or a lower category",
			       lirads_str(n->lirads));
	return ST_OK;
}
