-- 018-seek.sql: issue 15 item 1, lists at any depth and any filter.
--
-- The list screens page by seeking from the last (or first) row shown
-- (store-sql-seek.def) and filter by index, not by instr() over a table:
-- a buyer's name by its trigrams (substrings of 3 characters or more,
-- the Chinese names included) or by its prefix (1 or 2 characters, the
-- name index); a machine's serial by its prefix (its UNIQUE index); a
-- dealer's sales by sales_dealer_id, newest first with no sort.
CREATE INDEX IF NOT EXISTS buyers_name ON buyers(name);
CREATE INDEX IF NOT EXISTS sales_dealer_id ON sales(dealer_id, id);
CREATE INDEX IF NOT EXISTS sales_county_id ON sales(county, id);
CREATE INDEX IF NOT EXISTS buyers_idno_last4 ON buyers(idno_last4);
-- the returns awaiting the subsidy back, by their sale
CREATE INDEX IF NOT EXISTS returns_state ON returns(state, sale_id);
-- a batch's open objections, counted on every line of the batch lists
CREATE INDEX IF NOT EXISTS objections_batch ON objections(batch_id, upheld);
-- Every 3 characters of each buyer's name (a trigram), kept by the
-- triggers below (njbt never writes them itself): a filter of 3
-- characters or more finds its buyers by its first 3 (then instr() on
-- those alone). Plain SQL: the connection's schema is not trusted with
-- a virtual table (FTS5) in a trigger. gram_seq numbers the places.
CREATE TABLE IF NOT EXISTS gram_seq (n INTEGER PRIMARY KEY);
INSERT OR IGNORE INTO gram_seq(n) WITH RECURSIVE k(n) AS (SELECT 1
    UNION ALL SELECT n + 1 FROM k WHERE n < 200) SELECT n FROM k;
CREATE TABLE IF NOT EXISTS buyer_grams (
	gram		TEXT NOT NULL,
	buyer_id	INTEGER NOT NULL,
	PRIMARY KEY (gram, buyer_id)
) WITHOUT ROWID;
INSERT OR IGNORE INTO buyer_grams(gram, buyer_id) SELECT substr(b.name,
    q.n, 3), b.id FROM buyers b JOIN gram_seq q ON q.n <= length(b.name) - 2;
CREATE TRIGGER IF NOT EXISTS buyer_grams_ai AFTER INSERT ON buyers
BEGIN
	INSERT OR IGNORE INTO buyer_grams(gram, buyer_id) SELECT
	    substr(new.name, n, 3), new.id FROM gram_seq
	    WHERE n <= length(new.name) - 2;
END;
CREATE TRIGGER IF NOT EXISTS buyer_grams_ad AFTER DELETE ON buyers
BEGIN
	DELETE FROM buyer_grams WHERE buyer_id = old.id AND gram IN (SELECT
	    substr(old.name, n, 3) FROM gram_seq
	    WHERE n <= length(old.name) - 2);
END;
CREATE TRIGGER IF NOT EXISTS buyer_grams_au AFTER UPDATE OF name ON buyers
BEGIN
	DELETE FROM buyer_grams WHERE buyer_id = old.id AND gram IN (SELECT
	    substr(old.name, n, 3) FROM gram_seq
	    WHERE n <= length(old.name) - 2);
	INSERT OR IGNORE INTO buyer_grams(gram, buyer_id) SELECT
	    substr(new.name, n, 3), new.id FROM gram_seq
	    WHERE n <= length(new.name) - 2;
END;
