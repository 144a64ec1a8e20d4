-- 004-users.sql: what issue 8 items 3, 6 and 7 need of the users table.
--
-- auth_epoch: bumped whenever someone else locks the user, changes the
--   user's post or sets the user's password; a session carries the epoch
--   it logged in with, and every action re-checks it (R-SEC-8.3).
-- post: a county user's post, 'handler' (经办) or 'approver' (审核), set
--   by the level above; only an approver decides (R-SEC-8.6).
-- created_by: who opened the account (NULL: the console, an import, the
--   demo); an approver may not decide what an account he opened entered
--   or submitted (R-SEC-8.6b).
-- lock_level: the level of whoever set the lock (3 province, 2 city,
--   1 county; 0 none); a lock is lifted only from that level or above
--   (R-SEC-8.7).

ALTER TABLE users ADD COLUMN auth_epoch INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN post TEXT
    CHECK (post IS NULL OR post IN ('handler','approver'));
ALTER TABLE users ADD COLUMN created_by INTEGER REFERENCES users(id);
ALTER TABLE users ADD COLUMN lock_level INTEGER NOT NULL DEFAULT 0;

-- County users that already decided an application or reviewed a batch
-- keep doing so as approvers, and so do the demo's 审核 clerks (hl_sh,
-- yn_sh, in a database with the demo loaded); every other county user
-- enters (handler). The admin changes a post with user.post.
UPDATE users SET post = CASE WHEN EXISTS (
	SELECT 1 FROM applications a WHERE a.decided_by = users.id)
    OR EXISTS (SELECT 1 FROM reviews r WHERE r.reviewer = users.id)
    OR (login IN ('hl_sh', 'yn_sh') AND EXISTS (
	SELECT 1 FROM meta WHERE k = 'demo'))
    THEN 'approver' ELSE 'handler' END
    WHERE role = 'county';

-- Who set the locks already in place is not known: the province's, so
-- that only the province lifts them.
UPDATE users SET lock_level = 3 WHERE locked <> 0;

CREATE INDEX users_created_by ON users(created_by)
    WHERE created_by IS NOT NULL;

-- Whatever path changes a user's role, scope, organisation or post (an
-- action, an import, a repair by hand), the epoch moves with it, so that
-- even a change made and undone ends the sessions opened before it.
CREATE TRIGGER users_rights_epoch AFTER UPDATE OF role, region, maker_id,
    dealer_id, post ON users
    WHEN OLD.role IS NOT NEW.role OR OLD.region IS NOT NEW.region
    OR OLD.maker_id IS NOT NEW.maker_id OR OLD.dealer_id IS NOT NEW.dealer_id
    OR OLD.post IS NOT NEW.post
BEGIN
	UPDATE users SET auth_epoch = auth_epoch + 1 WHERE id = NEW.id;
END;
