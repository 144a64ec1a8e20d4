/*
 * store-sql.h: the names of every SQL statement of njbt and the typed
 * arguments they are bound with. The statements themselves are in
 * store-sql*.def, one SQL(NAME, "text") row each; this header turns the
 * rows into an enum and store-sql.c into the table that is prepared once
 * per connection (FreeBSD pkg's sql_prepared_statements).
 *
 * Arguments: sql_exec(SQL_X, a, b, c) wraps each argument by C11 _Generic
 * into a struct sql_arg: every integer type binds as an int64, char * and
 * const char * as text (a NULL pointer binds NULL), SQL_BLOB(p, n) a blob
 * and SQL_NULL a NULL. Any other type (a double, a struct, a void *) does
 * not compile. The arguments are gathered into a compound-literal array
 * with its count, which store-sql.c checks against the statement's
 * parameters: a mismatch is a bug of ours and aborts.
 */
#ifndef NJBT_STORE_SQL_H
#define NJBT_STORE_SQL_H

#include <stddef.h>
#include <stdint.h>

enum sql {
#define SQL(name, text) name,
#include "store-sql.def"
#undef SQL
	SQL__COUNT
};

enum sql_kind {
	SQL_K_INT,
	SQL_K_TEXT,
	SQL_K_BLOB,
	SQL_K_NULL
};

struct sql_arg {
	enum sql_kind	 kind;
	int64_t		 i;
	const void	*p;	/* text or blob; NULL binds NULL */
	size_t		 n;	/* blob size */
};

static inline struct sql_arg
sql_arg_int(int64_t v)
{
	return (struct sql_arg){ .kind = SQL_K_INT, .i = v };
}

static inline struct sql_arg
sql_arg_text(const char *t)
{
	return (struct sql_arg){ .kind = SQL_K_TEXT, .p = t };
}

static inline struct sql_arg
sql_arg_same(struct sql_arg a)
{
	return a;
}

#define SQL_BLOB(b, len) ((struct sql_arg){ .kind = SQL_K_BLOB,	\
	.p = (const void *)(b), .n = (size_t)(len) })
#define SQL_NULL ((struct sql_arg){ .kind = SQL_K_NULL })

/* One argument, typed: no association (a compile error) for other types. */
#define SQL_ARG(x) _Generic((x),					\
	_Bool: sql_arg_int,						\
	char: sql_arg_int,						\
	signed char: sql_arg_int,					\
	unsigned char: sql_arg_int,					\
	short: sql_arg_int,						\
	unsigned short: sql_arg_int,					\
	int: sql_arg_int,						\
	unsigned int: sql_arg_int,					\
	long: sql_arg_int,						\
	unsigned long: sql_arg_int,					\
	long long: sql_arg_int,						\
	unsigned long long: sql_arg_int,				\
	char *: sql_arg_text,						\
	const char *: sql_arg_text,					\
	struct sql_arg: sql_arg_same)(x)

/*
 * SQL_Mn(a, b, ...): SQL_ARG(a), SQL_ARG(b), ... for n arguments;
 * SQL_NARG_ counts its arguments (1 to 33). Up to 32 arguments.
 */
#define SQL_N_(_1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _13,	\
	_14, _15, _16, _17, _18, _19, _20, _21, _22, _23, _24, _25, _26,	\
	_27, _28, _29, _30, _31, _32, _33, n, ...) n
#define SQL_NARG_(...) SQL_N_(__VA_ARGS__, 33, 32, 31, 30, 29, 28, 27, 26,	\
	25, 24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9,	\
	8, 7, 6, 5, 4, 3, 2, 1)
#define SQL_CAT_(a, b) a##b
#define SQL_CAT(a, b) SQL_CAT_(a, b)
#define SQL_M1(a) SQL_ARG(a)
#define SQL_M2(a, ...) SQL_ARG(a), SQL_M1(__VA_ARGS__)
#define SQL_M3(a, ...) SQL_ARG(a), SQL_M2(__VA_ARGS__)
#define SQL_M4(a, ...) SQL_ARG(a), SQL_M3(__VA_ARGS__)
#define SQL_M5(a, ...) SQL_ARG(a), SQL_M4(__VA_ARGS__)
#define SQL_M6(a, ...) SQL_ARG(a), SQL_M5(__VA_ARGS__)
#define SQL_M7(a, ...) SQL_ARG(a), SQL_M6(__VA_ARGS__)
#define SQL_M8(a, ...) SQL_ARG(a), SQL_M7(__VA_ARGS__)
#define SQL_M9(a, ...) SQL_ARG(a), SQL_M8(__VA_ARGS__)
#define SQL_M10(a, ...) SQL_ARG(a), SQL_M9(__VA_ARGS__)
#define SQL_M11(a, ...) SQL_ARG(a), SQL_M10(__VA_ARGS__)
#define SQL_M12(a, ...) SQL_ARG(a), SQL_M11(__VA_ARGS__)
#define SQL_M13(a, ...) SQL_ARG(a), SQL_M12(__VA_ARGS__)
#define SQL_M14(a, ...) SQL_ARG(a), SQL_M13(__VA_ARGS__)
#define SQL_M15(a, ...) SQL_ARG(a), SQL_M14(__VA_ARGS__)
#define SQL_M16(a, ...) SQL_ARG(a), SQL_M15(__VA_ARGS__)
#define SQL_M17(a, ...) SQL_ARG(a), SQL_M16(__VA_ARGS__)
#define SQL_M18(a, ...) SQL_ARG(a), SQL_M17(__VA_ARGS__)
#define SQL_M19(a, ...) SQL_ARG(a), SQL_M18(__VA_ARGS__)
#define SQL_M20(a, ...) SQL_ARG(a), SQL_M19(__VA_ARGS__)
#define SQL_M21(a, ...) SQL_ARG(a), SQL_M20(__VA_ARGS__)
#define SQL_M22(a, ...) SQL_ARG(a), SQL_M21(__VA_ARGS__)
#define SQL_M23(a, ...) SQL_ARG(a), SQL_M22(__VA_ARGS__)
#define SQL_M24(a, ...) SQL_ARG(a), SQL_M23(__VA_ARGS__)
#define SQL_M25(a, ...) SQL_ARG(a), SQL_M24(__VA_ARGS__)
#define SQL_M26(a, ...) SQL_ARG(a), SQL_M25(__VA_ARGS__)
#define SQL_M27(a, ...) SQL_ARG(a), SQL_M26(__VA_ARGS__)
#define SQL_M28(a, ...) SQL_ARG(a), SQL_M27(__VA_ARGS__)
#define SQL_M29(a, ...) SQL_ARG(a), SQL_M28(__VA_ARGS__)
#define SQL_M30(a, ...) SQL_ARG(a), SQL_M29(__VA_ARGS__)
#define SQL_M31(a, ...) SQL_ARG(a), SQL_M30(__VA_ARGS__)
#define SQL_M32(a, ...) SQL_ARG(a), SQL_M31(__VA_ARGS__)

/*
 * SQL_BIND(id, args...): `id, array, count` for the *_n functions of
 * store-sql.c. The id rides along so that no argument list is ever empty
 * (C11 wants at least one argument for a macro's `...`).
 */
#define SQL_BIND(...) SQL_BIND_(SQL_NARG_(__VA_ARGS__), __VA_ARGS__)
#define SQL_BIND_(n, ...) SQL_CAT(SQL_BIND_, SQL_CAT(SQL_Z_, n))(n, __VA_ARGS__)
#define SQL_Z_1 ONE
#define SQL_Z_2 MANY
#define SQL_Z_3 MANY
#define SQL_Z_4 MANY
#define SQL_Z_5 MANY
#define SQL_Z_6 MANY
#define SQL_Z_7 MANY
#define SQL_Z_8 MANY
#define SQL_Z_9 MANY
#define SQL_Z_10 MANY
#define SQL_Z_11 MANY
#define SQL_Z_12 MANY
#define SQL_Z_13 MANY
#define SQL_Z_14 MANY
#define SQL_Z_15 MANY
#define SQL_Z_16 MANY
#define SQL_Z_17 MANY
#define SQL_Z_18 MANY
#define SQL_Z_19 MANY
#define SQL_Z_20 MANY
#define SQL_Z_21 MANY
#define SQL_Z_22 MANY
#define SQL_Z_23 MANY
#define SQL_Z_24 MANY
#define SQL_Z_25 MANY
#define SQL_Z_26 MANY
#define SQL_Z_27 MANY
#define SQL_Z_28 MANY
#define SQL_Z_29 MANY
#define SQL_Z_30 MANY
#define SQL_Z_31 MANY
#define SQL_Z_32 MANY
#define SQL_Z_33 MANY
#define SQL_BIND_ONE(n, id) (id), NULL, 0
#define SQL_BIND_MANY(n, id, ...) (id), (const struct sql_arg[]){	\
	SQL_CAT(SQL_M, SQL_DEC_(n))(__VA_ARGS__) }, SQL_DEC_(n)
#define SQL_DEC_(n) SQL_CAT(SQL_D_, n)
#define SQL_D_2 1
#define SQL_D_3 2
#define SQL_D_4 3
#define SQL_D_5 4
#define SQL_D_6 5
#define SQL_D_7 6
#define SQL_D_8 7
#define SQL_D_9 8
#define SQL_D_10 9
#define SQL_D_11 10
#define SQL_D_12 11
#define SQL_D_13 12
#define SQL_D_14 13
#define SQL_D_15 14
#define SQL_D_16 15
#define SQL_D_17 16
#define SQL_D_18 17
#define SQL_D_19 18
#define SQL_D_20 19
#define SQL_D_21 20
#define SQL_D_22 21
#define SQL_D_23 22
#define SQL_D_24 23
#define SQL_D_25 24
#define SQL_D_26 25
#define SQL_D_27 26
#define SQL_D_28 27
#define SQL_D_29 28
#define SQL_D_30 29
#define SQL_D_31 30
#define SQL_D_32 31
#define SQL_D_33 32

#endif
