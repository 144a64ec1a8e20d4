-- 006-server.sql: the SSH server under abuse (issue 8 item 8).
-- Wrong passwords lock the pair (login, client address) first: a pair
-- lock holds from since to until (unix times); the account itself is
-- locked (users.locked_until) only at a higher count from any address.
-- The failures are counted by pair, hence the index.

CREATE TABLE login_pair_locks (
	user_id		INTEGER NOT NULL REFERENCES users(id),
	addr		TEXT NOT NULL,
	since		INTEGER NOT NULL,	-- unix time the lock began
	until		INTEGER NOT NULL,	-- unix time it ends
	PRIMARY KEY (user_id, addr)
);
CREATE INDEX login_failures_pair ON login_failures(user_id, addr, at);
