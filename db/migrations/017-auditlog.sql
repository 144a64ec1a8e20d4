-- 017-auditlog.sql: issue 13 item 4, the audit log for the auditor and
-- the admin (list audit_log, printer audit, the record view's history).
--
-- Indexes so that searching a million audit rows by who, what, which
-- record or when, and a record view's history, read the index instead of
-- the table. Each index ends in the rowid (id), so the rows of one login
-- or one record come out newest first with no sort; the time index gives
-- a day's rows in order.
CREATE INDEX IF NOT EXISTS audit_record ON audit(record);
CREATE INDEX IF NOT EXISTS audit_login ON audit(login);
CREATE INDEX IF NOT EXISTS audit_action ON audit(action);
CREATE INDEX IF NOT EXISTS audit_at ON audit(at);
