-- 002-journey.sql: what the buyer's journey needs beyond version 1:
-- normalised engine numbers (to flag near-duplicates), the checklist of a
-- verification, and queue indexes ordered by record id so that a county's
-- queues answer a page at once with a million sales.

ALTER TABLE machines ADD COLUMN engine_norm TEXT;
UPDATE machines SET engine_norm = upper(replace(replace(replace(replace(
    engine_no, '-', ''), ' ', ''), '.', ''), '/', ''))
    WHERE engine_no IS NOT NULL;
CREATE INDEX machines_engine_norm ON machines(engine_norm)
    WHERE engine_norm IS NOT NULL;

ALTER TABLE verifications ADD COLUMN checks TEXT;
ALTER TABLE sales ADD COLUMN claimed_at TEXT;

DROP INDEX sales_queue;
CREATE INDEX sales_queue ON sales(county, state, id);
DROP INDEX applications_queue;
CREATE INDEX applications_queue ON applications(county, state, id);
CREATE INDEX notices_app ON notices(app_id);
CREATE INDEX anomalies_kind ON anomalies(kind);

-- the catalogue's own order (1.1.2 before 1.1.10 and 2 before 10)
ALTER TABLE catalog_items ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
