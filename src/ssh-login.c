/*
 * ssh-login.c: logging in, in a session process (ssh-session.c): the
 * libssh server callbacks of password, public key and "none" (the
 * register login), keyboard-interactive through the message callback,
 * all through auth.c; what a refused user should read goes out as a
 * userauth banner, or, when it is for the holder of the credential only
 * (a lock's reason, the register login full), on the terminal after the
 * login is accepted (sess_deny). The listener is told of a login through
 * the link it passed in (struct session_link), never called directly.
 */
#include <stdio.h>
#include <string.h>

#include "log.h"
#include "ssh-session.h"

/*
 * Tell a client that is logging in something to read: a userauth banner
 * (RFC 4252 5.4, allowed until the login succeeds). The same text twice
 * in a row is sent once (a client offering several keys).
 */
static void
sess_banner(struct sess *s, const char *text)
{
	char		buf[NJ_MSG_MAX + 4];
	ssh_string	str;

	if (text == NULL || *text == '\0' || strcmp(text, s->banner) == 0)
		return;
	strlcpy0(s->banner, text, sizeof s->banner);
	xsnprintf(buf, sizeof buf, "%s\n", text);
	if ((str = ssh_string_from_char(buf)) == NULL)
		return;
	ssh_send_issue_banner(s->ssh, str);
	ssh_string_free(str);
}

/*
 * Issue 11 item 8: a refusal whose reason is for the holder of the
 * credential only (a locked account or address after the right password,
 * R-SEC-8.8f; the register login full) is told on the terminal, which
 * every client shows whatever its log level (OpenSSH at LogLevel=ERROR
 * hides userauth banners). The login is accepted at the SSH level, the
 * session marked denied: ssh-session.c opens no screens, writes the
 * reason on the channel and closes it with exit status 1. The session is
 * not logged in (s->authed stays 0, the listener is not told): no
 * screens, no data, no other channel, no forwarding. A refusal that an
 * outsider gets too (a wrong password, an unknown login) stays a banner
 * on a refused login (R-SEC-8.8e). Issue 15 item 5: no password slot
 * free in time (AUTH_GATE_BUSY) is told on the terminal too, so that
 * PuTTY users read it rather than "password not accepted": nothing was
 * checked, and it is the same for any login and password.
 */
static void
sess_deny(struct sess *s, const char *login, const char *method,
    const char *msg)
{
	char name[NJ_LOGIN_MAX + 1];

	sess_clean(login, name, sizeof name);
	xsnprintf(s->deny, sizeof s->deny, "登录被拒绝：%s", msg);
	sess_log(name, s->addr, "login.refused %s, told on the terminal",
	    method);
}

/*
 * The user has logged in, and the listener is told (the session no
 * longer counts as one not logged in). R-SEC-8.8b issue 8 (8): the
 * register login only while fewer than max_register of its sessions are
 * open; else the session is denied (sess_deny) and the client is told to
 * come back later. Either way the login is accepted at the SSH level.
 */
static void
sess_logged_in(struct sess *s, const char *method)
{
	if (s->who.role == ROLE_REGISTER && !s->link->register_claim(s->o)) {
		sess_log(s->who.login, s->addr, "refused: %d register "
		    "sessions open", s->o->max_register);
		sess_deny(s, s->who.login, method,
		    "经销商注册的人数已满，请稍后再试。");
		return;
	}
	s->authed = 1;
	log_set_who(s->who.login, s->addr);
	s->link->authed();
	sess_log(s->who.login, s->addr, "login %s", method);
}

/* Has this connection logged in, or been accepted only to be told why
 * not? Then no more login requests are taken. */
static int
sess_done(const struct sess *s)
{
	return s->authed || s->deny[0] != '\0';
}

/* A refused password: log it, tell the user, maybe hang up. */
static void
sess_failed(struct sess *s, const char *login, const char *method,
    const char *msg)
{
	char name[NJ_LOGIN_MAX + 1];

	sess_clean(login, name, sizeof name);
	s->fails++;
	sess_log(name, s->addr, "login.fail %s", method);
	s->banner[0] = '\0';		/* say it again on each failure */
	sess_banner(s, msg);
}

int
cb_auth_password(ssh_session ssh, const char *user, const char *password,
    void *arg)
{
	struct sess	*s = arg;
	char		 msg[NJ_MSG_MAX];
	int		 rc;

	(void)ssh;
	if (sess_done(s) || ++s->tries > SESS_MAX_TRIES ||
	    s->fails >= SESS_MAX_FAILS)
		return SSH_AUTH_DENIED;
	rc = auth_password(user ? user : "", password ? password : "",
	    s->addr, &s->o->policy, &s->who, msg, sizeof msg);
	if (rc == NJ_OK)
		sess_logged_in(s, "password");
	else if (auth_refusal_told(rc, msg))
		sess_deny(s, user, "password", msg);
	else {
		sess_failed(s, user, "password", msg);
		return SSH_AUTH_DENIED;
	}
	return SSH_AUTH_SUCCESS;
}

/*
 * Public keys: asked first whether a key would do (state NONE), then
 * with the signature libssh has checked (VALID). The key is compared by
 * its base64 blob, as in the user's OpenSSH .pub line.
 */
int
cb_auth_pubkey(ssh_session ssh, const char *user, struct ssh_key_struct *key,
    char state, void *arg)
{
	struct sess	*s = arg;
	char		*b64 = NULL, msg[NJ_MSG_MAX];
	const char	*type;
	int		 rc;

	(void)ssh;
	if (sess_done(s) || ++s->tries > SESS_MAX_TRIES ||
	    (state != SSH_PUBLICKEY_STATE_NONE &&
	    state != SSH_PUBLICKEY_STATE_VALID))
		return SSH_AUTH_DENIED;
	if (ssh_pki_export_pubkey_base64(key, &b64) != SSH_OK)
		return SSH_AUTH_DENIED;
	type = ssh_key_type_to_char(ssh_key_type(key));
	rc = auth_pubkey(user ? user : "", type ? type : "?", b64, s->addr,
	    state == SSH_PUBLICKEY_STATE_VALID, &s->who, msg, sizeof msg);
	ssh_string_free_char(b64);
	if (rc != NJ_OK && state == SSH_PUBLICKEY_STATE_VALID &&
	    auth_refusal_told(rc, msg)) {
		sess_deny(s, user, "publickey", msg);
		return SSH_AUTH_SUCCESS;
	}
	if (rc != NJ_OK) {
		sess_banner(s, msg);
		return SSH_AUTH_DENIED;
	}
	if (state == SSH_PUBLICKEY_STATE_VALID)
		sess_logged_in(s, "publickey");
	return SSH_AUTH_SUCCESS;
}

int
cb_auth_none(ssh_session ssh, const char *user, void *arg)
{
	struct sess	*s = arg;
	char		 msg[NJ_MSG_MAX];

	(void)ssh;
	if (sess_done(s) || ++s->tries > SESS_MAX_TRIES)
		return SSH_AUTH_DENIED;
	if (auth_none(user ? user : "", s->addr, &s->who, msg, sizeof msg) ==
	    NJ_OK) {
		sess_logged_in(s, "none");
		return SSH_AUTH_SUCCESS;
	}
	sess_banner(s, msg);
	return SSH_AUTH_DENIED;
}

/*
 * Keyboard-interactive, in the message callback (libssh 0.10 has no
 * server callback for it): the request gets one prompt, no name and no
 * instruction, and the answer is checked as a password; what a refused
 * user should read goes out as a banner (OpenSSH prints a non-ASCII
 * instruction as octal escapes, a banner as it is) or, for the holder of
 * the password only, on the terminal (sess_deny). Returns 0 when handled,
 * 1 for libssh's default reply (failure).
 *
 * Issue 11 item 8: the prompt is one that tools recognise as a password
 * prompt and still says it in Chinese. sshpass looks for "assword" (its
 * manual says "assword:"), expect scripts for "assword:" or "Password:",
 * passh for "[Pp]assword: ?" at the end of what it read; hence "Password: "
 * last, the Chinese before it. PuTTY and plink answer a single prompt
 * that does not echo with -pw whatever it says, and show it as it is.
 */
#define SESS_KBD_PROMPT	"密码 Password: "

static int
sess_kbdint(struct sess *s, ssh_message m)
{
	static const char	*prompts[] = { SESS_KBD_PROMPT };
	static char		 echo[] = { 0 };
	const char		*answer;
	char			 msg[NJ_MSG_MAX];
	int			 rc;

	if (!ssh_message_auth_kbdint_is_response(m)) {
		if (sess_done(s) || ++s->tries > SESS_MAX_TRIES ||
		    s->fails >= SESS_MAX_FAILS)
			return 1;
		strlcpy0(s->kbd_login, ssh_message_auth_user(m) ?
		    ssh_message_auth_user(m) : "", sizeof s->kbd_login);
		s->kbd = 1;
		ssh_message_auth_interactive_request(m, "", "", 1, prompts,
		    echo);
		return 0;
	}
	if (s->kbd != 1)
		return 1;
	s->kbd = 0;
	if (ssh_userauth_kbdint_getnanswers(s->ssh) != 1 ||
	    (answer = ssh_userauth_kbdint_getanswer(s->ssh, 0)) == NULL)
		return 1;
	rc = auth_password(s->kbd_login, answer, s->addr, &s->o->policy,
	    &s->who, msg, sizeof msg);
	if (rc == NJ_OK)
		sess_logged_in(s, "keyboard-interactive");
	else if (auth_refusal_told(rc, msg))
		sess_deny(s, s->kbd_login, "keyboard-interactive", msg);
	else {
		sess_failed(s, s->kbd_login, "keyboard-interactive", msg);
		return 1;
	}
	ssh_message_auth_reply_success(m, 0);
	return 0;
}

/* Messages no callback took: keyboard-interactive, else refused. */
int
cb_message(ssh_session ssh, ssh_message m, void *arg)
{
	struct sess *s = arg;

	(void)ssh;
	if (ssh_message_type(m) == SSH_REQUEST_AUTH &&
	    ssh_message_subtype(m) == SSH_AUTH_METHOD_INTERACTIVE &&
	    !sess_done(s))
		return sess_kbdint(s, m);
	return 1;
}
