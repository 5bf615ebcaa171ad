/* deid.c: pseudonyms, date offsets and age groups for de-identified exports
 * (deid.h), keyed by the export sub-key through libsodium's HMAC-SHA-256. */
#include "deid.h"

#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

static void mac(const unsigned char key[DEID_KEY_BYTES], const char *msg,
		unsigned char out[crypto_auth_hmacsha256_BYTES])
{
	crypto_auth_hmacsha256(out, (const unsigned char *)msg, strlen(msg), key);
}

static void hex(const unsigned char *b, size_t nbytes, char *out)
{
	static const char digits[] = "0123456789abcdef";
	for (size_t i = 0; i < nbytes; i++) {
		out[2 * i] = digits[b[i] >> 4];
		out[2 * i + 1] = digits[b[i] & 15];
	}
	out[2 * nbytes] = '\0';
}

void deid_pseudonym(const unsigned char key[DEID_KEY_BYTES], int64_t patient_id,
		    char out[DEID_ID_MAX])
{
	char msg[40];
	unsigned char h[crypto_auth_hmacsha256_BYTES];
	snprintf(msg, sizeof msg, "patient:%" PRId64, patient_id);
	mac(key, msg, h);
	out[0] = 'P';
	hex(h, 8, out + 1);
}

void deid_token(const unsigned char key[DEID_KEY_BYTES], const char *what, const char *text,
		const char *prefix, char *out, size_t n)
{
	unsigned char h[crypto_auth_hmacsha256_BYTES];
	char msg[160], digits[13];
	snprintf(msg, sizeof msg, "%s:%s", what, text);
	mac(key, msg, h);
	hex(h, 6, digits);
	snprintf(out, n, "%s%s", prefix, digits);
}

int deid_shift_days(const unsigned char key[DEID_KEY_BYTES], int64_t patient_id)
{
	char msg[40];
	unsigned char h[crypto_auth_hmacsha256_BYTES];
	snprintf(msg, sizeof msg, "shift:%" PRId64, patient_id);
	mac(key, msg, h);
	uint32_t v = (uint32_t)h[0] << 24 | (uint32_t)h[1] << 16 | (uint32_t)h[2] << 8 | h[3];
	/* 360 offsets, none of them 0: a shift of 0 would leave real dates. */
	int k = (int)(v % (2 * DEID_SHIFT_MAX));
	return k < DEID_SHIFT_MAX ? k - DEID_SHIFT_MAX : k - DEID_SHIFT_MAX + 1;
}

day_t deid_shift_day(day_t d, int days)
{
	return d == DAY_NONE ? DAY_NONE : d + days;
}

void deid_age_text(day_t dob, day_t on, char out[8], bool *withhold)
{
	bool top = false;
	out[0] = '\0';
	if (dob != DAY_NONE) {
		int age = date_age_years(dob, on);
		top = age >= DEID_AGE_TOP;
		if (top)
			snprintf(out, 8, "%d+", DEID_AGE_TOP);
		else
			snprintf(out, 8, "%d", age < 0 ? 0 : age);
	}
	if (withhold)
		*withhold = top;
}
