/* cli.c: the `hepadesk` command line — global options, the command table,
 * opening the database as the logged-in OS user, option parsing. */
#include "cli_int.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "text.h"
#include "util.h"

#define HEPADESK_VERSION "0.1.0"

struct cli_cmd {
	const char *name;
	const char *sub; /* NULL: the command takes no sub-command word */
	int (*fn)(struct cli *c, int argc, char **argv);
	bool needs_db;
	const char *usage;
	const char *help;
};

/* One table feeds dispatch, `hepadesk --help` and each command's --help. */
static const struct cli_cmd commands[] = {
    {"score", NULL, cli_score, false,
     "score [--units us|si] --bilirubin V --inr V --creatinine V [--dialysis] [--sodium V] "
     "[--albumin V] [--sex F|M] [--age N] [--ast V --alt V --platelets V [--ast-uln V]] "
     "[--ascites none|slight|moderate] [--encephalopathy 0-4] [--cholestatic] "
     "[--pt-prolong SECONDS (Child-Pugh without INR)] [--json]",
     "every score computable from the values given"},
    {"patient", "add", cli_patient_add, true,
     "patient add --mrn M --name \"LAST, First\" --dob YYYY-MM-DD --sex F|M "
     "[--etiology ICD10] [--weight KG] [--confirm] [--reason TEXT]",
     "register a patient (--reason: why, when a patient with the same birth date and a "
     "similar name is registered already)"},
    {"patient", "update", cli_patient_update, true,
     "patient update MRN [--name \"LAST, First\"] [--dob YYYY-MM-DD] [--sex F|M] "
     "[--etiology ICD10] [--weight KG] [--if-version N] [--confirm]",
     "correct a patient's details or record a re-measured weight (dated today)"},
    {"lab", "add", cli_lab_add, true,
     "lab add MRN --date YYYY-MM-DD [--units us|si] [--bilirubin V] [--inr V] [--pt V] "
     "[--pta V] [--creatinine V] [--sodium V] [--albumin V] [--alt V] [--ast V] [--alp V] "
     "[--ggt V] [--platelets V] [--afp V] [--hbv-dna V] [--source TEXT] [--confirm]",
     "record lab results of one collection date (any subset of analytes)"},
    {"imaging", "add", cli_imaging_add, true,
     "imaging add MRN --date YYYY-MM-DD --modality ultrasound|doppler|ct|mri|elastography "
     "[--stiffness KPA [--iqr KPA]] [--fibrosis F0-F4] [--note TEXT] "
     "[--hcc yes|no] [--thrombosis yes|no] [--ascites yes|no] [--lirads LR-1..LR-5|LR-M|LR-TIV] "
     "[--lesion-mm MM] [--confirm]",
     "record an imaging note and its findings"},
    {"find", NULL, cli_find, true, "find QUERY [--json|--csv] [--limit N]",
     "find patients by MRN (exact or prefix) or name (\"SMI\", \"smith, j\")"},
    {"show", NULL, cli_show, true, "show MRN [--json]",
     "a patient's demographics, latest labs and current scores"},
    {"demo", NULL, cli_demo, true, "demo [--patients N] [--seed S] [--followup N]",
     "fill a new database with a synthetic clinic for trying the program (--followup: "
     "patients in follow-up, 3-200000; default one in twenty, at most 50000)"},
    {"checklist", "answer", cli_checklist_answer, true,
     "checklist answer MRN ITEM yes|no [--value V] [--note TEXT] [--date YYYY-MM-DD]",
     "record a nurse-confirmed checklist item (grade or consent date in --value)"},
    {"checklist", "sign", cli_checklist_sign, true,
     "checklist sign MRN [--date YYYY-MM-DD] [--password-fd N]",
     "sign the evaluation with your password (from the terminal, or one line on fd N)"},
    {"checklist", "amend", cli_checklist_amend, true,
     "checklist amend MRN --reason TEXT [--date YYYY-MM-DD] [--password-fd N]",
     "amend a signed evaluation: a new version, the old one kept (physicians)"},
    {"checklist", NULL, cli_checklist, true, "checklist MRN [--date YYYY-MM-DD] [--json]",
     "the pre-treatment evaluation: READY, NOT_READY or EXCLUDED, item by item"},
    {"plan", "add", cli_plan_add, true,
     "plan add MRN --route iv|intrahepatic [--cells-per-kg V] [--infusions N] "
     "[--interval-days N] --first-date YYYY-MM-DD [--physician LOGIN] [--password-fd N]",
     "make and sign the treatment plan and its schedule (needs a signed READY evaluation)"},
    {"plan", "reschedule", cli_plan_reschedule, true,
     "plan reschedule MRN LABEL --date YYYY-MM-DD --reason TEXT",
     "move a scheduled infusion or visit; the target date is kept"},
    {"plan", "cancel", cli_plan_cancel, true, "plan cancel MRN --reason TEXT",
     "cancel the active plan (and its open infusions and visits), with a reason"},
    {"plan", NULL, cli_plan, true, "plan MRN [--json]", "the treatment plan and its schedule"},
    {"user", NULL, cli_user, true,
     "user add LOGIN --role ROLE[,ROLE...] [--name TEXT] | user list [--json] | "
     "user role LOGIN ROLE | user grant LOGIN ROLE | user revoke LOGIN ROLE | "
     "user disable LOGIN  (ROLE: viewer|nurse|physician|admin)",
     "manage users and their roles; one user may hold several (admins; the last admin "
     "stays)"},
    {"visit", "add", cli_visit_add, true,
     "visit add MRN (--label LABEL | --unscheduled) [--date YYYY-MM-DD] [--temperature C] "
     "[--weight KG] [--bp SYS/DIA] [--fatigue|--appetite|--jaundice|--pruritus|--oedema "
     "none|mild|moderate|severe] [--ascites 0-3 [--paracentesis ML]] [--encephalopathy 0-4] "
     "[--stiffness KPA [--iqr KPA]] [--note TEXT] [--units us|si] [--bilirubin V ... any lab "
     "option of lab add] [--confirm]",
     "record a follow-up visit: vitals, symptoms, grades, stiffness and labs"},
    {"visit", "missed", cli_visit_missed, true,
     "visit missed MRN LABEL --reason TEXT [--date YYYY-MM-DD]",
     "record a scheduled visit as missed, with the reason"},
    {"visit", "correct", cli_visit_correct, true,
     "visit correct MRN VISIT --reason TEXT [--if-version N] [--date YYYY-MM-DD] "
     "[--temperature C] [--weight KG] [--bp SYS/DIA] [--fatigue ... --encephalopathy, "
     "--stiffness, --iqr, --note as in visit add] [--clear NAME,...] [--confirm]",
     "correct a recorded visit (VISIT: its number in the dashboard), with the reason"},
    {"infusion", "add", cli_infusion_add, true,
     "infusion add MRN --at \"YYYY-MM-DD HH:MM\" --route iv|intrahepatic --cells N --lot LOT "
     "[--expires YYYY-MM-DD (the lot's, checked)] [--by NAME] [--reaction TEXT|none] [--label "
     "LABEL] [--note TEXT] "
     "[--temp-before|--temp-after C] [--pulse-before|--pulse-after /min] "
     "[--bp-before|--bp-after SYS/DIA mmHg] [--spo2-before|--spo2-after %] "
     "[--confirm [--reason TEXT] [--password-fd N]]",
     "record an infusion after its check (closes its scheduled item with --label); "
     "a physician confirms a soft failure with --confirm --reason"},
    {"ae", "add", cli_ae_add, true,
     "ae add MRN --term TERM --onset \"YYYY-MM-DD HH:MM\" --serious yes|no "
     "[--criteria death,life_threatening,hospitalisation,disability,congenital,important] "
     "[--aware \"YYYY-MM-DD HH:MM\"] "
     "--relation unrelated|unlikely|possible|probable|definite [--grade 1-5] "
     "[--temperature C [--hours H]] [--action none|medication|infusion_slowed|"
     "infusion_stopped|hospitalised|other] [--outcome resolved|resolving|not_resolved|"
     "sequelae|fatal|unknown] [--resolved YYYY-MM-DD] [--note TEXT] [--confirm]",
     "record an adverse event (CTCAE v5.0; a fever temperature suggests the grade)"},
    {"ae", "outcome", cli_ae_outcome, true,
     "ae outcome MRN EVENT --outcome resolved|resolving|not_resolved|sequelae|fatal|unknown "
     "[--resolved YYYY-MM-DD]",
     "record how an adverse event ended (EVENT: its number in the dashboard)"},
    {"report", "outcomes", cli_report_outcomes, true,
     "report outcomes [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--etiology ICD10] "
     "[--route iv|intrahepatic] [--product uc-msc|exosome|secretome] [--json|--csv] [--detail] "
     "[--ascii]",
     "the cohort's outcomes: change from baseline at each visit week with paired tests, the "
     "safety table, Kaplan-Meier survival (--from/--to: first infusion days; --detail: the "
     "patients and values behind every number)"},
    {"dashboard", NULL, cli_dashboard, true, "dashboard MRN [--json] [--ascii]",
     "a patient's baseline, latest, change and trend per measure, visits and adverse events"},
    {"due", NULL, cli_due, true, "due [--date YYYY-MM-DD] [--json] [--limit N]",
     "visits due and overdue on a day, and the clinic's counts"},
    {"audit", "verify", cli_audit_verify, false, "audit verify",
     "check the audit trail's hash chain (exit 1 when rows were altered)"},
    {"audit", NULL, cli_audit, true,
     "audit [--patient MRN] [--user LOGIN] [--since YYYY-MM-DD] [--limit N (default 100)] "
     "[--json|--csv]",
     "the audit trail, newest first (admins; the reading is itself logged)"},
    {"check", NULL, cli_check, false, "check",
     "the database file's integrity and the audit chain (exit 1 on any problem)"},
    {"drafts", NULL, cli_drafts, true, "drafts [--json]",
     "your unsaved form input kept from earlier sessions"},
    /* Examination findings (issue 11). */
    {"exam", "add", cli_exam_add, true,
     "exam add MRN [--date YYYY-MM-DD] [--ascites 0-3] [--encephalopathy 0-4] "
     "[--dialysis yes|no] [--weight KG] [--dry-weight KG (with ascites 3)] [--confirm]",
     "record examination findings: ascites (ICA), encephalopathy (West Haven), dialysis in "
     "the 7 days before (>= 2 sessions or 24 h CVVHD), weight"},
    /* The trust boundary (cli_trust.c). */
    {"init", NULL, cli_init, false, "init",
     "create a new clinic database (the only command that creates one); you become its "
     "first administrator"},
    /* safe treatment (cli_treat.c) */
    {"infusion", "check", cli_infusion_check, true,
     "infusion check MRN [--label LABEL] [--at \"YYYY-MM-DD HH:MM\" --route iv|intrahepatic "
     "--cells N --lot LOT [--expires YYYY-MM-DD]] [--json]",
     "the pre-infusion check, item by item with its data (exit 2 when refused)"},
    {"status", NULL, cli_status, true,
     "status MRN [screening|evaluated|in_treatment|in_followup|completed|withdrawn|lost|"
     "transplanted|deceased [--date YYYY-MM-DD] [--reason TEXT]] [--json]",
     "the patient's status and its history, or record a change (withdrawn and deceased need "
     "--reason; deceased, transplanted and withdrawn close the schedule)"},
    {"ae", "review", cli_ae_review, true, "ae review MRN EVENT",
     "a physician's review of an adverse event that halts infusions (the stopping rules)"},
    {"import", "hl7", cli_import_hl7, true, "import hl7 FILE...|DIR [--dry-run]",
     "take in lab results from HL7 v2 ORU^R01 files, one transaction per message"},
    {"import", "queue", cli_import_queue, true, "import queue [--json]",
     "the lab results waiting for a nurse (unmatched, unknown code, to confirm)"},
    {"import", "resolve", cli_import_resolve, true,
     "import resolve ID (--store [--mrn MRN] [--confirm] | --reject) --reason TEXT",
     "store (matched or confirmed) or reject a queued lab result, with the reason"},
    {"hl7", "listen", cli_hl7_listen, true, "hl7 listen [--address 127.0.0.1] [--port 2575]",
     "receive lab results over MLLP and acknowledge each message (runs until SIGTERM)"},
    /* serious adverse events on their reporting clock (cli_sae.c) */
    {"sae", "report", cli_sae_report, true,
     "sae report REPORT --at \"YYYY-MM-DD HH:MM\" --to TEXT --ref TEXT",
     "record a serious adverse event report made (when, to whom, the receiver's reference); "
     "it closes the report"},
    {"sae", NULL, cli_sae, true, "sae [--json]",
     "the open serious adverse event reports, soonest due first, with the time left "
     "(OVERDUE when it ran out)"},
    /* The trust boundary, second part (cli_protocol.c). */
    {"protocol", "install", cli_protocol_install, true, "protocol install FILE",
     "validate a protocol file and keep its text and hash in the database (admins)"},
    {"protocol", "activate", cli_protocol_activate, true, "protocol activate NAME VERSION",
     "make an installed protocol the one every checklist, plan and infusion check uses "
     "(admins)"},
    {"protocol", "list", cli_protocol_list, true, "protocol list [--json]",
     "installed protocols; * marks the active one"},
    {"backup", NULL, cli_backup, true, "backup FILE",
     "a consistent copy made while people work, verified (integrity and audit chain), with "
     "its key and witness, readable by owner and group only (admins)"},
    /* long-term follow-up (cli_longterm.c) */
    {"contact", "add", cli_contact_add, true,
     "contact add MRN --vital alive|dead [--date YYYY-MM-DD] [--death-date YYYY-MM-DD "
     "--cause TEXT] [--transplant yes|no [--transplant-date YYYY-MM-DD]] [--hcc yes|no "
     "[--hcc-date YYYY-MM-DD]] [--variceal-bleeding] [--sbp] [--he-admission] "
     "[--refractory-ascites] [--hrs] [--decompensation-date YYYY-MM-DD] [--admissions 0-30] "
     "[--phone] [--note TEXT] [--json]",
     "record a survival contact (closes the scheduled one; a death or transplant becomes the "
     "patient's status)"},
    {"contact", "correct", cli_contact_correct, true,
     "contact correct MRN CONTACT --reason TEXT [--if-version N] [any option of contact add] "
     "[--clear phone,transplant,hcc,admissions,note,decompensation|EVENT] [--json]",
     "correct a survival contact in place, with the reason (the same checks as contact add; "
     "a death or transplant it now records becomes the status; both versions audited)"},
    {"contact", "void", cli_contact_void, true,
     "contact void MRN CONTACT --reason TEXT [--if-version N] [--json]",
     "void a survival contact, with the reason; it is kept and its scheduled contact reopens"},
    {"events", NULL, cli_events, true, "events MRN [--json]",
     "the patient's event history and time to death, transplant, HCC and first "
     "decompensation (or the censoring day)"},
    /* quality-of-life questionnaires (cli_qol.c) */
    {"instrument", "install", cli_instrument_install, true,
     "instrument install FILE|symptoms|cldq [--texts FILE]",
     "validate a questionnaire file and keep its text and hash (admins); cldq needs --texts, "
     "the clinic's licensed item texts, one per line"},
    {"instrument", "list", cli_instrument_list, true, "instrument list [--json]",
     "installed questionnaires"},
    {"qol", "void", cli_qol_void, true,
     "qol void MRN QUESTIONNAIRE --reason TEXT [--if-version N] [--json]",
     "void a questionnaire given in error, with the reason (kept, no longer trended)"},
    {"qol", "correct", cli_qol_correct, true,
     "qol correct MRN QUESTIONNAIRE --reason TEXT [--answers A1,A2,...] [--date YYYY-MM-DD] "
     "[--if-version N] [--json]",
     "correct a questionnaire's answers or date in place, with the reason (checked against "
     "the instrument version it was given with, scored again; both versions audited)"},
    {"qol", NULL, cli_qol, true,
     "qol MRN INSTRUMENT [--answers A1,A2,... (empty: not answered)] [--date YYYY-MM-DD] "
     "[--json]",
     "record a questionnaire (--answers) with its domain scores, or list the patient's"},
    {"longterm", "due", cli_longterm_due, true, "longterm due [--date YYYY-MM-DD] [--json]",
     "survival contacts and HCC surveillance due or overdue"},
    {"lab", "correct", cli_lab_correct, true,
     "lab correct MRN RESULT --value V [--unit U] [--date YYYY-MM-DD] --reason TEXT "
     "[--if-version N] [--confirm]",
     "correct a lab result typed wrong (the same checks as lab add; both versions audited)"},
    {"lab", "void", cli_lab_void, true, "lab void MRN RESULT --reason TEXT",
     "void a lab result recorded in error (kept, marked; no longer in scores or checklists)"},
    {"lab", "list", cli_lab_list, true, "lab list MRN [--json]",
     "every lab result of a patient with its number and version, voided ones marked"},
    /* Outcomes, first part: the cell product (cli_product.c). */
    {"product", "add", cli_product_add, true,
     "product add --lot LOT --type uc-msc|exosome|secretome --donor CODE [--passage 0-10] "
     "--per-vial V (cells, particles or µg protein by type) [--viability %] "
     "[--sterility negative|positive|pending] [--endotoxin pass|fail|pending] "
     "[--mycoplasma negative|positive|pending] [--identity pass|fail|pending] "
     "--expiry YYYY-MM-DD --received \"YYYY-MM-DD HH:MM\" [--thawed \"...\"] "
     "[--administered \"...\"] [--note TEXT] [--confirm] [--json]",
     "record a product lot with its release tests (a lot is given only when every test "
     "passed and it has not expired)"},
    {"product", "list", cli_product_list, true, "product list [--json]",
     "every product lot, newest received first, released or not"},
    {"product", "show", cli_product_show, true, "product show LOT [--json]",
     "one product lot: release tests, expiry, times"},
    {"product", "correct", cli_product_correct, true,
     "product correct LOT --reason TEXT [--if-version N] [any option of product add]",
     "correct a lot or record its release results, with the reason"},
    {"product", "void", cli_product_void, true,
     "product void LOT --reason TEXT [--if-version N] [--json]",
     "void a lot recorded in error: no infusion can use it"},
    {"product", "recipients", cli_product_recipients, true, "product recipients LOT [--json]",
     "every patient who received the lot, for a recall (the reading is audited)"},
    /* exports (cli_export.c): the walker feeds every format alike */
    {"export", "csv", cli_export_csv, true,
     "export csv [--patient MRN] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--deidentify] [--wide] "
     "[--out FILE] [--json]",
     "CSV for a statistician: one row per patient, date and measure (value, unit, LOINC), or "
     "with --wide one row per patient and visit; --deidentify gives pseudonyms and shifted "
     "dates (the export is audited)"},
    {"export", "fhir", cli_export_fhir, true,
     "export fhir [--patient MRN] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--deidentify] "
     "[--out FILE|FOLDER] [--json]",
     "FHIR R4 JSON: a Bundle for --patient, else Bulk Data NDJSON, one file per resource "
     "type in the --out folder (Patient.ndjson, Observation.ndjson, ...)"},
    {"export", "odm", cli_export_odm, true,
     "export odm [--patient MRN] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--deidentify] "
     "[--out FILE] [--json]",
     "CDISC ODM 1.3.2 XML for REDCap or OpenClinica: the study events, forms and items, then "
     "every patient's data filed under its events; --deidentify as for csv (audited)"},
    {"histology", "add", cli_histology_add, true,
     "histology add MRN --date YYYY-MM-DD --site TEXT --pathologist NAME [--metavir F0-F4] "
     "[--ishak 0-6] [--grade A0-A3] [--cpa %] [--ki67 %] [--ck19 %] [--note TEXT] [--confirm] "
     "[--json]",
     "record a biopsy's histology: fibrosis stage, grade, collagen area, Ki-67, CK-19"},
    {"histology", "list", cli_histology_list, true, "histology list MRN [--json]",
     "a patient's biopsies, oldest first"},
    {"histology", "show", cli_histology_show, true, "histology show MRN BIOPSY [--json]",
     "one biopsy (BIOPSY: its number in the list)"},
    {"histology", "correct", cli_histology_correct, true,
     "histology correct MRN BIOPSY --reason TEXT [--if-version N] [any option of histology "
     "add] [--clear metavir,ishak,grade,cpa,ki67,ck19]",
     "correct a recorded biopsy, with the reason"},
    {"histology", "void", cli_histology_void, true,
     "histology void MRN BIOPSY --reason TEXT [--if-version N] [--json]",
     "void a biopsy recorded in error (it stays, marked)"},
    {"med", "add", cli_med_add, true,
     "med add MRN --name NAME|ATC --start YYYY-MM-DD [--dose V --unit mg|g|µg|mL|IU|mmol|tablet] "
     "[--route oral|iv|sc|im|rectal|topical|other] "
     "[--frequency once|qd|bid|tid|qid|weekly|prn|continuous] [--stop YYYY-MM-DD] "
     "[--indication TEXT] [--confirm] [--json]",
     "record a medication or supplement (the shipped list gives its ATC code; a free name is "
     "kept as typed)"},
    {"med", "stop", cli_med_stop, true,
     "med stop MRN MED [--date YYYY-MM-DD] [--reason TEXT] [--if-version N] [--json]",
     "record the day a medication was stopped (MED: its number in med list)"},
    {"med", "list", cli_med_list, true, "med list MRN [--date YYYY-MM-DD] [--json]",
     "a patient's medications by start (--date: those taken that day)"},
    {"med", "correct", cli_med_correct, true,
     "med correct MRN MED --reason TEXT [--if-version N] [any option of med add]",
     "correct a recorded medication, with the reason"},
    {"med", "void", cli_med_void, true, "med void MRN MED --reason TEXT [--if-version N] [--json]",
     "void a medication recorded in error (it stays, marked)"},
    {"med", "names", cli_med_names, false, "med names [--json]",
     "the shipped medication list: ATC code, name, class, usual unit and route"},
    {"imaging", "correct", cli_imaging_correct, true,
     "imaging correct MRN NOTE [--date YYYY-MM-DD] [--hcc yes|no|na] [--thrombosis yes|no|na] "
     "[--ascites yes|no|na] [--stiffness KPA] [--iqr KPA] [--fibrosis F0-F4] [--note TEXT] "
     "[--lirads LR-1..LR-5|LR-M|LR-TIV|none] [--lesion-mm MM] --reason TEXT [--if-version N] "
     "[--confirm]",
     "correct an imaging note (the same checks as imaging add; both versions audited)"},
    {"imaging", "void", cli_imaging_void, true, "imaging void MRN NOTE --reason TEXT",
     "void an imaging note recorded in error (kept, marked; no longer in checklists)"},
    {"imaging", "list", cli_imaging_list, true, "imaging list MRN [--json]",
     "every imaging note of a patient with its number and version, voided ones marked"},
    {"ae", "correct", cli_ae_correct, true,
     "ae correct MRN EVENT [--term TERM] [--grade 1-5] [--onset \"YYYY-MM-DD HH:MM\"] "
     "[--relation unrelated|unlikely|possible|probable|definite] [--serious yes|no] "
     "[--criteria LIST|none] --reason TEXT [--if-version N] [--confirm]",
     "correct an adverse event's details (the same checks as ae add; both versions "
     "audited)"},
    {"ae", "void", cli_ae_void, true, "ae void MRN EVENT --reason TEXT [--if-version N] [--json]",
     "void an adverse event recorded in error (kept, marked; no longer in counts, "
     "dashboards, stopping rules or serious-event lists)"},
    {"infusion", "correct", cli_infusion_correct, true,
     "infusion correct MRN INFUSION [--at \"YYYY-MM-DD HH:MM\"] [--route iv|intrahepatic] "
     "[--cells N] [--lot LOT [--expires YYYY-MM-DD]] [--by NAME] [--reaction TEXT|none] "
     "[--note TEXT] [--temp-before C ... any observation option of infusion add, or none] "
     "--reason TEXT [--if-version N] [--confirm] [--json]",
     "correct an infusion typed wrong (the checks of infusion add on the values and on dose, "
     "route, interval and lot where they change; both versions audited)"},
    {"infusion", "list", cli_infusion_list, true, "infusion list MRN [--json]",
     "every infusion of a patient with its number and version"},
    {"ae", "list", cli_ae_list, true, "ae list MRN [--json]",
     "every adverse event of a patient with its number and version, voided ones marked"},
};

/* Write s to f with control, escape and bidi characters neutralised. */
static void put_clean(FILE *f, const char *s, bool multiline)
{
	struct strbuf clean;
	sb_init(&clean);
	text_sanitize(&clean, s ? s : "", multiline);
	fputs(sb_str(&clean), f);
	sb_done(&clean);
}

/* A value echoed in a message ('...') is shown at most SHOWN_COLS columns
 * wide, then "…": a bad 1 MB value is named, not repeated. Returns a heap
 * string. */
#define SHOWN_COLS 60
static char *shorten_quoted(const char *msg)
{
	struct strbuf sb;
	sb_init(&sb);
	const char *p = msg;
	const char *open;
	while ((open = strchr(p, '\'')) != NULL) {
		const char *close = strchr(open + 1, '\'');
		if (!close)
			break;
		sb_addn(&sb, p, (size_t)(open + 1 - p));
		size_t len = (size_t)(close - open - 1);
		char *inner = xstrndup(open + 1, len);
		size_t fit = text_fit(inner, SHOWN_COLS);
		sb_addn(&sb, inner, fit < len ? fit : len);
		if (fit < len)
			sb_add(&sb, "\xE2\x80\xA6");
		free(inner);
		sb_addc(&sb, '\'');
		p = close + 1;
	}
	sb_add(&sb, p);
	return sb_take(&sb);
}

const char *cli_nan(const char *v)
{
	char *end;
	if (!v || !*v)
		return "not a number; ";
	errno = 0;
	(void)strtod(v, &end);
	return *end || end == v ? "not a number; " : "";
}

int cli_usage(struct cli *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *full = xvasprintf(fmt, ap);
	va_end(ap);
	char *msg = shorten_quoted(full);
	free(full);
	fprintf(c->err, "hepadesk %s: ", c->name);
	put_clean(c->err, msg, false);
	fprintf(c->err, "\nusage: hepadesk %s\n", c->usage ? c->usage : c->name);
	free(msg);
	return 2;
}

int cli_fail(struct cli *c, enum status s, const struct err *e)
{
	fprintf(c->err, "hepadesk %s: ", c->name);
	char *msg = shorten_quoted(err_why(e, s));
	put_clean(c->err, msg, false);
	free(msg);
	fputc('\n', c->err);
	return status_exit_code(s);
}

void cli_put(struct cli *c, const char *s)
{
	put_clean(c->out, s, true);
}

void cli_putf(struct cli *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = xvasprintf(fmt, ap);
	va_end(ap);
	cli_put(c, s);
	free(s);
}

static int parse_one(struct cli *c, char *arg, const char *next, struct cli_opt *opts, int nopts,
		     int *used)
{
	char *name = arg + 2, *eq = strchr(name, '=');
	size_t len = eq ? (size_t)(eq - name) : strlen(name);
	for (int i = 0; i < nopts; i++) {
		if (strlen(opts[i].name) != len || strncmp(opts[i].name, name, len) != 0)
			continue;
		if (opts[i].set)
			return cli_usage(c, "--%s given twice", opts[i].name);
		opts[i].set = true;
		*used = 1;
		if (opts[i].kind == OPT_FLAG) {
			if (eq)
				return cli_usage(c, "--%s takes no value", opts[i].name);
			return 0;
		}
		if (eq) {
			opts[i].value = eq + 1;
		} else if (next) {
			opts[i].value = next;
			*used = 2;
		} else {
			return cli_usage(c, "--%s needs a value", opts[i].name);
		}
		return 0;
	}
	*used = 1;
	return cli_usage(c, "unknown option --%.*s", (int)len, name);
}

int cli_parse(struct cli *c, int argc, char **argv, struct cli_opt *opts, int nopts,
	      const char **pos, int minpos, int maxpos)
{
	int npos = 0;
	bool only_pos = false;
	for (int i = 0; i < argc;) {
		char *a = argv[i];
		if (!only_pos && strcmp(a, "--help") == 0) {
			fprintf(c->out, "usage: hepadesk %s\n", c->usage ? c->usage : c->name);
			return -1;
		}
		if (!only_pos && strcmp(a, "--") == 0) {
			only_pos = true;
			i++;
			continue;
		}
		if (!only_pos && strncmp(a, "--", 2) == 0) {
			int used = 1;
			int rc =
			    parse_one(c, a, i + 1 < argc ? argv[i + 1] : NULL, opts, nopts, &used);
			if (rc)
				return rc;
			i += used;
			continue;
		}
		if (npos >= maxpos)
			return cli_usage(c, "unexpected argument '%s'", a);
		pos[npos++] = a;
		i++;
	}
	if (npos < minpos)
		return cli_usage(c, "missing argument");
	return 0;
}

bool cli_units(struct cli *c, const struct cli_opt *o, enum unit_system *u)
{
	*u = UNITS_US;
	if (!o || !o->set)
		return true;
	if (strcmp(o->value, "us") == 0)
		return true;
	if (strcmp(o->value, "si") == 0) {
		*u = UNITS_SI;
		return true;
	}
	cli_usage(c, "--units '%s': accepted us (mg/dL, g/dL) or si (µmol/L, g/L)", o->value);
	return false;
}

static void print_help(FILE *f)
{
	fputs("hepadesk " HEPADESK_VERSION " — clinical evaluation workstation for UC-MSC "
	      "therapy of end-stage liver disease\n\n"
	      "usage: hepadesk [--db FILE] [--config FILE] [COMMAND [ARGS]]\n"
	      "  with no command, opens the screens\n\ncommands:\n",
	      f);
	for (size_t i = 0; i < ARRAY_SIZE(commands); i++) {
		char name[40];
		snprintf(name, sizeof name, "%s%s%s", commands[i].name, commands[i].sub ? " " : "",
			 commands[i].sub ? commands[i].sub : "");
		fprintf(f, "  %-16s %s\n", name, commands[i].help);
	}
	fputs("\n`hepadesk COMMAND --help` shows a command's options.\n"
	      "exit status: 0 success, 2 bad usage or invalid input, 1 any other failure\n",
	      f);
}

static const struct cli_cmd *find_command(int argc, char **argv, int *words)
{
	for (size_t i = 0; i < ARRAY_SIZE(commands); i++) {
		const struct cli_cmd *c = &commands[i];
		if (argc < 1 || strcmp(argv[0], c->name) != 0)
			continue;
		if (!c->sub) {
			*words = 1;
			return c;
		}
		if (argc >= 2 && strcmp(argv[1], c->sub) == 0) {
			*words = 2;
			return c;
		}
	}
	return NULL;
}

/* "hepadesk patient" without its sub-command: name the ones there are.
 * Returns false when name is no command at all. */
static bool sub_commands(const char *name, FILE *err)
{
	struct strbuf subs;
	sb_init(&subs);
	for (size_t i = 0; i < ARRAY_SIZE(commands); i++)
		if (strcmp(commands[i].name, name) == 0 && commands[i].sub)
			sb_addf(&subs, "%s%s", subs.len ? "|" : "", commands[i].sub);
	bool any = subs.len > 0;
	if (any)
		fprintf(err, "hepadesk: expected %s %s (see hepadesk --help)\n", name,
			sb_str(&subs));
	sb_done(&subs);
	return any;
}

/* Global options before the command; returns the index of the command word,
 * or -1 after printing (exit code in *rc). */
static int global_options(int argc, char **argv, const char **db, const char **config, FILE *out,
			  FILE *err, int *rc)
{
	int i = 1;
	for (; i < argc && strncmp(argv[i], "-", 1) == 0; i++) {
		const char *a = argv[i];
		const char **slot = strcmp(a, "--db") == 0	 ? db
				    : strcmp(a, "--config") == 0 ? config
								 : NULL;
		if (slot) {
			if (i + 1 >= argc) {
				fprintf(err, "hepadesk: %s needs a value\n", a);
				*rc = 2;
				return -1;
			}
			*slot = argv[++i];
		} else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			print_help(out);
			*rc = 0;
			return -1;
		} else if (strcmp(a, "--version") == 0) {
			fprintf(out, "hepadesk %s (schema %d)\n", HEPADESK_VERSION,
				store_schema_version());
			*rc = 0;
			return -1;
		} else {
			fputs("hepadesk: unknown option '", err);
			put_clean(err, a, false);
			fputs("'; see hepadesk --help\n", err);
			*rc = 2;
			return -1;
		}
	}
	return i;
}

int cli_begin(struct cli_call *call, int argc, char **argv, FILE *out, FILE *err)
{
	int rc = 0, words = 0;
	memset(call, 0, sizeof *call);
	call->out = out;
	call->err = err;
	int first = global_options(argc, argv, &call->db_flag, &call->config_flag, out, err, &rc);
	if (first < 0)
		return rc;
	const struct cli_cmd *cmd = find_command(argc - first, argv + first, &words);
	if (first < argc && !cmd && sub_commands(argv[first], err))
		return 2;
	if (first < argc && !cmd) {
		fputs("hepadesk: unknown command '", err);
		put_clean(err, argv[first], false);
		fputs("'; see hepadesk --help\n", err);
		return 2;
	}
	call->cmd = cmd;
	call->argc = argc - first - words;
	call->argv = argv + first + words;
	call->needs_db = !cmd || cmd->needs_db;
	cli_sign_preread(call->argc, call->argv);
	return -1;
}

bool cli_has_command(const struct cli_call *call)
{
	return call->cmd != NULL;
}

int cli_report(const struct cli_call *call, struct app *app, enum status s, const struct err *e)
{
	struct cli c = {app, call->out, call->err, call->cmd ? call->cmd->name : "hepadesk",
			call->cmd ? call->cmd->usage : NULL};
	return cli_fail(&c, s, e);
}

int cli_run(const struct cli_call *call, struct app *app)
{
	struct cli c = {app, call->out, call->err, call->cmd->name, call->cmd->usage};
	int rc = call->cmd->fn(&c, call->argc, call->argv);
	return rc < 0 ? 0 : rc;
}
