-- sqlite_stat1 of the million-sale database (bench/million.h, migration 019),
-- as a province's would read after an ANALYZE: tests/unit/test-plan.c plans
-- every list and printer with these statistics. Where the synthetic data
-- is not a province's, the rows are a province's: its machines and sales
-- are spread over 500 dealers (million.h sells at two), and its audit log
-- has 3,000,000 rows (the ANALYZE ran before the audit rows were made).
INSERT INTO sqlite_stat1 VALUES('application_lines', 'application_lines_app', '1003003 1');
INSERT INTO sqlite_stat1 VALUES('applications', 'applications_buyer', '1003003 1');
INSERT INTO sqlite_stat1 VALUES('applications', 'applications_queue', '1003003 45592 22796 1');
INSERT INTO sqlite_stat1 VALUES('applications', 'sqlite_autoindex_applications_1', '1003003 1');
INSERT INTO sqlite_stat1 VALUES('audit', 'audit_action', '3000000 60000');
INSERT INTO sqlite_stat1 VALUES('audit', 'audit_at', '3000000 2');
INSERT INTO sqlite_stat1 VALUES('audit', 'audit_login', '3000000 3000');
INSERT INTO sqlite_stat1 VALUES('audit', 'audit_record', '3000000 3');
INSERT INTO sqlite_stat1 VALUES('budgets', 'budgets', '24 24 1');
INSERT INTO sqlite_stat1 VALUES('buyer_suffixes', 'buyer_suffixes', '7990331 3 1');
INSERT INTO sqlite_stat1 VALUES('buyers', 'buyers_idno_last4', '1000000 100');
INSERT INTO sqlite_stat1 VALUES('buyers', 'buyers_name', '1000000 1');
INSERT INTO sqlite_stat1 VALUES('buyers', 'sqlite_autoindex_buyers_1', '1000000 1');
INSERT INTO sqlite_stat1 VALUES('catalog_classes', 'catalog_classes', '11 11 1');
INSERT INTO sqlite_stat1 VALUES('catalog_items', 'catalog_items', '94 94 1');
INSERT INTO sqlite_stat1 VALUES('catalog_subclasses', 'catalog_subclasses', '31 31 1');
INSERT INTO sqlite_stat1 VALUES('dealer_products', 'dealer_products', '15 8 3 1');
INSERT INTO sqlite_stat1 VALUES('dealers', 'sqlite_autoindex_dealers_1', '2 1');
INSERT INTO sqlite_stat1 VALUES('filing_publicities', 'sqlite_autoindex_filing_publicities_1', '1 1');
INSERT INTO sqlite_stat1 VALUES('filing_publicities', 'sqlite_autoindex_filing_publicities_2', '1 1 1');
INSERT INTO sqlite_stat1 VALUES('filing_reviews', 'filing_reviews_publicity', '5 5');
INSERT INTO sqlite_stat1 VALUES('filing_reviews', 'sqlite_autoindex_filing_reviews_1', '5 1');
INSERT INTO sqlite_stat1 VALUES('gram_seq', NULL, '200');
INSERT INTO sqlite_stat1 VALUES('machines', 'machines_dealer', '1000024 2000 400');
INSERT INTO sqlite_stat1 VALUES('machines', 'machines_engine', '1000024 1');
INSERT INTO sqlite_stat1 VALUES('machines', 'machines_engine_norm', '1000024 1');
INSERT INTO sqlite_stat1 VALUES('machines', 'sqlite_autoindex_machines_1', '1000024 1');
INSERT INTO sqlite_stat1 VALUES('maker_dealers', 'maker_dealers', '2 2 1');
INSERT INTO sqlite_stat1 VALUES('maker_dealers', 'maker_dealers_dealer', '2 1');
INSERT INTO sqlite_stat1 VALUES('makers', 'sqlite_autoindex_makers_1', '1 1');
INSERT INTO sqlite_stat1 VALUES('meta', 'sqlite_autoindex_meta_1', '2 1');
INSERT INTO sqlite_stat1 VALUES('notices', 'notices_app', '1000000 1');
INSERT INTO sqlite_stat1 VALUES('notices', 'sqlite_autoindex_notices_1', '1000000 1');
INSERT INTO sqlite_stat1 VALUES('notices', 'sqlite_autoindex_notices_2', '1000000 1');
INSERT INTO sqlite_stat1 VALUES('products', 'products_maker', '5 5');
INSERT INTO sqlite_stat1 VALUES('products', 'sqlite_autoindex_products_1', '5 1');
INSERT INTO sqlite_stat1 VALUES('programs', NULL, '1');
INSERT INTO sqlite_stat1 VALUES('regions', 'regions_parent', '94 3');
INSERT INTO sqlite_stat1 VALUES('regions', 'sqlite_autoindex_regions_1', '94 1');
INSERT INTO sqlite_stat1 VALUES('row_macs', 'row_macs', '4006129 267076 1');
INSERT INTO sqlite_stat1 VALUES('sales', 'sales_buyer', '1000000 1 1');
INSERT INTO sqlite_stat1 VALUES('sales', 'sales_county_id', '1000000 45455 1');
INSERT INTO sqlite_stat1 VALUES('sales', 'sales_dealer_burst', '1000000 2000 2000 2000');
INSERT INTO sqlite_stat1 VALUES('sales', 'sales_dealer_id', '1000000 2000 1');
INSERT INTO sqlite_stat1 VALUES('sales', 'sales_dealer_net_price', '1000000 2000 2000 20 10');
INSERT INTO sqlite_stat1 VALUES('sales', 'sales_machine', '1000000 1');
INSERT INTO sqlite_stat1 VALUES('sales', 'sales_no', '1000000 1000000');
INSERT INTO sqlite_stat1 VALUES('sales', 'sales_notice', '1000000 1');
INSERT INTO sqlite_stat1 VALUES('sales', 'sales_queue', '1000000 45455 11364 1');
INSERT INTO sqlite_stat1 VALUES('sales', 'sales_state', '1000000 250000 11364');
INSERT INTO sqlite_stat1 VALUES('sales', 'sales_verify_queue', '20000 909 1');
INSERT INTO sqlite_stat1 VALUES('sales', 'sqlite_autoindex_sales_1', '1000000 1000000 1');
INSERT INTO sqlite_stat1 VALUES('tiers', 'sqlite_autoindex_tiers_1', '61 61 2 1');
INSERT INTO sqlite_stat1 VALUES('topups', NULL, '7');
INSERT INTO sqlite_stat1 VALUES('users', 'sqlite_autoindex_users_1', '15 1');
