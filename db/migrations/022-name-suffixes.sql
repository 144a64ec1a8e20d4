-- 022-name-suffixes.sql: issue 15 item 1, a name filter of 3 characters
-- or more finds exactly the names that hold it.
--
-- Migration 018 kept every trigram of each buyer's name; a filter was led
-- by the rarer of its first and last trigrams, then instr() on each name
-- that trigram is in. Where a trigram is in thousands of names (digits,
-- common characters) a filter that matches one name read thousands, and
-- twice: once to count them, once for the page.
--
-- Here each name is kept from each place on (its suffixes, of 3
-- characters or more, cut to their first 10): a name holds the filter
-- exactly when one of its suffixes starts with it, so the filter's
-- buyers are one range of this index, read in order, no more (a filter
-- longer than 10 characters: the range of its first 10, then instr()).
-- Kept by triggers, as the trigrams were; gram_seq (018) numbers the
-- places.
CREATE TABLE IF NOT EXISTS buyer_suffixes (
	suffix		TEXT NOT NULL,
	buyer_id	INTEGER NOT NULL,
	PRIMARY KEY (suffix, buyer_id)
) WITHOUT ROWID;
INSERT OR IGNORE INTO buyer_suffixes(suffix, buyer_id) SELECT
    substr(b.name, q.n, 10), b.id FROM buyers b JOIN gram_seq q
    ON q.n <= length(b.name) - 2;
DROP TRIGGER IF EXISTS buyer_grams_ai;
DROP TRIGGER IF EXISTS buyer_grams_ad;
DROP TRIGGER IF EXISTS buyer_grams_au;
DROP TABLE IF EXISTS buyer_grams;
CREATE TRIGGER IF NOT EXISTS buyer_suffixes_ai AFTER INSERT ON buyers
BEGIN
	INSERT OR IGNORE INTO buyer_suffixes(suffix, buyer_id) SELECT
	    substr(new.name, n, 10), new.id FROM gram_seq
	    WHERE n <= length(new.name) - 2;
END;
CREATE TRIGGER IF NOT EXISTS buyer_suffixes_ad AFTER DELETE ON buyers
BEGIN
	DELETE FROM buyer_suffixes WHERE buyer_id = old.id AND suffix IN
	    (SELECT substr(old.name, n, 10) FROM gram_seq
	    WHERE n <= length(old.name) - 2);
END;
CREATE TRIGGER IF NOT EXISTS buyer_suffixes_au AFTER UPDATE OF name ON buyers
BEGIN
	DELETE FROM buyer_suffixes WHERE buyer_id = old.id AND suffix IN
	    (SELECT substr(old.name, n, 10) FROM gram_seq
	    WHERE n <= length(old.name) - 2);
	INSERT OR IGNORE INTO buyer_suffixes(suffix, buyer_id) SELECT
	    substr(new.name, n, 10), new.id FROM gram_seq
	    WHERE n <= length(new.name) - 2;
END;
