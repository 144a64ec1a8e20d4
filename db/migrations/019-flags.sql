-- 019-flags.sql: issue 15, the anomaly check run on every sale and
-- verification (R-004-A4-5 anomaly.c, SQL_FLAG_PRICE_SUBSIDY): the
-- dealer's other sales of the year at the same price net of subsidy.
-- Without this index it walked all of the dealer's sales (the million-
-- sale bench: 70% of a sale.new, 97% of a verify.pass).
CREATE INDEX IF NOT EXISTS sales_dealer_net ON sales(dealer_id, year,
    price - subsidy);
-- The deadlines (the main menu's 到期提醒 line of every county and
-- finance clerk, SQL_DUE_ITEMS): sales awaiting verification, and those
-- verified and not yet in a batch, found by their state, not by a walk
-- of every sale's queue index.
CREATE INDEX IF NOT EXISTS sales_state ON sales(state, county);
