-- 003-buyer.sql: issue 8 items 1 and 2 (R-SEC-8.1, R-SEC-8.2).
-- A buyer carries a version (a change by buyer.update must name the
-- version the clerk saw: the second of two clerks is refused); every
-- change of a buyer's data is kept in buyer_changes, masked. The account
-- checked at verification is frozen on the sale (still sealed under the
-- buyers.account column it came from) and a payment records which
-- account it went to. Refused look-ups by a private value are counted per
-- login in lookup_refusals, for the rate limit and the admin's list.

ALTER TABLE buyers ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

CREATE TABLE buyer_changes (
	id		INTEGER PRIMARY KEY,
	buyer_id	INTEGER NOT NULL REFERENCES buyers(id),
	at		TEXT NOT NULL,
	login		TEXT NOT NULL,
	field		TEXT NOT NULL,
	old_masked	TEXT NOT NULL,
	new_masked	TEXT NOT NULL,
	reason		TEXT,
	version		INTEGER NOT NULL
);
CREATE INDEX buyer_changes_buyer ON buyer_changes(buyer_id, id);

ALTER TABLE sales ADD COLUMN pay_account_enc BLOB;
ALTER TABLE sales ADD COLUMN pay_account_hash BLOB;
ALTER TABLE sales ADD COLUMN pay_account_last4 TEXT;
ALTER TABLE sales ADD COLUMN pay_bank_name TEXT;
ALTER TABLE sales ADD COLUMN pay_holder TEXT;

-- sales already verified keep the account they would have been paid into
UPDATE sales SET
    pay_account_enc = (SELECT account_enc FROM buyers WHERE id = buyer_id),
    pay_account_hash = (SELECT account_hash FROM buyers WHERE id = buyer_id),
    pay_account_last4 = (SELECT account_last4 FROM buyers WHERE id = buyer_id),
    pay_bank_name = (SELECT bank_name FROM buyers WHERE id = buyer_id),
    pay_holder = (SELECT name FROM buyers WHERE id = buyer_id)
    WHERE state IN ('verified', 'batched', 'paid', 'refunded');

ALTER TABLE payments ADD COLUMN account_hash BLOB;
ALTER TABLE payments ADD COLUMN account_last4 TEXT;
UPDATE payments SET
    account_hash = (SELECT pay_account_hash FROM sales WHERE id = sale_id),
    account_last4 = (SELECT pay_account_last4 FROM sales WHERE id = sale_id);

CREATE TABLE lookup_refusals (
	id		INTEGER PRIMARY KEY,
	login		TEXT NOT NULL,
	at		TEXT NOT NULL,
	action		TEXT NOT NULL,
	looked_up	TEXT NOT NULL,
	reason		TEXT NOT NULL
);
CREATE INDEX lookup_refusals_login ON lookup_refusals(login, at);
