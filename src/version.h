/*
 * version.h: the one place njbt's version is written; `njbt --version`
 * prints it.
 */
#ifndef NJBT_VERSION_H
#define NJBT_VERSION_H

#define NJBT_VERSION	"0.9.0"

#endif
