-- 007-hygiene.sql: issue 8 item 9 (R-SEC-8.9): one draft per window. A
-- draft belongs to the user, the form AND the window (session) that typed
-- it, so that two sessions of one user never share one; a draft left by
-- another window is offered, and moves to the window that takes it.
-- Drafts of version 6 and before belong to no window ('') and are offered
-- to the next window that opens their form.

CREATE TABLE drafts_by_window (
	id		INTEGER PRIMARY KEY,
	user_id		INTEGER NOT NULL REFERENCES users(id),
	form		TEXT NOT NULL,
	win		TEXT NOT NULL DEFAULT '',
	data		TEXT NOT NULL,
	saved_at	TEXT NOT NULL,
	UNIQUE (user_id, form, win)
);
INSERT INTO drafts_by_window(user_id, form, win, data, saved_at)
    SELECT user_id, form, '', data, saved_at FROM drafts;
DROP TABLE drafts;
ALTER TABLE drafts_by_window RENAME TO drafts;
