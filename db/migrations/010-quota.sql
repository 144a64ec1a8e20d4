-- 010-quota.sql: issue 10 item 4 (quotas).
--
-- notice_ends: how a confirmation notice (指标确认通知书) ended before it
--   was used up, and what it gave back to the county's budget at once:
--   'handback' (交回, notice.handback; late = 1 when later than 10 days
--   before the window's end, 004 附表2 三2) or 'expired' (逾期未购机, the
--   window passed). The notice goes to 'returned' (handed back) or
--   'cancelled' (expired unused; 'used' when partly bought).
-- lotteries, lottery_entries: a county's draw by lot (摇号, 004 四(一))
--   when its submitted applications ask for more than its budget holds:
--   the public seed, who drew and when, every candidate in the drawn
--   order, drawn or not; those not drawn keep next-year priority
--   (下一年度优先补贴, 004 三(二)). One draw per county, year and round.

CREATE TABLE notice_ends (
	notice_id	INTEGER PRIMARY KEY REFERENCES notices(id),
	kind		TEXT NOT NULL CHECK (kind IN ('handback','expired')),
	on_date		TEXT NOT NULL,
	late		INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
	central		INTEGER NOT NULL,	-- released, fen
	provincial	INTEGER NOT NULL,
	by_user		INTEGER REFERENCES users(id),
	at		TEXT NOT NULL
);

CREATE TABLE lotteries (
	id		INTEGER PRIMARY KEY,
	no		TEXT NOT NULL UNIQUE,
	county		TEXT NOT NULL REFERENCES regions(code),
	year		INTEGER NOT NULL,
	round		INTEGER NOT NULL,
	seed		INTEGER NOT NULL,
	candidates	INTEGER NOT NULL,
	drawn		INTEGER NOT NULL,
	by_user		INTEGER NOT NULL REFERENCES users(id),
	at		TEXT NOT NULL,
	UNIQUE (county, year, round)
);

CREATE TABLE lottery_entries (
	lottery_id	INTEGER NOT NULL REFERENCES lotteries(id),
	rank		INTEGER NOT NULL,	-- 1.. in the drawn order
	app_id		INTEGER NOT NULL REFERENCES applications(id),
	buyer_id	INTEGER NOT NULL REFERENCES buyers(id),
	priority	INTEGER NOT NULL DEFAULT 0,	-- not drawn the year before
	drawn		INTEGER NOT NULL CHECK (drawn IN (0, 1)),
	central		INTEGER NOT NULL,	-- what it asks, fen
	provincial	INTEGER NOT NULL,
	PRIMARY KEY (lottery_id, rank)
) WITHOUT ROWID;
CREATE INDEX lottery_entries_buyer ON lottery_entries(buyer_id, drawn);
