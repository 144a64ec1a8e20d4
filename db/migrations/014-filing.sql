-- 014-filing.sql: issue 13 item 1, the review, publicity and publication
-- of filed products (投档, 003 附件4 第九条..第十二条).
--
-- A filed product (products.status 'filed') gets one review row (pass, or
-- fail with a reason); the admin may review it again until the review is
-- publicised. filing.publicize takes every review not yet publicised into
-- one publicity (number GSyyyy-nnn, its period from..to); during that
-- period the product's maker may object (objection number YYyyyy-nnn);
-- the admin resolves each objection (upheld flips the review's result);
-- after the period, with no objection open, filing.publish sets each
-- product of the publicity to 'published' (pass) or 'failed' (fail).
-- Filing records are kept 5 years (第十二条): nothing deletes these rows
-- or a product, and the triggers below refuse a DELETE.
CREATE TABLE filing_publicities (
	id		INTEGER PRIMARY KEY,
	no		TEXT NOT NULL UNIQUE,
	year		INTEGER NOT NULL,
	seq		INTEGER NOT NULL,
	pub_from	TEXT NOT NULL,
	pub_to		TEXT NOT NULL,
	state		TEXT NOT NULL DEFAULT 'publicized'
			    CHECK (state IN ('publicized','published')),
	created_by	INTEGER NOT NULL REFERENCES users(id),
	created_at	TEXT NOT NULL,
	published_by	INTEGER REFERENCES users(id),
	published_at	TEXT,
	UNIQUE (year, seq)
);
CREATE TABLE filing_reviews (
	id		INTEGER PRIMARY KEY,
	product_id	INTEGER NOT NULL UNIQUE REFERENCES products(id),
	result		TEXT NOT NULL CHECK (result IN ('pass','fail')),
	reason		TEXT,
	reviewed_by	INTEGER NOT NULL REFERENCES users(id),
	reviewed_at	TEXT NOT NULL,
	publicity_id	INTEGER REFERENCES filing_publicities(id)
);
CREATE INDEX filing_reviews_publicity ON filing_reviews(publicity_id);
CREATE TABLE filing_objections (
	id		INTEGER PRIMARY KEY,
	no		TEXT NOT NULL UNIQUE,
	year		INTEGER NOT NULL,
	seq		INTEGER NOT NULL,
	product_id	INTEGER NOT NULL REFERENCES products(id),
	publicity_id	INTEGER NOT NULL REFERENCES filing_publicities(id),
	reason		TEXT NOT NULL,
	state		TEXT NOT NULL DEFAULT 'open'
			    CHECK (state IN ('open','upheld','dismissed')),
	note		TEXT,
	created_by	INTEGER NOT NULL REFERENCES users(id),
	created_at	TEXT NOT NULL,
	resolved_by	INTEGER REFERENCES users(id),
	resolved_at	TEXT,
	UNIQUE (year, seq)
);
CREATE INDEX filing_objections_publicity ON filing_objections(publicity_id);
CREATE TRIGGER filing_publicities_keep BEFORE DELETE ON filing_publicities
BEGIN SELECT RAISE(ABORT, '投档记录保存 5 年，不得删除'); END;
CREATE TRIGGER filing_reviews_keep BEFORE DELETE ON filing_reviews
BEGIN SELECT RAISE(ABORT, '投档记录保存 5 年，不得删除'); END;
CREATE TRIGGER filing_objections_keep BEFORE DELETE ON filing_objections
BEGIN SELECT RAISE(ABORT, '投档记录保存 5 年，不得删除'); END;
CREATE TRIGGER products_keep BEFORE DELETE ON products
BEGIN SELECT RAISE(ABORT, '投档记录保存 5 年，不得删除'); END;
