-- 016-complaint.sql: issue 13 item 3, complaints (投诉举报; 003 附件2
-- 第十三条, 004 八(三)三). The complaints table of the first schema was
-- never used (no action wrote it): it is made again with what the steps
-- record.
--   no          TS + id zero-padded to 6 (TS000007)
--   region      the registering clerk's county or city, or the province
--   channel     phone 电话, letter 信函, web 网络, visit 来访 (label.c)
--   about_type  maker, dealer, product (about: credit code or model,
--               about_id its row), buyer (about_id the buyer's row) or
--               person; a buyer's or person's ID number is sealed to the
--               row (about_enc, about_last4), never kept in clear
--   complainant NULL: anonymous; phone sealed like every phone
--   state       registered -> investigating -> interviewed -> decided,
--               or registered -> declined (state.c)
--   frozen      1 while the freeze (先行封闭) holds: no new supply or sale
--               of the product or company concerned; lifted (0,
--               lifted_at) when the complaint is decided
--   deadline    the interview's time limit: silence after it counts as
--               no objection; reply the party's answer, if any
--   violation_id the violation opened on a founded complaint (WG...)
-- Kept 5-10 years (003 附件2 第十三条(五)): no row is ever deleted; the
-- trigger below refuses it.
DROP TABLE complaints;
CREATE TABLE complaints (
	id		INTEGER PRIMARY KEY,
	no		TEXT NOT NULL UNIQUE,
	region		TEXT NOT NULL REFERENCES regions(code),
	channel		TEXT NOT NULL CHECK (channel IN
			    ('phone','letter','web','visit')),
	about_type	TEXT NOT NULL CHECK (about_type IN
			    ('maker','dealer','product','buyer','person')),
	about		TEXT,
	about_id	INTEGER,
	about_enc	BLOB,
	about_last4	TEXT,
	content		TEXT NOT NULL,
	complainant	TEXT,
	phone_enc	BLOB,
	phone_last4	TEXT,
	state		TEXT NOT NULL DEFAULT 'registered' CHECK (state IN
			    ('registered','investigating','interviewed',
			    'decided','declined')),
	reason		TEXT,
	findings	TEXT,
	frozen		INTEGER NOT NULL DEFAULT 0 CHECK (frozen IN (0,1)),
	frozen_at	TEXT,
	lifted_at	TEXT,
	held_on		TEXT,
	deadline	TEXT,
	reply		TEXT,
	result		TEXT CHECK (result IN ('founded','unfounded')),
	violation_id	INTEGER,
	note		TEXT,
	by_user		INTEGER NOT NULL REFERENCES users(id),
	at		TEXT NOT NULL,
	investigated_by	INTEGER REFERENCES users(id),
	investigated_at	TEXT,
	interviewed_by	INTEGER REFERENCES users(id),
	decided_by	INTEGER REFERENCES users(id),
	decided_at	TEXT
);
CREATE INDEX complaints_region ON complaints(region, state);
CREATE INDEX complaints_frozen ON complaints(about_type, about_id)
    WHERE frozen = 1;
CREATE TRIGGER complaints_kept BEFORE DELETE ON complaints
BEGIN
	SELECT RAISE(ABORT, '投诉举报材料须保存5-10年，不能删除');
END;
