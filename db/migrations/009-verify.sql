-- 009-verify.sql: issue 10 items 5, 6 and 7.
--
-- programs.video_max: the year's video-check threshold (fen): a video
--   check (视频远程核验) only for a machine whose subsidy is below it
--   (002 三: 补贴额小于2000元的非安装类小型机具), default 2,000 yuan.
-- programs.verify_mode: how every check is made by two people (002 附件3
--   二(三), 003 附件3 第七条): 'pair' 双人交叉核验 (a second verifier is
--   named on the pass) or 'review' 个人核验 + 单位内部集体会审 (the pass
--   names the recorded collective review).
-- tiers.installed: installed equipment (设施安装类机具), never checked by
--   video; set from the catalogue's column "installed", else for the tiers
--   of a class whose name holds 设施 (设施农业设备).
-- verification_checks: the checklist of a verification, item by item.
-- verifications.partner, verifications.review_no: the second verifier,
--   the collective review.
-- return_confirms: finance's confirmation that nothing was paid on a sale
--   of a batch it holds (004 附件5 一, second case), before the county's
--   return.

ALTER TABLE programs ADD COLUMN video_max INTEGER NOT NULL DEFAULT 200000;
ALTER TABLE programs ADD COLUMN verify_mode TEXT NOT NULL DEFAULT 'pair'
    CHECK (verify_mode IN ('pair','review'));

ALTER TABLE tiers ADD COLUMN installed INTEGER NOT NULL DEFAULT 0;
UPDATE tiers SET installed = 1 WHERE EXISTS (SELECT 1 FROM catalog_items i
    JOIN catalog_subclasses s ON s.year = i.year AND s.code = i.subclass_code
    JOIN catalog_classes c ON c.year = s.year AND c.code = s.class_code
    WHERE i.year = tiers.year AND i.code = tiers.item_code
    AND instr(c.name, '设施') > 0);

CREATE TABLE verification_checks (
	verification_id	INTEGER NOT NULL REFERENCES verifications(id),
	item		TEXT NOT NULL,
	result		INTEGER NOT NULL CHECK (result IN (0, 1)),
	PRIMARY KEY (verification_id, item)
) WITHOUT ROWID;

ALTER TABLE verifications ADD COLUMN partner INTEGER REFERENCES users(id);
ALTER TABLE verifications ADD COLUMN review_no TEXT;

CREATE TABLE return_confirms (
	id		INTEGER PRIMARY KEY,
	sale_id		INTEGER NOT NULL REFERENCES sales(id),
	batch_id	INTEGER NOT NULL REFERENCES batches(id),
	note		TEXT,
	by_user		INTEGER NOT NULL REFERENCES users(id),
	at		TEXT NOT NULL
);
CREATE INDEX return_confirms_sale ON return_confirms(sale_id);
