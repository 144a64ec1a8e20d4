#!/bin/sh
# lists-deep.sh: issue 15 item 1 through the real OpenSSH client. The
# county clerk's sales list of 3,000 sales (made by one INSERT ... SELECT
# each, not by actions) pages by seeking: End shows the oldest sales
# counted from the end, PgUp after End the rows a straight query puts
# before them, Home the newest again; a filter typed at depth starts at
# its first page, its rows in the straight query's order; F3 goes to the
# sale whose number is typed. One server, one session. (The paging of
# 100,000 rows and the plans: tests/unit/test-list-seek.c, test-plan.c.)
. "$(dirname "$0")/ssh-lib.inc"

q "INSERT INTO buyers(kind, name, idno_enc, idno_hash, idno_last4, township,
    created_at) WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1
    FROM k WHERE i < 300) SELECT 'person', CASE WHEN i % 10 = 0 THEN '张'
    ELSE '购机户' END || printf('%05d', i), x'00', CAST(printf('deep%d', i)
    AS BLOB), printf('%04d', i), '640122100', '2026-03-01' FROM k"
q "INSERT INTO machines(product_id, serial, dealer_id, state, supplied_at)
    WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE
    i < 3000) SELECT (SELECT min(id) FROM products), printf('T%06d', i),
    (SELECT min(id) FROM dealers), 'sold', '2026-03-01' FROM k"
q "INSERT INTO sales(year, county, dealer_id, machine_id, buyer_id, tier_id,
    price, sold_on, invoice_no, central, provincial, city, county_part,
    subsidy, state, entered_by, entered_at, no) SELECT 2026, '640122',
    m.dealer_id, m.id, (SELECT id FROM buyers WHERE idno_hash =
    CAST(printf('deep%d', 1 + m.id % 300) AS BLOB)), p.tier_id, 10000,
    '2026-03-02', 'INV' || m.serial, 2000, 0, 0, 0, 2000, 'paid',
    (SELECT id FROM users WHERE login = 'hl_sh'), '2026-03-02',
    'XS' || m.serial FROM machines m JOIN products p ON p.id = m.product_id
    WHERE m.serial GLOB 'T[0-9]*'"
SALES="FROM sales s JOIN machines m ON m.id = s.machine_id JOIN buyers b
    ON b.id = s.buyer_id WHERE s.county = '640122'"
same "3,000 sales in the county" 3000 "$(q "SELECT count(*) $SALES")"

serve_start || exit 1
login c hl_sh || { notok "the clerk logs in"; exit 1; }
menu_find c "销售与核验记录"
shows "the list opens at its first page" c "第 1-"
shows "... the newest sale first" c \
    "$(q "SELECT s.no $SALES ORDER BY s.id DESC LIMIT 1")"

# rows: the sales' numbers shown, top to bottom
rows() { screen c | sed 1,2d | grep -oE 'XST[0-9]{6}' | tr '\n' ' '; }
# want OFFSET N: the numbers of the straight query, oldest first
want() { q "SELECT group_concat(no, ' ') FROM (SELECT s.no $SALES
    ORDER BY s.id LIMIT $2 OFFSET $1)" | tr -d '\n'; }

tm send-keys -t c End
shows "End: the last page, counted from the end" c "倒数第"
R=$(screen c | sed -n 's/.*倒数第 \([0-9]*\)-1 条.*/\1/p' | head -1)
[ -n "$R" ] && [ "$R" -gt 5 ] || R=0
same "... the oldest $R sales, as the straight query" \
    "$(want 0 "$R" | awk '{for (i = NF; i > 0; i--) printf "%s ", $i}')" \
    "$(rows)"
tm send-keys -t c PPage
shows "PgUp after End: the page before" c "倒数第 $((2 * R))-$((R + 1)) 条"
same "... its rows, as the straight query" \
    "$(want "$R" "$R" | awk '{for (i = NF; i > 0; i--) printf "%s ", $i}')" \
    "$(rows)"
tm send-keys -t c Home
shows "Home: the newest again" c "第 1-$R 条"

# a filter typed at depth: its first page, in order
tm send-keys -t c NPage NPage NPage
shows "three pages down" c "第 $((3 * R + 1))-"
tm send-keys -t c "张0"
shows "a filter typed at depth starts at its first page" c "第 1-$R 条"
same "... its rows in the straight query's order (a name's prefix)" \
    "$(q "SELECT group_concat(no, ' ') FROM (SELECT s.no $SALES
    AND b.name LIKE '张0%' ORDER BY s.id DESC LIMIT $R)") " "$(rows)"
tm send-keys -t c NPage
shows "... and its second page" c "第 $((R + 1))-$((2 * R)) 条"
same "... in order too" \
    "$(q "SELECT group_concat(no, ' ') FROM (SELECT s.no $SALES
    AND b.name LIKE '张0%' ORDER BY s.id DESC LIMIT $R OFFSET $R)") " \
    "$(rows)"
# 3 characters or more: any part of the name
tm send-keys -t c C-u "户0012"
shows "a 4-character filter finds by any part of the name" c "第 1-"
same "... its rows in order" \
    "$(q "SELECT group_concat(no, ' ') FROM (SELECT s.no $SALES
    AND instr(b.name, '户0012') ORDER BY s.id DESC LIMIT $R)") " "$(rows)"

# F3: the sale whose number is typed, the filter cleared
tm send-keys -t c C-u "XST001500" F3
shows "F3 goes to the sale typed" c "> XST001500"
same "... the rows after it, unfiltered" "$(want 1497 3 | awk \
    '{for (i = NF; i > 0; i--) printf "%s ", $i}')" \
    "$(rows | cut -d' ' -f1-3) "
tm send-keys -t c C-u "XS0" F3
shows "F3 with no such number says so" c "没有编号为 XS0 的记录"

tm send-keys -t c F10
wait_screen c "主菜单" 5
sanitizer_clean
