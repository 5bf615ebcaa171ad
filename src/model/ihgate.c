/* ihgate.c: the intrahepatic route's gates — INR, platelets, ascites and a
 * patent portal vein on a recent Doppler. */
#include "ihgate.h"

#include <stdio.h>
#include <string.h>

/* A lab within the window before day: ST_OK, else the refusal. */
static enum status fresh_lab(const struct ih_input *in, enum analyte_id a, int window,
			     const char *name, struct err *e)
{
	char d[16];
	if (!in->labs.have[a])
		return err_set(e, ST_INVALID, "intrahepatic: no %s on file; needed within %d days",
			       name, window);
	if (in->day - in->labs.r[a].date > window)
		return err_set(e, ST_INVALID,
			       "intrahepatic: %s of %s is older than %d days before %s", name,
			       date_format(in->labs.r[a].date, d), window, "the infusion");
	return ST_OK;
}

static void describe(const struct ih_input *in, char *data, size_t n)
{
	char d1[16], d2[16], d3[16], d4[16], inr[40] = "INR none", plt[48] = "platelets none",
					     asc[48] = "ascites not assessed",
					     dop[64] = "no Doppler";
	if (in->labs.have[ANALYTE_INR])
		snprintf(inr, sizeof inr, "INR %g (%s)", in->labs.r[ANALYTE_INR].canonical,
			 date_format(in->labs.r[ANALYTE_INR].date, d1));
	if (in->labs.have[ANALYTE_PLATELETS])
		snprintf(plt, sizeof plt, "platelets %.0f 10^9/L (%s)",
			 in->labs.r[ANALYTE_PLATELETS].canonical,
			 date_format(in->labs.r[ANALYTE_PLATELETS].date, d2));
	if (in->ascites.have)
		snprintf(asc, sizeof asc, "ascites grade %d (%s)", in->ascites.value,
			 date_format(in->ascites.date, d3));
	if (in->have_doppler)
		snprintf(dop, sizeof dop, "Doppler %s, thrombosis %s",
			 date_format(in->doppler_date, d4), finding_str(in->thrombosis));
	snprintf(data, n, "%s, %s, %s, %s", inr, plt, asc, dop);
}

static enum status gates(const struct protocol *p, const struct ih_input *in, struct err *e)
{
	int window = (int)p->safety[SAFE_LAB_WINDOW];
	double inr_max = p->safety[SAFE_IH_INR_MAX], plt_min = p->safety[SAFE_IH_PLATELETS_MIN];
	int asc_max = (int)p->safety[SAFE_IH_ASCITES_MAX],
	    dop = (int)p->safety[SAFE_IH_DOPPLER_DAYS];
	enum status s = fresh_lab(in, ANALYTE_INR, window, "INR", e);
	if (s == ST_OK && in->labs.r[ANALYTE_INR].canonical > inr_max)
		return err_set(e, ST_INVALID, "intrahepatic: INR %g is above the protocol's %g",
			       in->labs.r[ANALYTE_INR].canonical, inr_max);
	if (s == ST_OK)
		s = fresh_lab(in, ANALYTE_PLATELETS, window, "platelets", e);
	if (s == ST_OK && in->labs.r[ANALYTE_PLATELETS].canonical < plt_min)
		return err_set(e, ST_INVALID,
			       "intrahepatic: platelets %.0f 10^9/L are below the protocol's %.0f "
			       "10^9/L",
			       in->labs.r[ANALYTE_PLATELETS].canonical, plt_min);
	if (s != ST_OK)
		return s;
	if (!in->ascites.have || in->day - in->ascites.date > window)
		return err_set(e, ST_INVALID,
			       "intrahepatic: ascites not graded within %d days (hepadesk exam add "
			       "--ascites 0-3)",
			       window);
	if (in->ascites.value > asc_max)
		return err_set(
		    e, ST_INVALID,
		    "intrahepatic: ascites grade %d is above the protocol's grade %d (ICA)",
		    in->ascites.value, asc_max);
	if (!in->have_doppler || in->day - in->doppler_date > dop)
		return err_set(e, ST_INVALID,
			       "intrahepatic: no Doppler of the portal vein within %d days", dop);
	if (in->thrombosis != FIND_NO)
		return err_set(e, ST_INVALID,
			       "intrahepatic: the Doppler does not show a patent portal vein "
			       "(thrombosis %s)",
			       finding_str(in->thrombosis));
	return ST_OK;
}

enum status ih_check(const struct protocol *p, const struct ih_input *in, char *data, size_t n,
		     struct err *e)
{
	if (data && n)
		describe(in, data, n);
	return gates(p, in, e);
}
