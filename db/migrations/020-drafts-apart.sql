-- 020-drafts-apart.sql: issue 15 item 4, drafts in a file of their own.
--
-- A form's draft is written each time the cursor leaves a field; each
-- such commit in the database made every other session drop its page
-- cache and contend for the WAL's read marks (store-session.c). Drafts
-- now live beside the database in DB.drafts, which every connection
-- attaches as "dr" (made with its table before any migration runs); the
-- drafts kept so far move there.
INSERT OR IGNORE INTO dr.drafts(user_id, form, win, data, saved_at)
    SELECT user_id, form, win, data, saved_at FROM main.drafts;
DROP TABLE main.drafts;
