-- 013-photo.sql: issue 12 item 4, photos on records.
--
-- A photo's bytes are never in the database: the file is stored once by
-- its content's SHA-256 under the data directory (store-photo.c,
--   <directory of the database>/photos/<first 2 hex>/<64 hex>)
-- and each row links one photo to one record:
--   record  sale (the dealer's 人机合照), verification (the county's
--           人机合照 or nameplate; key: the sale), product (the maker's
--           front, side, back, nameplate)
--   what    person 人机合照, plate 铭牌, front 正面, side 侧面, back 背面
--   type    jpeg or png, as the content's first bytes say
-- programs.photo_required: a sale's verification is completed only with a
-- 人机合照 on it (action-verify.c).
CREATE TABLE photos (
	id		INTEGER PRIMARY KEY,
	hash		TEXT NOT NULL CHECK (length(hash) = 64),
	size		INTEGER NOT NULL CHECK (size > 0),
	type		TEXT NOT NULL CHECK (type IN ('jpeg','png')),
	what		TEXT NOT NULL
			    CHECK (what IN ('person','plate','front','side',
			    'back')),
	record		TEXT NOT NULL
			    CHECK (record IN ('sale','verification','product')),
	record_key	TEXT NOT NULL,
	name		TEXT NOT NULL,
	user_id		INTEGER NOT NULL REFERENCES users(id),
	created_at	TEXT NOT NULL
);
CREATE INDEX photos_record ON photos(record, record_key);
CREATE INDEX photos_hash ON photos(hash);
ALTER TABLE programs ADD COLUMN photo_required INTEGER NOT NULL DEFAULT 0;
