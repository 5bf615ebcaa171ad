-- 010: the audit trail is keyed. Every row's hash becomes an HMAC-SHA-256
-- under the key file beside the database (PATH.key), which only the program
-- (and its group) can read: an edited row can no longer be re-hashed from
-- outside. The program re-hashes the existing chain after checking it
-- (store_audit_rekey, run after this file) and records meta 'audit_keyed'.
-- The application id marks the file as hepadesk's, so no other SQLite file
-- is ever taken for a clinic database.
PRAGMA application_id = 1212437320;
