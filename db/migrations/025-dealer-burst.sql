-- 025-dealer-burst.sql: issue 15, the burst check run on every sale and
-- verification (R-002-A2-10.5b, anomaly.c, SQL_FLAG_DEALER_BURST): how
-- many sales has the dealer made in the last days, cancelled and
-- refunded ones aside? The schema's sales_dealer (dealer, sold_on) found
-- them, then read each sale's row for its state: a dealer's busy week
-- (the peak-day bench: one dealer's 20,000 sales of a day) read as many
-- rows per sale. With the state in the index the count reads the index
-- alone.
CREATE INDEX IF NOT EXISTS sales_dealer_burst ON sales(dealer_id, sold_on,
    state);
DROP INDEX IF EXISTS sales_dealer;
