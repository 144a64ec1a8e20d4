-- schema.sql: version 1 of the njbt database, every record of SPEC
-- section 2. Later versions are db/migrations/NNN-*.sql, applied in order
-- under PRAGMA user_version by `njbt init`, each in one transaction.
--
-- Money is integer fen. Dates are 'YYYY-MM-DD' text, times
-- 'YYYY-MM-DD HH:MM:SS' (local). Private data (ID numbers, phones, bank
-- accounts) is stored three ways: *_enc (XChaCha20-Poly1305 under the key
-- file), *_hash (keyed BLAKE2b, for exact look-ups and duplicates) and
-- *_last4 (for masked display).

CREATE TABLE meta (
	k	TEXT PRIMARY KEY,
	v	TEXT NOT NULL
);

-- 行政区划: province, city, county (GB/T 2260), township, village
CREATE TABLE regions (
	code	TEXT PRIMARY KEY,
	name	TEXT NOT NULL,
	level	TEXT NOT NULL CHECK (level IN
		    ('province','city','county','township','village')),
	parent	TEXT REFERENCES regions(code)
);
CREATE INDEX regions_parent ON regions(parent);

-- 生产企业
CREATE TABLE makers (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL,
	uscc		TEXT NOT NULL UNIQUE,
	legal_rep	TEXT,
	address		TEXT,
	phone_enc	BLOB,
	phone_last4	TEXT,
	status		TEXT NOT NULL DEFAULT 'active' CHECK (status IN
			    ('active','suspended','blacklisted')),
	status_until	TEXT,
	created_at	TEXT NOT NULL
);

-- 经销商: registered by themselves, active once a maker picks them
CREATE TABLE dealers (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL,
	uscc		TEXT NOT NULL UNIQUE,
	legal_rep	TEXT NOT NULL,
	address		TEXT NOT NULL,
	phone_enc	BLOB,
	phone_last4	TEXT,
	status		TEXT NOT NULL DEFAULT 'pending' CHECK (status IN
			    ('pending','active','suspended','blacklisted')),
	status_until	TEXT,
	created_at	TEXT NOT NULL
);

CREATE TABLE maker_dealers (
	maker_id	INTEGER NOT NULL REFERENCES makers(id),
	dealer_id	INTEGER NOT NULL REFERENCES dealers(id),
	picked_at	TEXT NOT NULL,
	PRIMARY KEY (maker_id, dealer_id)
) WITHOUT ROWID;
CREATE INDEX maker_dealers_dealer ON maker_dealers(dealer_id);

-- Users: real-name (实名制), one role and one scope each
CREATE TABLE users (
	id		INTEGER PRIMARY KEY,
	login		TEXT NOT NULL UNIQUE,
	name		TEXT NOT NULL,
	role		TEXT NOT NULL CHECK (role IN ('admin','city','county',
			    'township','finance','maker','dealer','auditor',
			    'register')),
	region		TEXT REFERENCES regions(code),
	maker_id	INTEGER REFERENCES makers(id),
	dealer_id	INTEGER REFERENCES dealers(id),
	pwhash		TEXT,
	must_change	INTEGER NOT NULL DEFAULT 0,
	locked		INTEGER NOT NULL DEFAULT 0,
	locked_until	TEXT,
	colour		INTEGER NOT NULL DEFAULT 1,
	max_sessions	INTEGER NOT NULL DEFAULT 2,
	created_at	TEXT NOT NULL
);

CREATE TABLE user_keys (
	id		INTEGER PRIMARY KEY,
	user_id		INTEGER NOT NULL REFERENCES users(id),
	keytype		TEXT NOT NULL,
	keyblob		TEXT NOT NULL,
	comment		TEXT,
	fingerprint	TEXT NOT NULL,
	added_at	TEXT NOT NULL,
	UNIQUE (user_id, fingerprint)
);

CREATE TABLE login_failures (
	id		INTEGER PRIMARY KEY,
	user_id		INTEGER NOT NULL REFERENCES users(id),
	at		INTEGER NOT NULL,	-- unix time
	addr		TEXT
);
CREATE INDEX login_failures_user ON login_failures(user_id, at);

-- Live terminal sessions, for the per-user session limit.
CREATE TABLE sessions (
	pid		INTEGER PRIMARY KEY,
	user_id		INTEGER NOT NULL REFERENCES users(id),
	addr		TEXT,
	started_at	TEXT NOT NULL
);

-- Half-filled forms, kept as the cursor leaves each field.
CREATE TABLE drafts (
	user_id		INTEGER NOT NULL REFERENCES users(id),
	form		TEXT NOT NULL,
	data		TEXT NOT NULL,
	saved_at	TEXT NOT NULL,
	PRIMARY KEY (user_id, form)
) WITHOUT ROWID;

-- The year's programme (实施方案): flow, windows, shares, thresholds.
CREATE TABLE programs (
	year			INTEGER PRIMARY KEY,
	flow			TEXT NOT NULL DEFAULT 'quota-first'
				    CHECK (flow IN ('quota-first','buy-first')),
	notice_days		INTEGER NOT NULL DEFAULT 20,
	publicity_days		INTEGER NOT NULL DEFAULT 7,
	publicity_working_days	INTEGER NOT NULL DEFAULT 0,
	max_ratio_bp		INTEGER NOT NULL DEFAULT 3000,
	review_sample_bp	INTEGER NOT NULL DEFAULT 1000,
	finance_sample_bp	INTEGER NOT NULL DEFAULT 1000,
	key_threshold		INTEGER NOT NULL DEFAULT 1000000,
	ban_years		INTEGER NOT NULL DEFAULT 3,
	flag_buyer_units	INTEGER NOT NULL DEFAULT 3,
	flag_dealer_units	INTEGER NOT NULL DEFAULT 20,
	flag_dealer_days	INTEGER NOT NULL DEFAULT 7,
	flag_ratio_bp		INTEGER NOT NULL DEFAULT 3500,
	updated_at		TEXT NOT NULL
);

-- 补贴额一览表: class > subclass > item > tier, per year
CREATE TABLE catalog_classes (
	year	INTEGER NOT NULL,
	code	TEXT NOT NULL,
	name	TEXT NOT NULL,
	PRIMARY KEY (year, code)
) WITHOUT ROWID;

CREATE TABLE catalog_subclasses (
	year		INTEGER NOT NULL,
	code		TEXT NOT NULL,
	class_code	TEXT NOT NULL,
	name		TEXT NOT NULL,
	PRIMARY KEY (year, code),
	FOREIGN KEY (year, class_code) REFERENCES catalog_classes(year, code)
) WITHOUT ROWID;

CREATE TABLE catalog_items (
	year		INTEGER NOT NULL,
	code		TEXT NOT NULL,
	subclass_code	TEXT NOT NULL,
	name		TEXT NOT NULL,
	note		TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (year, code),
	FOREIGN KEY (year, subclass_code)
	    REFERENCES catalog_subclasses(year, code)
) WITHOUT ROWID;

CREATE TABLE tiers (
	id		INTEGER PRIMARY KEY,
	year		INTEGER NOT NULL,
	item_code	TEXT NOT NULL,
	code		TEXT NOT NULL,
	name		TEXT NOT NULL,
	params		TEXT NOT NULL DEFAULT '',
	central		INTEGER NOT NULL DEFAULT 0,
	provincial	INTEGER NOT NULL DEFAULT 0,
	city		INTEGER NOT NULL DEFAULT 0,
	county		INTEGER NOT NULL DEFAULT 0,
	cap		INTEGER NOT NULL DEFAULT 5000000,
	is_key		INTEGER NOT NULL DEFAULT 0,
	licensed	INTEGER NOT NULL DEFAULT 0,
	open_ended	INTEGER NOT NULL DEFAULT 0,
	three_in_one	INTEGER NOT NULL DEFAULT 0,
	region_limit	TEXT NOT NULL DEFAULT '',
	UNIQUE (year, item_code, code),
	FOREIGN KEY (year, item_code) REFERENCES catalog_items(year, code)
);

-- 累加补贴: +N% on an item, or for recognised service organisations
CREATE TABLE topups (
	id		INTEGER PRIMARY KEY,
	year		INTEGER NOT NULL,
	kind		TEXT NOT NULL CHECK (kind IN ('item','service_org')),
	item_code	TEXT,
	bp		INTEGER NOT NULL,
	note		TEXT NOT NULL DEFAULT ''
);

-- Products filed by makers (投档)
CREATE TABLE products (
	id		INTEGER PRIMARY KEY,
	maker_id	INTEGER NOT NULL REFERENCES makers(id),
	tier_id		INTEGER NOT NULL REFERENCES tiers(id),
	model		TEXT NOT NULL UNIQUE,
	name		TEXT NOT NULL,
	params		TEXT NOT NULL DEFAULT '',
	subsidy		INTEGER NOT NULL DEFAULT 0,	-- filed, fen
	cert_no		TEXT,
	cert_until	TEXT,
	powered		INTEGER NOT NULL DEFAULT 0,
	status		TEXT NOT NULL DEFAULT 'filed' CHECK (status IN
			    ('filed','published','failed','suspended')),
	reason		TEXT,
	created_at	TEXT NOT NULL
);
CREATE INDEX products_maker ON products(maker_id);

-- 销售机具设置: which dealer sells which product in which county
CREATE TABLE dealer_products (
	dealer_id	INTEGER NOT NULL REFERENCES dealers(id),
	product_id	INTEGER NOT NULL REFERENCES products(id),
	county		TEXT NOT NULL REFERENCES regions(code),
	set_at		TEXT NOT NULL,
	PRIMARY KEY (dealer_id, product_id, county)
) WITHOUT ROWID;

-- 机具: one row per physical unit
CREATE TABLE machines (
	id		INTEGER PRIMARY KEY,
	product_id	INTEGER NOT NULL REFERENCES products(id),
	serial		TEXT NOT NULL UNIQUE,
	engine_no	TEXT,
	shipment_no	TEXT,
	made_on		TEXT,
	dealer_id	INTEGER NOT NULL REFERENCES dealers(id),
	state		TEXT NOT NULL DEFAULT 'supplied' CHECK (state IN
			    ('supplied','returned','sold','verified','paid',
			     'refunded')),
	supplied_at	TEXT NOT NULL,
	returned_at	TEXT,
	return_reason	TEXT
);
CREATE UNIQUE INDEX machines_engine ON machines(engine_no)
    WHERE engine_no IS NOT NULL;
CREATE INDEX machines_dealer ON machines(dealer_id, state);

-- 购机者: a person or an organisation
CREATE TABLE buyers (
	id		INTEGER PRIMARY KEY,
	kind		TEXT NOT NULL CHECK (kind IN ('person','org')),
	name		TEXT NOT NULL,
	idno_enc	BLOB NOT NULL,
	idno_hash	BLOB NOT NULL UNIQUE,
	idno_last4	TEXT NOT NULL,
	gender		TEXT,
	legal_rep	TEXT,
	township	TEXT REFERENCES regions(code),
	village		TEXT,
	address		TEXT,
	phone_enc	BLOB,
	phone_last4	TEXT,
	bank_name	TEXT,
	account_enc	BLOB,
	account_hash	BLOB,
	account_last4	TEXT,
	service_org	INTEGER NOT NULL DEFAULT 0,
	banned_until	TEXT,
	created_at	TEXT NOT NULL
);

-- 补贴申请 and its lines
CREATE TABLE applications (
	id		INTEGER PRIMARY KEY,
	no		TEXT NOT NULL UNIQUE,
	year		INTEGER NOT NULL,
	flow		TEXT NOT NULL,
	county		TEXT NOT NULL REFERENCES regions(code),
	township	TEXT REFERENCES regions(code),
	buyer_id	INTEGER NOT NULL REFERENCES buyers(id),
	state		TEXT NOT NULL DEFAULT 'draft' CHECK (state IN
			    ('draft','submitted','approved','rejected',
			     'withdrawn','used','cancelled')),
	note		TEXT,
	reason		TEXT,
	entered_by	INTEGER NOT NULL REFERENCES users(id),
	entered_at	TEXT NOT NULL,
	submitted_by	INTEGER REFERENCES users(id),
	submitted_at	TEXT,
	decided_by	INTEGER REFERENCES users(id),
	decided_at	TEXT
);
CREATE INDEX applications_queue ON applications(county, state, year);
CREATE INDEX applications_buyer ON applications(buyer_id);

CREATE TABLE application_lines (
	id		INTEGER PRIMARY KEY,
	app_id		INTEGER NOT NULL REFERENCES applications(id),
	tier_id		INTEGER NOT NULL REFERENCES tiers(id),
	qty		INTEGER NOT NULL CHECK (qty > 0),
	used		INTEGER NOT NULL DEFAULT 0,
	central		INTEGER NOT NULL,	-- per unit, fen
	provincial	INTEGER NOT NULL,
	city		INTEGER NOT NULL,
	county		INTEGER NOT NULL
);
CREATE INDEX application_lines_app ON application_lines(app_id);

-- 指标确认通知书
CREATE TABLE notices (
	id		INTEGER PRIMARY KEY,
	no		TEXT NOT NULL UNIQUE,
	app_id		INTEGER NOT NULL UNIQUE REFERENCES applications(id),
	county_seq	INTEGER NOT NULL,
	province_seq	INTEGER NOT NULL,
	issued_on	TEXT NOT NULL,
	valid_from	TEXT NOT NULL,
	valid_to	TEXT NOT NULL,
	state		TEXT NOT NULL DEFAULT 'valid' CHECK (state IN
			    ('valid','used','returned','cancelled'))
);

-- 销售: one machine to one buyer; the subsidy is frozen here
CREATE TABLE sales (
	id		INTEGER PRIMARY KEY,
	year		INTEGER NOT NULL,
	county		TEXT NOT NULL REFERENCES regions(code),
	dealer_id	INTEGER NOT NULL REFERENCES dealers(id),
	machine_id	INTEGER NOT NULL REFERENCES machines(id),
	buyer_id	INTEGER NOT NULL REFERENCES buyers(id),
	app_id		INTEGER REFERENCES applications(id),
	line_id		INTEGER REFERENCES application_lines(id),
	notice_id	INTEGER REFERENCES notices(id),
	tier_id		INTEGER NOT NULL REFERENCES tiers(id),
	price		INTEGER NOT NULL,
	sold_on		TEXT NOT NULL,
	invoice_no	TEXT NOT NULL,
	licence_no	TEXT,
	photo		TEXT,
	central		INTEGER NOT NULL,
	provincial	INTEGER NOT NULL,
	city		INTEGER NOT NULL,
	county_part	INTEGER NOT NULL,
	subsidy		INTEGER NOT NULL,
	is_key		INTEGER NOT NULL DEFAULT 0,
	licensed	INTEGER NOT NULL DEFAULT 0,
	state		TEXT NOT NULL DEFAULT 'recorded' CHECK (state IN
			    ('recorded','claimed','verified','failed',
			     'batched','paid','cancelled','refunded')),
	flags		INTEGER NOT NULL DEFAULT 0,
	entered_by	INTEGER NOT NULL REFERENCES users(id),
	entered_at	TEXT NOT NULL,
	verified_at	TEXT,
	UNIQUE (dealer_id, invoice_no)
);
CREATE INDEX sales_queue ON sales(county, state, year);
CREATE INDEX sales_machine ON sales(machine_id);
CREATE INDEX sales_buyer ON sales(buyer_id, year);
CREATE INDEX sales_dealer ON sales(dealer_id, sold_on);
CREATE INDEX sales_notice ON sales(notice_id);

-- 核验/核实: every check of a sale; two onsite passes for a key machine
CREATE TABLE verifications (
	id		INTEGER PRIMARY KEY,
	sale_id		INTEGER NOT NULL REFERENCES sales(id),
	user_id		INTEGER NOT NULL REFERENCES users(id),
	at		TEXT NOT NULL,
	method		TEXT,
	result		TEXT NOT NULL CHECK (result IN ('pass','fail')),
	problems	TEXT
);
CREATE INDEX verifications_sale ON verifications(sale_id);

-- 异常情形: flags for the county, never a silent block
CREATE TABLE anomalies (
	id		INTEGER PRIMARY KEY,
	sale_id		INTEGER NOT NULL REFERENCES sales(id),
	kind		TEXT NOT NULL,
	detail		TEXT NOT NULL,
	at		TEXT NOT NULL
);
CREATE INDEX anomalies_sale ON anomalies(sale_id);

-- 结算批次 and what is in it
CREATE TABLE batches (
	id		INTEGER PRIMARY KEY,
	no		TEXT NOT NULL UNIQUE,
	county		TEXT NOT NULL REFERENCES regions(code),
	year		INTEGER NOT NULL,
	month		TEXT NOT NULL,
	seq		INTEGER NOT NULL,
	state		TEXT NOT NULL DEFAULT 'open' CHECK (state IN
			    ('open','publicized','submitted','approved','paid')),
	pub_from	TEXT,
	pub_to		TEXT,
	created_by	INTEGER NOT NULL REFERENCES users(id),
	created_at	TEXT NOT NULL,
	submitted_at	TEXT,
	approved_by	INTEGER REFERENCES users(id),
	approved_at	TEXT,
	paid_at		TEXT
);

CREATE TABLE batch_sales (
	batch_id	INTEGER NOT NULL REFERENCES batches(id),
	sale_id		INTEGER NOT NULL UNIQUE REFERENCES sales(id),
	PRIMARY KEY (batch_id, sale_id)
) WITHOUT ROWID;

-- 公示 objections
CREATE TABLE objections (
	id		INTEGER PRIMARY KEY,
	batch_id	INTEGER NOT NULL REFERENCES batches(id),
	sale_id		INTEGER NOT NULL REFERENCES sales(id),
	text		TEXT NOT NULL,
	by_user		INTEGER NOT NULL REFERENCES users(id),
	at		TEXT NOT NULL,
	resolution	TEXT,
	upheld		INTEGER,
	resolved_by	INTEGER REFERENCES users(id),
	resolved_at	TEXT
);
CREATE INDEX objections_sale ON objections(sale_id);

-- 复核
CREATE TABLE reviews (
	id		INTEGER PRIMARY KEY,
	batch_id	INTEGER NOT NULL REFERENCES batches(id),
	sale_id		INTEGER NOT NULL REFERENCES sales(id),
	required_why	TEXT NOT NULL,
	result		TEXT CHECK (result IN ('pass','fail')),
	opinion		TEXT,
	reviewer	INTEGER REFERENCES users(id),
	at		TEXT,
	UNIQUE (batch_id, sale_id)
);

-- 财政抽查: the sample (seed and list recorded) and each check
CREATE TABLE finance_samples (
	batch_id	INTEGER PRIMARY KEY REFERENCES batches(id),
	seed		INTEGER NOT NULL,
	ratio_bp	INTEGER NOT NULL,
	drawn		TEXT NOT NULL,
	by_user		INTEGER NOT NULL REFERENCES users(id),
	at		TEXT NOT NULL
);

CREATE TABLE finance_checks (
	id		INTEGER PRIMARY KEY,
	batch_id	INTEGER NOT NULL REFERENCES batches(id),
	sale_id		INTEGER NOT NULL REFERENCES sales(id),
	result		TEXT CHECK (result IN ('pass','fail')),
	note		TEXT,
	by_user		INTEGER REFERENCES users(id),
	at		TEXT,
	UNIQUE (batch_id, sale_id)
);

-- 支付: one payment per machine, marked 农机购置补贴
CREATE TABLE payments (
	id		INTEGER PRIMARY KEY,
	sale_id		INTEGER NOT NULL UNIQUE REFERENCES sales(id),
	batch_id	INTEGER NOT NULL REFERENCES batches(id),
	amount		INTEGER NOT NULL,
	central		INTEGER NOT NULL,
	provincial	INTEGER NOT NULL,
	memo		TEXT NOT NULL DEFAULT '农机购置补贴',
	paid_on		TEXT NOT NULL,
	ref		TEXT,
	by_user		INTEGER NOT NULL REFERENCES users(id),
	at		TEXT NOT NULL
);

-- 退货
CREATE TABLE returns (
	id		INTEGER PRIMARY KEY,
	sale_id		INTEGER NOT NULL UNIQUE REFERENCES sales(id),
	reason		TEXT NOT NULL,
	paid_before	INTEGER NOT NULL,
	state		TEXT NOT NULL CHECK (state IN
			    ('awaiting_refund','done')),
	refund		INTEGER,
	refunded_on	TEXT,
	by_user		INTEGER NOT NULL REFERENCES users(id),
	at		TEXT NOT NULL,
	refund_by	INTEGER REFERENCES users(id),
	done_at		TEXT
);

-- 资金计划: per year and county, central and provincial parts
CREATE TABLE budgets (
	year		INTEGER NOT NULL,
	region		TEXT NOT NULL REFERENCES regions(code),
	name		TEXT NOT NULL DEFAULT '',
	central		INTEGER NOT NULL DEFAULT 0,
	provincial	INTEGER NOT NULL DEFAULT 0,
	work_funds	INTEGER NOT NULL DEFAULT 0,
	committed_central	INTEGER NOT NULL DEFAULT 0,
	committed_provincial	INTEGER NOT NULL DEFAULT 0,
	paid_central	INTEGER NOT NULL DEFAULT 0,
	paid_provincial	INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (year, region)
) WITHOUT ROWID;

-- Public holidays and adjusted working days (调休) for publicity lengths
CREATE TABLE holidays (
	day		TEXT PRIMARY KEY,
	kind		TEXT NOT NULL CHECK (kind IN ('holiday','workday')),
	name		TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

-- 违规处理 and 黑名单
CREATE TABLE violations (
	id		INTEGER PRIMARY KEY,
	party		TEXT NOT NULL CHECK (party IN
			    ('maker','dealer','buyer','product')),
	party_id	INTEGER NOT NULL,
	level		TEXT NOT NULL CHECK (level IN
			    ('minor','serious','severe')),
	description	TEXT NOT NULL,
	penalty		TEXT NOT NULL,
	from_day	TEXT NOT NULL,
	until_day	TEXT,
	by_user		INTEGER NOT NULL REFERENCES users(id),
	at		TEXT NOT NULL
);

-- 投诉举报
CREATE TABLE complaints (
	id		INTEGER PRIMARY KEY,
	region		TEXT REFERENCES regions(code),
	subject		TEXT NOT NULL,
	text		TEXT NOT NULL,
	contact_enc	BLOB,
	state		TEXT NOT NULL DEFAULT 'open' CHECK (state IN
			    ('open','investigating','closed')),
	resolution	TEXT,
	by_user		INTEGER REFERENCES users(id),
	at		TEXT NOT NULL
);

-- The audit log, hash-chained: who, when, from where, what, which record.
CREATE TABLE audit (
	id		INTEGER PRIMARY KEY,
	at		TEXT NOT NULL,
	login		TEXT NOT NULL,
	addr		TEXT NOT NULL,
	action		TEXT NOT NULL,
	record		TEXT NOT NULL,
	detail		TEXT NOT NULL,
	prev		BLOB NOT NULL,
	hash		BLOB NOT NULL
);

-- The built-in login that only opens dealer registration (no password).
INSERT INTO users(login, name, role, created_at)
    VALUES ('register', '经销商注册', 'register',
    strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime'));
