-- 011-region.sql: issue 10 item 3, regional limits (004 三(一), 附件3).
--
-- A catalogue row's limit (tiers.region_limit, its label as the catalogue
-- prints it: 限南部山区, 仅限卷管式 ...) is one of two kinds:
--   a region list (tiers.limit_regions: county or city codes, comma
--     separated): only applications, sales and claims of those counties
--     (or of the counties of those cities) get the subsidy;
--   a condition (a label with no region list): the county confirms on the
--     application or the claim that the machine meets it
--     (confirm_limit=1), recorded as application_lines.limit_confirmed.
ALTER TABLE tiers ADD COLUMN limit_regions TEXT NOT NULL DEFAULT '';
ALTER TABLE application_lines ADD COLUMN limit_confirmed INTEGER NOT NULL
    DEFAULT 0;

-- Issue 10 item 9: a second open application (draft, submitted or
-- approved, notice not used) of the same ID number for the same item is
-- flagged for the county (异常情形), never refused: application_flags
-- holds the flags of applications, as anomalies holds those of sales.
CREATE TABLE application_flags (
	id		INTEGER PRIMARY KEY,
	app_id		INTEGER NOT NULL REFERENCES applications(id),
	kind		TEXT NOT NULL,
	detail		TEXT NOT NULL,
	at		TEXT NOT NULL
);
CREATE INDEX application_flags_app ON application_flags(app_id);
