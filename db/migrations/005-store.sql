-- 005-store.sql: a keyed MAC over the security-relevant columns of each
-- row (issue 8 item 5), kept by the temporary triggers every njbt
-- connection makes (src/store-mac.c), and checked by `njbt check`. The key
-- is not in the database: rows changed outside njbt keep a stale MAC.
-- The C step of this version (store.c) re-seals every private value with
-- its row in the associated data and computes the MACs of existing rows.

CREATE TABLE row_macs (
	tbl	TEXT NOT NULL,
	key	TEXT NOT NULL,
	mac	BLOB NOT NULL,
	PRIMARY KEY (tbl, key)
) WITHOUT ROWID;
