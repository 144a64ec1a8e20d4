-- 023-dealer-net-price.sql: issue 15, the price check run on every sale
-- and verification (R-003-A2-7.1.4, anomaly.c, SQL_FLAG_PRICE_SUBSIDY):
-- is there a sale of the dealer's, of the year, at the same price net of
-- subsidy but at another price? Migration 019's index found the sales at
-- that net price, then read each for its price; a dealer who sells a
-- model at its list price has all of them at one net price and one
-- price, and each new sale read them all (a dealer with the million-sale
-- bench's sales: 1,000,000 rows, half a second, per sale.new and per
-- verify.pass). With the price in the index the check seeks the prices
-- below the sale's and those above it: the sales that differ, no other.
CREATE INDEX IF NOT EXISTS sales_dealer_net_price ON sales(dealer_id, year,
    price - subsidy, price);
DROP INDEX IF EXISTS sales_dealer_net;
