/*
 * action-key.c: a user's public keys for SSH login: user.key.add takes an
 * OpenSSH public key line ("ssh-ed25519 AAAA... comment"), user.key.remove
 * takes its fingerprint (SHA256:...). Users manage their own keys; the
 * admin manages anybody's.
 */
#include <string.h>

#include <sodium.h>

#include "actions.h"

static const char *const key_types[] = {
	"ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
	"ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com",
};

/*
 * Split a public key line into type, base64 blob and comment, check the
 * blob decodes and begins with its own type, and make its fingerprint.
 */
int
key_parse(const char *line, char *type, size_t tlen, char *b64, size_t blen,
    char *comment, size_t clen, char *fp, size_t fplen)
{
	unsigned char	 raw[4096], hash[crypto_hash_sha256_BYTES];
	char		 copy[8192], *p, *t, *b, *save = NULL;
	size_t		 rawlen = 0, i, n;
	uint32_t	 nl;

	if (sodium_init() < 0)
		return -1;
	strlcpy0(copy, line, sizeof copy);
	p = copy;
	if ((t = strtok_r(p, " \t", &save)) == NULL ||
	    (b = strtok_r(NULL, " \t", &save)) == NULL)
		return -1;
	for (i = 0; i < sizeof key_types / sizeof key_types[0]; i++)
		if (strcmp(t, key_types[i]) == 0)
			break;
	if (i == sizeof key_types / sizeof key_types[0])
		return -1;
	if (sodium_base642bin(raw, sizeof raw, b, strlen(b), NULL, &rawlen,
	    NULL, sodium_base64_VARIANT_ORIGINAL) != 0 || rawlen < 4)
		return -1;
	memcpy(&nl, raw, 4);
	n = ((nl & 0xff) << 24) | ((nl & 0xff00) << 8) | ((nl >> 8) & 0xff00) |
	    (nl >> 24);
	if (n != strlen(t) || rawlen < 4 + n || memcmp(raw + 4, t, n) != 0)
		return -1;
	p = strtok_r(NULL, "", &save);
	strlcpy0(type, t, tlen);
	strlcpy0(b64, b, blen);
	strlcpy0(comment, p ? trim(p) : "", clen);
	crypto_hash_sha256(hash, raw, rawlen);
	strlcpy0(fp, "SHA256:", fplen);
	sodium_bin2base64(fp + 7, fplen - 7, hash, sizeof hash,
	    sodium_base64_VARIANT_ORIGINAL_NO_PADDING);
	return 0;
}

/* Users manage their own keys; the admin and the console anybody's. */
static int
key_owner(struct act *a, struct user_row *u)
{
	int rc;

	if ((rc = find_user(a, "login", act_str(a, "login"), u)) != NJ_OK)
		return rc;
	if (strcmp(u->login, a->who->login) != 0 &&
	    a->who->role != ROLE_ADMIN && a->who->role != ROLE_CONSOLE)
		return act_refuse(a, "login", "只能管理自己的密钥");
	if (u->role == ROLE_REGISTER)
		return act_refuse(a, "login", "注册账号不能使用密钥");
	return NJ_OK;
}

static const struct field add_fields[] = {
	{ "login", FT_REF, FF_REQ, "登录名", "user", 32 },
	{ "key", FT_TEXT, FF_REQ, "公钥（ssh-ed25519 AAAA... 一行）", NULL, 4000 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

static int
key_add(struct act *a)
{
	struct user_row	 u;
	char		 type[64], b64[6000], comment[256], fp[64], at[32];
	int64_t		 one;
	int		 rc;

	if ((rc = key_owner(a, &u)) != NJ_OK)
		return rc;
	if (key_parse(act_str(a, "key"), type, sizeof type, b64, sizeof b64,
	    comment, sizeof comment, fp, sizeof fp) != 0)
		return act_refuse(a, "key", "不是有效的 OpenSSH 公钥（应为一行："
		    "类型 Base64 [注释]）");
	rc = sql_int(&one, SQL_USER_KEY_GET, u.id, fp);
	if (rc < 0)
		return act_fail(a, "查询密钥");
	if (rc == 1)
		return act_refuse(a, "key", "该公钥已添加（%s）", fp);
	clock_stamp(a->now, at, sizeof at);
	if (sql_exec(SQL_USER_KEY_INSERT, u.id, type, b64, comment,
	    fp, at) != 0)
		return act_fail(a, "保存密钥");
	act_key(a, "%s", fp);
	return NJ_OK;
}

const struct action action_user_key_add = {
	"user.key.add", "添加登录公钥", R(ROLE_ADMIN) | R(ROLE_CITY) |
	    R(ROLE_COUNTY) | R(ROLE_TOWNSHIP) | R(ROLE_FINANCE) |
	    R(ROLE_MAKER) | R(ROLE_DEALER) | R(ROLE_AUDITOR), add_fields,
	key_add, 0, NULL, "已添加公钥"
};

static const struct field remove_fields[] = {
	{ "login", FT_REF, FF_REQ, "登录名", "user", 32 },
	{ "fingerprint", FT_REF, FF_REQ, "公钥指纹", "key", 64 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

static int
key_remove(struct act *a)
{
	struct user_row	u;
	int		rc;

	if ((rc = key_owner(a, &u)) != NJ_OK)
		return rc;
	if (sql_exec(SQL_USER_KEY_DELETE, u.id,
	    act_str(a, "fingerprint")) != 0)
		return act_fail(a, "删除密钥");
	if (store_changes() == 0)
		return act_refuse(a, "fingerprint", "用户 %s 没有指纹为 %s 的公钥",
		    u.login, act_str(a, "fingerprint"));
	act_key(a, "%s", act_str(a, "fingerprint"));
	return NJ_OK;
}

const struct action action_user_key_remove = {
	"user.key.remove", "删除登录公钥", R(ROLE_ADMIN) | R(ROLE_CITY) |
	    R(ROLE_COUNTY) | R(ROLE_TOWNSHIP) | R(ROLE_FINANCE) |
	    R(ROLE_MAKER) | R(ROLE_DEALER) | R(ROLE_AUDITOR), remove_fields,
	key_remove, 0, NULL, "已删除公钥"
};
