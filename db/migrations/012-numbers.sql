-- 012-numbers.sql: issue 11 item 5, readable numbers.
--
-- Sales and payments carry numbers like applications (SQ...) and notices
-- (TZ...) do, instead of their row ids:
--   sales.no     XS<county><year><seq>: the sale's county and programme
--                year, seq 00001.. in the order of entry (action-sale.c)
--   payments.no  ZF<county><year><seq>: the county and year of the
--                payment's batch, seq in the order of payment
--                (action-finance.c)
-- Existing rows are numbered here in the order of their ids; the row ids
-- stay, and the actions still accept them (njbt do's contract).
ALTER TABLE sales ADD COLUMN no TEXT;
UPDATE sales SET no = x.n FROM (SELECT id, printf('XS%s%d%05d', county,
    year, row_number() OVER (PARTITION BY county, year ORDER BY id)) AS n
    FROM sales) AS x WHERE sales.id = x.id;
CREATE UNIQUE INDEX sales_no ON sales(no);

ALTER TABLE payments ADD COLUMN no TEXT;
UPDATE payments SET no = x.n FROM (SELECT p.id, printf('ZF%s%d%05d',
    b.county, b.year, row_number() OVER (PARTITION BY b.county, b.year
    ORDER BY p.id)) AS n FROM payments p JOIN batches b ON b.id =
    p.batch_id) AS x WHERE payments.id = x.id;
CREATE UNIQUE INDEX payments_no ON payments(no);
