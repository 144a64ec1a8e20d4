/*
 * test-action-photo.c: photos on records (issue 12 item 4): photo.attach
 * from the user's own /inbox, checked by content and size, kept once by
 * content hash beside the database, listed in the record view, counted
 * and re-hashed by the check; verify.pass with photo=NAME, and refused
 * without a 人机合照 when the year's programme requires one.
 *
 * Demo facts used: fs_dealer's XG26A001-006 (1GQN-200), js_dealer (the
 * other dealer), ss_maker's model 1GQN-200, clerks xg_zhen (township of
 * 640122), hl_jb, hl_sh (640122), yn_jb (640121), admin.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <limits.h>
#include <sys/stat.h>

#include "fixture.h"
#include "record.h"

#define ID_A	"640122198001011238"
#define ID_B	"640122197512034568"

#define ALL_OK	"check_identity=1", "check_invoice=1", "check_nameplate=1", \
		"check_dealer=1", "check_licence=1", "check_account=1", \
		"check_promise=1"

static const unsigned char jpeg_a[] = { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10,
    'J', 'F', 'I', 'F', 0, 1, 'a' };
static const unsigned char png_b[] = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A,
    0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 'b' };

/* --- helpers ------------------------------------------------------------ */

/* The inbox path of name for login (box_dir's layout) into buf. */
static void
inbox(char *buf, size_t len, const char *login, const char *name)
{
	char dir[PATH_MAX];

	assert_int_equal(box_dir("inbox", login, dir, sizeof dir), 0);
	snprintf(buf, len, "%s/%s", dir, name);
}

/* Put n bytes at p into login's inbox as name (as an SFTP upload). */
static void
upload(const char *login, const char *name, const void *p, size_t n)
{
	char	path[PATH_MAX];
	FILE	*f;

	inbox(path, sizeof path, login, name);
	assert_non_null(f = fopen(path, "wb"));
	assert_int_equal(fwrite(p, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

static int
in_inbox(const char *login, const char *name)
{
	char path[PATH_MAX];

	inbox(path, sizeof path, login, name);
	return access(path, F_OK) == 0;
}

/*
 * A quota-first sale of serial by fs_dealer to the person id in 640122,
 * ready to check; its id into sale.
 */
static void
sold_to(char *sale, const char *id, const char *serial)
{
	char no[NJ_KEY_MAX], notice[NJ_KEY_MAX], inv[64];

	fx_ok("xg_zhen", "application.new", "buyer_type=person",
	    kv("buyer_name", strcmp(id, ID_A) == 0 ? "张三" : "李四"),
	    kv("id_no", id), "township=640122100",
	    "item=1.1.3", "tier=03", "qty=1", "bank_name=黄河农村商业银行",
	    "bank_account=6228480402564890018", NULL);
	snprintf(no, sizeof no, "%s", fx_key);
	fx_ok("xg_zhen", "application.submit", kv("application", no), NULL);
	fx_ok("hl_sh", "application.approve", kv("application", no), NULL);
	snprintf(notice, sizeof notice, "%s", fx_key);
	snprintf(inv, sizeof inv, "FP-%s", serial);
	fx_ok("fs_dealer", "sale.new", kv("notice", notice), kv("id_no", id),
	    kv("serial", serial), "price=12000", "sold_on=2026-03-02",
	    kv("invoice_no", inv), NULL);
	snprintf(sale, NJ_KEY_MAX, "%s", fx_key);
}

static void
sold(char *sale)
{
	sold_to(sale, ID_A, "XG26A001");
}

/* The stored file of the photo rows' one hash into path. */
static void
stored(char *path, size_t len)
{
	char hash[80], dir[PATH_MAX];

	q_text(hash, sizeof hash, "SELECT hash FROM photos ORDER BY id DESC "
	    "LIMIT 1", NULL);
	snprintf(dir, sizeof dir, "%s", fx_path);
	*strrchr(dir, '/') = '\0';
	snprintf(path, len, "%s/photos/%.2s/%s", dir, hash, hash);
}

/* --- photo.attach -------------------------------------------------------- */

/*
 * R-004-A4-2c 004 附件4 二: the dealer attaches the 人机合照 to its sale:
 * one row, the file kept by hash (0600), the upload gone from the inbox,
 * one audit row, and the sale's view lists it.
 */
static void
attach_ok(void **state)
{
	char		 sale[NJ_KEY_MAX], path[PATH_MAX], msg[NJ_MSG_MAX];
	struct actor	 who;
	struct record	 r;
	struct stat	 sb;

	(void)state;
	sold(sale);
	upload("fs_dealer", "a.jpg", jpeg_a, sizeof jpeg_a);
	fx_ok("fs_dealer", "photo.attach", kv("sale", sale), "photo=a.jpg",
	    "what=person", NULL);
	assert_string_equal(fx_key, sale);
	assert_int_equal(fx_int("SELECT count(*) FROM photos p JOIN users u "
	    "ON u.id = p.user_id WHERE p.record = 'sale' AND p.record_key = "
	    "?1 AND p.what = 'person' AND p.type = 'jpeg' AND p.size = 13 AND "
	    "p.name = 'a.jpg' AND u.login = 'fs_dealer'", sale, NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'photo.attach' AND record = ?1", sale, NULL), 1);
	stored(path, sizeof path);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_size, (off_t)sizeof jpeg_a);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_false(in_inbox("fs_dealer", "a.jpg"));

	assert_int_equal(actor_load("fs_dealer", &who, msg, sizeof msg), 0);
	assert_int_equal(record_open(&who, "sale", sale, &r, msg, sizeof msg),
	    NJ_OK);
	assert_int_equal(r.nphotos, 1);
	assert_non_null(strstr(r.photos[0], "人机合照"));
	assert_non_null(strstr(r.photos[0], "a.jpg"));
	assert_non_null(strstr(r.photos[0], "13 字节"));
	assert_non_null(strstr(r.photos[0], "fs_dealer"));
	record_free(&r);
}

/* Issue 12 Bad input: a file named a.jpg that is not a JPEG. */
static void
not_a_jpeg_refused(void **state)
{
	char sale[NJ_KEY_MAX];

	(void)state;
	sold(sale);
	upload("fs_dealer", "a.jpg", "hello, not a photo", 18);
	fx_refused("不是 JPEG 或 PNG", "fs_dealer", "photo.attach",
	    kv("sale", sale), "photo=a.jpg", "what=person", NULL);
	/* a PNG named .jpg is a photo all the same: content, not name */
	upload("fs_dealer", "b.jpg", png_b, sizeof png_b);
	fx_ok("fs_dealer", "photo.attach", kv("sale", sale), "photo=b.jpg",
	    "what=person", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM photos WHERE type = "
	    "'png'", NULL), 1);
	assert_true(in_inbox("fs_dealer", "a.jpg"));
}

/* A photo over the size limit (and an empty file) is refused. */
static void
too_big_refused(void **state)
{
	char	sale[NJ_KEY_MAX], path[PATH_MAX];
	FILE	*f;

	(void)state;
	sold(sale);
	inbox(path, sizeof path, "fs_dealer", "big.jpg");
	assert_non_null(f = fopen(path, "wb"));
	assert_int_equal(fwrite(jpeg_a, 1, sizeof jpeg_a, f), sizeof jpeg_a);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(truncate(path, PHOTO_MAX + 1), 0);
	fx_refused("大小", "fs_dealer", "photo.attach", kv("sale", sale),
	    "photo=big.jpg", "what=person", NULL);
	upload("fs_dealer", "empty.jpg", "", 0);
	fx_refused("大小", "fs_dealer", "photo.attach", kv("sale", sale),
	    "photo=empty.jpg", "what=person", NULL);
}

/*
 * Issue 12 Bad input: a photo attached to another dealer's sale is
 * refused as an unknown sale, nothing written; nor may a dealer attach a
 * nameplate (the county's), nor a clerk of another county.
 */
static void
other_dealers_sale_refused(void **state)
{
	char sale[NJ_KEY_MAX];

	(void)state;
	sold(sale);
	upload("js_dealer", "a.jpg", jpeg_a, sizeof jpeg_a);
	fx_refused("不是本经销商的销售", "js_dealer", "photo.attach",
	    kv("sale", sale), "photo=a.jpg", "what=person", NULL);
	assert_true(in_inbox("js_dealer", "a.jpg"));
	upload("fs_dealer", "a.jpg", jpeg_a, sizeof jpeg_a);
	fx_refused("不能添加“铭牌”", "fs_dealer", "photo.attach",
	    kv("sale", sale), "photo=a.jpg", "what=plate", NULL);
	upload("yn_jb", "a.jpg", jpeg_a, sizeof jpeg_a);
	fx_refused("", "yn_jb", "photo.attach", kv("sale", sale),
	    "photo=a.jpg", "what=plate", NULL);
	assert_true(in_inbox("yn_jb", "a.jpg"));
	/* the county of the sale may: R-004-A4-3c 004 附件4 三 */
	upload("hl_jb", "p.jpg", jpeg_a, sizeof jpeg_a);
	fx_ok("hl_jb", "photo.attach", kv("sale", sale), "photo=p.jpg",
	    "what=plate", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM photos WHERE record = "
	    "'verification' AND what = 'plate'", NULL), 1);
}

/*
 * The name is a plain name in the user's own inbox: no "..", no
 * directory, no absolute path, no hidden file, no link out of it.
 */
static void
path_escape_refused(void **state)
{
	char sale[NJ_KEY_MAX], path[PATH_MAX], other[PATH_MAX];

	(void)state;
	sold(sale);
	upload("js_dealer", "x.jpg", jpeg_a, sizeof jpeg_a);
	fx_refused("不能含目录", "fs_dealer", "photo.attach", kv("sale", sale),
	    "photo=../js_dealer/x.jpg", "what=person", NULL);
	fx_refused("不能含目录", "fs_dealer", "photo.attach", kv("sale", sale),
	    "photo=/etc/passwd", "what=person", NULL);
	fx_refused("不能含目录", "fs_dealer", "photo.attach", kv("sale", sale),
	    "photo=..", "what=person", NULL);
	upload("fs_dealer", ".part.jpg", jpeg_a, sizeof jpeg_a);
	fx_refused("不能含目录", "fs_dealer", "photo.attach", kv("sale", sale),
	    "photo=.part.jpg", "what=person", NULL);
	/* a symbolic link in the inbox to another user's upload */
	inbox(other, sizeof other, "js_dealer", "x.jpg");
	inbox(path, sizeof path, "fs_dealer", "link.jpg");
	unlink(path);
	assert_int_equal(symlink(other, path), 0);
	fx_refused("不是可读取的普通文件", "fs_dealer", "photo.attach",
	    kv("sale", sale), "photo=link.jpg", "what=person", NULL);
	/* a hard link in the inbox to another user's upload */
	inbox(path, sizeof path, "fs_dealer", "hard.jpg");
	unlink(path);
	assert_int_equal(link(other, path), 0);
	fx_refused("不是普通文件", "fs_dealer", "photo.attach",
	    kv("sale", sale), "photo=hard.jpg", "what=person", NULL);
	unlink(path);
	/* a directory and a fifo named as photos */
	inbox(path, sizeof path, "fs_dealer", "dir.jpg");
	mkdir(path, 0700);
	fx_refused("不是普通文件", "fs_dealer", "photo.attach",
	    kv("sale", sale), "photo=dir.jpg", "what=person", NULL);
	inbox(path, sizeof path, "fs_dealer", "fifo.jpg");
	unlink(path);
	assert_int_equal(mkfifo(path, 0600), 0);
	fx_refused("不是普通文件", "fs_dealer", "photo.attach",
	    kv("sale", sale), "photo=fifo.jpg", "what=person", NULL);
	fx_refused("没有文件", "fs_dealer", "photo.attach", kv("sale", sale),
	    "photo=none.jpg", "what=person", NULL);
	assert_true(in_inbox("js_dealer", "x.jpg"));
}

/*
 * The same content attached twice is stored once; the check counts both
 * rows and reports the file changed, then missing.
 */
static void
same_content_stored_once(void **state)
{
	char	s1[NJ_KEY_MAX], s2[NJ_KEY_MAX], path[PATH_MAX], detail[512];
	int64_t	rows;
	FILE	*f;

	(void)state;
	sold_to(s1, ID_A, "XG26A001");
	sold_to(s2, ID_B, "XG26A002");
	upload("fs_dealer", "a.jpg", jpeg_a, sizeof jpeg_a);
	fx_ok("fs_dealer", "photo.attach", kv("sale", s1), "photo=a.jpg",
	    "what=person", NULL);
	upload("fs_dealer", "again.jpg", jpeg_a, sizeof jpeg_a);
	fx_ok("fs_dealer", "photo.attach", kv("sale", s2), "photo=again.jpg",
	    "what=person", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM photos", NULL), 2);
	assert_int_equal(fx_int("SELECT count(DISTINCT hash) FROM photos",
	    NULL), 1);
	assert_int_equal(photo_verify(&rows, detail, sizeof detail), 0);
	assert_int_equal(rows, 2);

	stored(path, sizeof path);
	assert_non_null(f = fopen(path, "r+b"));
	assert_int_equal(fputc('X', f), 'X');
	assert_int_equal(fclose(f), 0);
	assert_int_equal(photo_verify(&rows, detail, sizeof detail), 1);
	assert_non_null(strstr(detail, "1 个已被改动"));
	assert_int_equal(unlink(path), 0);
	assert_int_equal(photo_verify(&rows, detail, sizeof detail), 1);
	assert_non_null(strstr(detail, "1 个照片文件缺失"));
}

/* R-003-A4-8.3 003 附件4 第八条(三): the maker's product photos. */
static void
product_photos_by_maker(void **state)
{
	char		 uscc[20], msg[NJ_MSG_MAX];
	struct actor	 who;
	struct record	 r;

	(void)state;
	upload("ss_maker", "front.png", png_b, sizeof png_b);
	fx_refused("不能添加“人机合照”", "ss_maker", "photo.attach",
	    "product=1GQN-200", "photo=front.png", "what=person", NULL);
	fx_ok("ss_maker", "photo.attach", "product=1GQN-200",
	    "photo=front.png", "what=front", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM photos WHERE record = "
	    "'product' AND record_key = '1GQN-200' AND what = 'front'",
	    NULL), 1);
	/* the product's view lists it, for the county too */
	assert_int_equal(actor_load("hl_jb", &who, msg, sizeof msg), 0);
	assert_int_equal(record_open(&who, "product", "1GQN-200", &r, msg,
	    sizeof msg), NJ_OK);
	assert_int_equal(r.nphotos, 1);
	assert_non_null(strstr(r.photos[0], "正面（产品） front.png"));
	assert_non_null(strstr(r.photos[0], "ss_maker"));
	record_free(&r);
	upload("fs_dealer", "p.png", png_b, sizeof png_b);
	fx_refused("请填写销售编号", "fs_dealer", "photo.attach",
	    "product=1GQN-200", "photo=p.png", "what=front", NULL);
	/* another maker may not dress up ss_maker's product */
	make_uscc(uscc, "91", "640100", 4242);
	fx_ok("admin", "maker.add", "name=宁夏测试机械厂", kv("uscc", uscc),
	    "login=cs_maker", "password=maker-pass", "legal_rep=张三",
	    "address=银川市", "phone=13995011234", NULL);
	upload("cs_maker", "side.png", png_b, sizeof png_b);
	fx_refused("不是本企业投档的产品", "cs_maker", "photo.attach",
	    "product=1GQN-200", "photo=side.png", "what=side", NULL);
	assert_true(in_inbox("cs_maker", "side.png"));
}

/*
 * R-004-A4-3c 004 附件4 三 拍摄人机合影: a year that requires it completes
 * no check without a 人机合照; photo=NAME on the pass gives one.
 */
static void
verify_pass_needs_photo(void **state)
{
	char sale[NJ_KEY_MAX];

	(void)state;
	sold(sale);
	fx_ok("admin", "program.set", "year=2026", "photo_required=1", NULL);
	fx_refused("人机合照", "hl_jb", "verify.pass", kv("sale", sale),
	    "method=office", ALL_OK, "partner=hl_sh", NULL);
	upload("hl_jb", "check.jpg", jpeg_a, sizeof jpeg_a);
	fx_ok("hl_jb", "verify.pass", kv("sale", sale), "method=office",
	    ALL_OK, "partner=hl_sh", "photo=check.jpg", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM photos WHERE record = "
	    "'verification' AND record_key = ?1 AND what = 'person'", sale,
	    NULL), 1);
	assert_false(in_inbox("hl_jb", "check.jpg"));
}

/* The dealer's 人机合照 of the sale serves the check too; off: none. */
static void
verify_pass_with_dealers_photo(void **state)
{
	char sale[NJ_KEY_MAX];

	(void)state;
	sold(sale);
	fx_ok("admin", "program.set", "year=2026", "photo_required=1", NULL);
	upload("fs_dealer", "a.jpg", jpeg_a, sizeof jpeg_a);
	fx_ok("fs_dealer", "photo.attach", kv("sale", sale), "photo=a.jpg",
	    "what=person", NULL);
	fx_ok("hl_jb", "verify.pass", kv("sale", sale), "method=office",
	    ALL_OK, "partner=hl_sh", NULL);
}

/*
 * R-004-A4-2c 004 附件4 二: sale.new photo=NAME of an upload in the
 * dealer's inbox attaches it as the sale's 人机合照 (a non-photo refuses
 * the whole sale); other text is kept on the sale as before.
 */
static void
sale_new_with_photo(void **state)
{
	char no[NJ_KEY_MAX], notice[NJ_KEY_MAX];

	(void)state;
	fx_ok("xg_zhen", "application.new", "buyer_type=person",
	    "buyer_name=张三", kv("id_no", ID_A), "township=640122100",
	    "item=1.1.3", "tier=03", "qty=1", "bank_name=黄河农村商业银行",
	    "bank_account=6228480402564890018", NULL);
	snprintf(no, sizeof no, "%s", fx_key);
	fx_ok("xg_zhen", "application.submit", kv("application", no), NULL);
	fx_ok("hl_sh", "application.approve", kv("application", no), NULL);
	snprintf(notice, sizeof notice, "%s", fx_key);
	upload("fs_dealer", "bad.jpg", "text", 4);
	fx_refused("不是 JPEG 或 PNG", "fs_dealer", "sale.new",
	    kv("notice", notice), kv("id_no", ID_A), "serial=XG26A001",
	    "price=12000", "sold_on=2026-03-02", "invoice_no=FP1",
	    "photo=bad.jpg", NULL);
	upload("fs_dealer", "s.jpg", jpeg_a, sizeof jpeg_a);
	fx_ok("fs_dealer", "sale.new", kv("notice", notice), kv("id_no", ID_A),
	    "serial=XG26A001", "price=12000", "sold_on=2026-03-02",
	    "invoice_no=FP1", "photo=s.jpg", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM photos WHERE record = "
	    "'sale' AND record_key = ?1 AND what = 'person' AND name = "
	    "'s.jpg'", fx_key, NULL), 1);
	assert_false(in_inbox("fs_dealer", "s.jpg"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(attach_ok),
		FX_TEST(not_a_jpeg_refused),
		FX_TEST(too_big_refused),
		FX_TEST(other_dealers_sale_refused),
		FX_TEST(path_escape_refused),
		FX_TEST(same_content_stored_once),
		FX_TEST(product_photos_by_maker),
		FX_TEST(verify_pass_needs_photo),
		FX_TEST(verify_pass_with_dealers_photo),
		FX_TEST(sale_new_with_photo),
	};

	return cmocka_run_group_tests(tests, fx_group_setup,
	    fx_group_teardown);
}
