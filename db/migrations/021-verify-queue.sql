-- 021-verify-queue.sql: issue 15 item 1, the verification queue at any
-- size. Its page walked the sales by id from the oldest, testing each
-- (the planner's pick for ORDER BY id with a LIMIT): the queue's rows
-- are the newest sales, so a county's first page read nearly every sale
-- of the province before them. This index holds the queue's rows alone,
-- by county and id: the page is a seek into the county's queue.
CREATE INDEX IF NOT EXISTS sales_verify_queue ON sales(county, id)
    WHERE state IN ('recorded', 'claimed', 'failed') AND app_id IS NOT NULL;
