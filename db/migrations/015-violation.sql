-- 015-violation.sql: issue 13 item 2, violations and penalties (003 附件2;
-- 001 附件2, 附件3), the blacklist and penalties of other provinces.
--
-- violations replaces the unused table of version 1. One row per
-- violation (违规行为), numbered WG + its id in 6 digits:
--   party_type  maker, dealer, product, buyer, person
--   party_key   the credit code (maker, dealer), the model (product);
--               NULL for a buyer or a person: their ID number is private
--               and kept sealed (party_enc, column violations.party),
--               as party_hash (keyed hash) and party_last4
--   party_name  the company, product, buyer or person as recorded
--   region      the buyer's county; else the recording user's region
--               (NULL: the province)
--   level       as recorded after escalation (R-003-A2-7.2.1);
--               level_found as the recorder gave it
--   state       open (recorded), decided (a measure applied), restored
--               (a suspension lifted on a written request, 第十一条)
--   measure     warning, notice (通报), suspend, cancel, blacklist, ban;
--               months, from_day and until_day (the last day) for a
--               suspension or a ban
--   province    "" ours; else the province whose decision was imported
--               (全国联动, `njbt import penalties`)
-- blacklist: the companies and persons blacklisted (黑名单), a company
-- with its legal representative (name, and the ID's keyed hash when
-- known); dealer.register and maker.add refuse both.
-- products.status_until: the last day of a product's suspension.
-- makers/dealers.legal_rep_hash: the legal representative's ID number
-- (optional field legal_rep_id of maker.add and dealer.register).
DROP TABLE violations;
CREATE TABLE violations (
	id		INTEGER PRIMARY KEY,
	no		TEXT NOT NULL UNIQUE,
	party_type	TEXT NOT NULL CHECK (party_type IN
			    ('maker','dealer','product','buyer','person')),
	party_key	TEXT,
	party_enc	BLOB,
	party_hash	BLOB,
	party_last4	TEXT,
	party_name	TEXT NOT NULL DEFAULT '',
	region		TEXT REFERENCES regions(code),
	level		TEXT NOT NULL CHECK (level IN
			    ('minor','serious','severe')),
	level_found	TEXT NOT NULL CHECK (level_found IN
			    ('minor','serious','severe')),
	facts		TEXT NOT NULL,
	found_on	TEXT NOT NULL,
	complaint_id	INTEGER REFERENCES complaints(id),
	state		TEXT NOT NULL DEFAULT 'open' CHECK (state IN
			    ('open','decided','restored')),
	measure		TEXT CHECK (measure IN ('warning','notice','suspend',
			    'cancel','blacklist','ban')),
	months		INTEGER,
	from_day	TEXT,
	until_day	TEXT,
	note		TEXT NOT NULL DEFAULT '',
	requested_on	TEXT,
	province	TEXT NOT NULL DEFAULT '',
	by_user		INTEGER REFERENCES users(id),
	decided_by	INTEGER REFERENCES users(id),
	created_at	TEXT NOT NULL,
	decided_at	TEXT
);
CREATE INDEX violations_party ON violations(party_type, party_key);
CREATE INDEX violations_hash ON violations(party_hash);

CREATE TABLE blacklist (
	id		INTEGER PRIMARY KEY,
	violation_id	INTEGER NOT NULL REFERENCES violations(id),
	party_type	TEXT NOT NULL CHECK (party_type IN
			    ('maker','dealer','person')),
	uscc		TEXT,
	name		TEXT NOT NULL,
	rep_name	TEXT,
	rep_hash	BLOB,
	rep_last4	TEXT,
	from_day	TEXT NOT NULL
);
CREATE INDEX blacklist_uscc ON blacklist(uscc);
CREATE INDEX blacklist_rep ON blacklist(rep_name);

ALTER TABLE products ADD COLUMN status_until TEXT;
ALTER TABLE makers ADD COLUMN legal_rep_hash BLOB;
ALTER TABLE dealers ADD COLUMN legal_rep_hash BLOB;
