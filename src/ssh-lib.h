/*
 * ssh-lib.h: libssh, loaded when first used. Only `njbt serve` (and the
 * tests of the server) need the SSH library, and loading it with its
 * dependencies (libcrypto, GSSAPI, Kerberos) costs more than the rest of
 * a batch command's start-up; so njbt is not linked with it: the ssh-*
 * files include this header instead of libssh's, and every libssh
 * function they call goes through a pointer that ssh-lib.c fills from
 * libssh.so.4 on the first call. The declarations are libssh's own
 * (typeof), so the compiler checks every call as before. A function used
 * by the ssh-* files must be listed in SSH_LIB_FUNCS (the link fails if
 * it is not).
 */
#ifndef NJBT_SSH_LIB_H
#define NJBT_SSH_LIB_H

#include <libssh/libssh.h>
#include <libssh/server.h>
#include <libssh/callbacks.h>
/* the sftp server functions are declared only WITH_SERVER */
#ifndef WITH_SERVER
#define WITH_SERVER 1
#endif
#include <libssh/sftp.h>

#define SSH_LIB_SONAME	"libssh.so.4"

#define SSH_LIB_FUNCS(X) \
	X(sftp_client_message_free) \
	X(sftp_client_message_get_data) \
	X(sftp_client_message_get_filename) \
	X(sftp_client_message_get_flags) \
	X(sftp_client_message_get_type) \
	X(sftp_get_client_message) \
	X(sftp_handle) \
	X(sftp_handle_alloc) \
	X(sftp_handle_remove) \
	X(sftp_reply_attr) \
	X(sftp_reply_data) \
	X(sftp_reply_handle) \
	X(sftp_reply_name) \
	X(sftp_reply_names) \
	X(sftp_reply_names_add) \
	X(sftp_reply_status) \
	X(sftp_server_free) \
	X(sftp_server_init) \
	X(sftp_server_new) \
	X(ssh_bind_accept_fd) \
	X(ssh_bind_free) \
	X(ssh_bind_new) \
	X(ssh_bind_options_set) \
	X(ssh_blocking_flush) \
	X(ssh_channel_close) \
	X(ssh_channel_free) \
	X(ssh_channel_is_closed) \
	X(ssh_channel_new) \
	X(ssh_channel_poll) \
	X(ssh_channel_request_send_exit_status) \
	X(ssh_channel_send_eof) \
	X(ssh_channel_write) \
	X(ssh_channel_write_stderr) \
	X(ssh_clean_pubkey_hash) \
	X(ssh_disconnect) \
	X(ssh_event_add_fd) \
	X(ssh_event_add_session) \
	X(ssh_event_dopoll) \
	X(ssh_event_free) \
	X(ssh_event_new) \
	X(ssh_event_remove_fd) \
	X(ssh_event_remove_session) \
	X(ssh_free) \
	X(ssh_get_error) \
	X(ssh_get_fingerprint_hash) \
	X(ssh_get_publickey_hash) \
	X(ssh_handle_key_exchange) \
	X(ssh_is_connected) \
	X(ssh_key_free) \
	X(ssh_key_type) \
	X(ssh_key_type_to_char) \
	X(ssh_message_auth_interactive_request) \
	X(ssh_message_auth_kbdint_is_response) \
	X(ssh_message_auth_reply_success) \
	X(ssh_message_auth_user) \
	X(ssh_message_subtype) \
	X(ssh_message_type) \
	X(ssh_new) \
	X(ssh_options_set) \
	X(ssh_pki_export_privkey_file) \
	X(ssh_pki_export_pubkey_base64) \
	X(ssh_pki_generate) \
	X(ssh_pki_import_privkey_file) \
	X(ssh_remove_channel_callbacks) \
	X(ssh_send_issue_banner) \
	X(ssh_set_auth_methods) \
	X(ssh_set_channel_callbacks) \
	X(ssh_set_message_callback) \
	X(ssh_set_server_callbacks) \
	X(ssh_silent_disconnect) \
	X(ssh_string_data) \
	X(ssh_string_free) \
	X(ssh_string_free_char) \
	X(ssh_string_from_char) \
	X(ssh_string_len) \
	X(ssh_userauth_kbdint_getanswer) \
	X(ssh_userauth_kbdint_getnanswers) \
	/* end */

struct ssh_lib {
#define SSH_LIB_PTR(f)	__typeof__(f) *f;
	SSH_LIB_FUNCS(SSH_LIB_PTR)
#undef SSH_LIB_PTR
};

/* ssh-lib.c: the table, filled on first use (exits if it cannot be) */
const struct ssh_lib *ssh_lib(void);

/* every call below goes through the table (not in ssh-lib.c, which fills it) */
#ifndef SSH_LIB_FILL
#define sftp_client_message_free	(ssh_lib()->sftp_client_message_free)
#define sftp_client_message_get_data	(ssh_lib()->sftp_client_message_get_data)
#define sftp_client_message_get_filename	(ssh_lib()->sftp_client_message_get_filename)
#define sftp_client_message_get_flags	(ssh_lib()->sftp_client_message_get_flags)
#define sftp_client_message_get_type	(ssh_lib()->sftp_client_message_get_type)
#define sftp_get_client_message	(ssh_lib()->sftp_get_client_message)
#define sftp_handle	(ssh_lib()->sftp_handle)
#define sftp_handle_alloc	(ssh_lib()->sftp_handle_alloc)
#define sftp_handle_remove	(ssh_lib()->sftp_handle_remove)
#define sftp_reply_attr	(ssh_lib()->sftp_reply_attr)
#define sftp_reply_data	(ssh_lib()->sftp_reply_data)
#define sftp_reply_handle	(ssh_lib()->sftp_reply_handle)
#define sftp_reply_name	(ssh_lib()->sftp_reply_name)
#define sftp_reply_names	(ssh_lib()->sftp_reply_names)
#define sftp_reply_names_add	(ssh_lib()->sftp_reply_names_add)
#define sftp_reply_status	(ssh_lib()->sftp_reply_status)
#define sftp_server_free	(ssh_lib()->sftp_server_free)
#define sftp_server_init	(ssh_lib()->sftp_server_init)
#define sftp_server_new	(ssh_lib()->sftp_server_new)
#define ssh_bind_accept_fd	(ssh_lib()->ssh_bind_accept_fd)
#define ssh_bind_free	(ssh_lib()->ssh_bind_free)
#define ssh_bind_new	(ssh_lib()->ssh_bind_new)
#define ssh_bind_options_set	(ssh_lib()->ssh_bind_options_set)
#define ssh_blocking_flush	(ssh_lib()->ssh_blocking_flush)
#define ssh_channel_close	(ssh_lib()->ssh_channel_close)
#define ssh_channel_free	(ssh_lib()->ssh_channel_free)
#define ssh_channel_is_closed	(ssh_lib()->ssh_channel_is_closed)
#define ssh_channel_new	(ssh_lib()->ssh_channel_new)
#define ssh_channel_poll	(ssh_lib()->ssh_channel_poll)
#define ssh_channel_request_send_exit_status	(ssh_lib()->ssh_channel_request_send_exit_status)
#define ssh_channel_send_eof	(ssh_lib()->ssh_channel_send_eof)
#define ssh_channel_write	(ssh_lib()->ssh_channel_write)
#define ssh_channel_write_stderr	(ssh_lib()->ssh_channel_write_stderr)
#define ssh_clean_pubkey_hash	(ssh_lib()->ssh_clean_pubkey_hash)
#define ssh_disconnect	(ssh_lib()->ssh_disconnect)
#define ssh_event_add_fd	(ssh_lib()->ssh_event_add_fd)
#define ssh_event_add_session	(ssh_lib()->ssh_event_add_session)
#define ssh_event_dopoll	(ssh_lib()->ssh_event_dopoll)
#define ssh_event_free	(ssh_lib()->ssh_event_free)
#define ssh_event_new	(ssh_lib()->ssh_event_new)
#define ssh_event_remove_fd	(ssh_lib()->ssh_event_remove_fd)
#define ssh_event_remove_session	(ssh_lib()->ssh_event_remove_session)
#define ssh_free	(ssh_lib()->ssh_free)
#define ssh_get_error	(ssh_lib()->ssh_get_error)
#define ssh_get_fingerprint_hash	(ssh_lib()->ssh_get_fingerprint_hash)
#define ssh_get_publickey_hash	(ssh_lib()->ssh_get_publickey_hash)
#define ssh_handle_key_exchange	(ssh_lib()->ssh_handle_key_exchange)
#define ssh_is_connected	(ssh_lib()->ssh_is_connected)
#define ssh_key_free	(ssh_lib()->ssh_key_free)
#define ssh_key_type	(ssh_lib()->ssh_key_type)
#define ssh_key_type_to_char	(ssh_lib()->ssh_key_type_to_char)
#define ssh_message_auth_interactive_request	(ssh_lib()->ssh_message_auth_interactive_request)
#define ssh_message_auth_kbdint_is_response	(ssh_lib()->ssh_message_auth_kbdint_is_response)
#define ssh_message_auth_reply_success	(ssh_lib()->ssh_message_auth_reply_success)
#define ssh_message_auth_user	(ssh_lib()->ssh_message_auth_user)
#define ssh_message_subtype	(ssh_lib()->ssh_message_subtype)
#define ssh_message_type	(ssh_lib()->ssh_message_type)
#define ssh_new	(ssh_lib()->ssh_new)
#define ssh_options_set	(ssh_lib()->ssh_options_set)
#define ssh_pki_export_privkey_file	(ssh_lib()->ssh_pki_export_privkey_file)
#define ssh_pki_export_pubkey_base64	(ssh_lib()->ssh_pki_export_pubkey_base64)
#define ssh_pki_generate	(ssh_lib()->ssh_pki_generate)
#define ssh_pki_import_privkey_file	(ssh_lib()->ssh_pki_import_privkey_file)
#define ssh_remove_channel_callbacks	(ssh_lib()->ssh_remove_channel_callbacks)
#define ssh_send_issue_banner	(ssh_lib()->ssh_send_issue_banner)
#define ssh_set_auth_methods	(ssh_lib()->ssh_set_auth_methods)
#define ssh_set_channel_callbacks	(ssh_lib()->ssh_set_channel_callbacks)
#define ssh_set_message_callback	(ssh_lib()->ssh_set_message_callback)
#define ssh_set_server_callbacks	(ssh_lib()->ssh_set_server_callbacks)
#define ssh_silent_disconnect	(ssh_lib()->ssh_silent_disconnect)
#define ssh_string_data	(ssh_lib()->ssh_string_data)
#define ssh_string_free	(ssh_lib()->ssh_string_free)
#define ssh_string_free_char	(ssh_lib()->ssh_string_free_char)
#define ssh_string_from_char	(ssh_lib()->ssh_string_from_char)
#define ssh_string_len	(ssh_lib()->ssh_string_len)
#define ssh_userauth_kbdint_getanswer	(ssh_lib()->ssh_userauth_kbdint_getanswer)
#define ssh_userauth_kbdint_getnanswers	(ssh_lib()->ssh_userauth_kbdint_getnanswers)

#endif /* SSH_LIB_FILL */

#endif
