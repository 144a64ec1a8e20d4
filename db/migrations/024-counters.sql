-- 024-counters.sql: issue 15, a record's number at any size.
--
-- An application's, a notice's and a sale's number end in a sequence of
-- its county and year (SQ/TZ/XS<county><year><seq>; a notice has one of
-- the province's too). Each was found by counting the county's records
-- of the year (or, for the province's, the highest over every notice of
-- the year): every application.new, approve and sale.new read as many
-- rows as its county had made (45,000 sales of a county at a million:
-- half of a sale.new's time on the million-sale bench's peak day; the
-- province's notices, a million). Here each sequence keeps its last
-- value: the next is one row's update (action-numbers.c, number_next,
-- in the action's transaction). kind: 'application', 'notice', 'sale';
-- scope: the county's code, or '' for the province's notice sequence.
CREATE TABLE IF NOT EXISTS counters (
	kind	TEXT NOT NULL,
	scope	TEXT NOT NULL,
	year	INTEGER NOT NULL,
	n	INTEGER NOT NULL,
	PRIMARY KEY (kind, scope, year)
) WITHOUT ROWID;
-- from the records as they are, as the counts found them
INSERT OR REPLACE INTO counters(kind, scope, year, n) SELECT
    'application', county, year, count(*) FROM applications
    GROUP BY county, year;
INSERT OR REPLACE INTO counters(kind, scope, year, n) SELECT
    'notice', a.county, a.year, max(n.county_seq) FROM notices n
    JOIN applications a ON a.id = n.app_id GROUP BY a.county, a.year;
INSERT OR REPLACE INTO counters(kind, scope, year, n) SELECT
    'notice', '', a.year, max(n.province_seq) FROM notices n
    JOIN applications a ON a.id = n.app_id GROUP BY a.year;
INSERT OR REPLACE INTO counters(kind, scope, year, n) SELECT
    'sale', county, year, count(*) FROM sales WHERE no IS NOT NULL
    GROUP BY county, year;
