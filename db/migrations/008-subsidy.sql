-- 008-subsidy.sql: issue 10 items 1, 2 and 10.
--
-- 1. 定额补贴 (004 三(三)1): the 30% share is how the province sets a
-- tier's amount from recent average prices; it is not a per-sale cap. The
-- per-sale share cap (programs.max_ratio_bp) becomes a year setting that
-- is off (0) by default. A stored 3000 is the old default that every
-- program.set wrote whether or not the admin asked for it, and the
-- documents never ask for it: it is switched off, unless the audit log
-- shows that an admin set max_ratio for that year himself (then the
-- stored value is his choice, as is any value other than 3000).
--
-- 2. Top-ups within the provincial plan (004 三(三)6): a line and a sale
-- keep their top-up (fen per unit, part of provincial) apart, so that it
-- can be held to what is left of the plan and shown.
--
-- 10. 分段结算 (003 附件1): a tier's amount may change mid-year from a
-- date (tier.amount); tier_amounts keeps each segment. A tier's row in
-- tiers is its amount from the start of the year; a sale keeps the
-- amount in force on its sale date and records which segment it was
-- (sales.segment: the segment's first day, '' = the catalogue's amount).

UPDATE programs SET max_ratio_bp = 0 WHERE max_ratio_bp = 3000 AND
    NOT EXISTS (SELECT 1 FROM audit WHERE action = 'program.set' AND
    record = CAST(programs.year AS TEXT) AND
    ' ' || detail LIKE '% max_ratio=%');

ALTER TABLE application_lines ADD COLUMN topup INTEGER NOT NULL DEFAULT 0;
ALTER TABLE application_lines ADD COLUMN segment TEXT NOT NULL DEFAULT '';
ALTER TABLE sales ADD COLUMN topup INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sales ADD COLUMN segment TEXT NOT NULL DEFAULT '';
-- the top-ups already granted: what the provincial part holds beyond the
-- tier's own provincial amount (top-ups are paid from provincial funds)
UPDATE application_lines SET topup = max(0, provincial -
    (SELECT t.provincial FROM tiers t WHERE t.id = tier_id));
UPDATE sales SET topup = max(0, provincial -
    (SELECT t.provincial FROM tiers t WHERE t.id = tier_id));

CREATE TABLE tier_amounts (
	id		INTEGER PRIMARY KEY,
	tier_id		INTEGER NOT NULL REFERENCES tiers(id),
	from_day	TEXT NOT NULL,		-- YYYY-MM-DD, first day in force
	central		INTEGER NOT NULL,	-- fen per unit
	provincial	INTEGER NOT NULL,
	city		INTEGER NOT NULL,
	county		INTEGER NOT NULL,
	note		TEXT NOT NULL DEFAULT '',
	set_by		INTEGER,		-- users.id, NULL: the console
	set_at		TEXT NOT NULL,
	UNIQUE (tier_id, from_day)
);
