/*
 * store-sql.h: the names of every SQL statement of njbt. The statements
 * themselves are in store-sql.def, one SQL(NAME, "text") row each; this
 * header turns the rows into an enum and store-sql.c into the table that
 * is prepared once per connection (FreeBSD pkg's sql_prepared_statements).
 */
#ifndef NJBT_STORE_SQL_H
#define NJBT_STORE_SQL_H

enum sql {
#define SQL(name, text) name,
#include "store-sql.def"
#undef SQL
	SQL__COUNT
};

#endif
