/*
 * encode.h: the tests' own UTF-8 encoder, written apart from src/ so that
 * the decoders and the line editor are checked against an independent
 * reference.
 */
#ifndef NJBT_TEST_ENCODE_H
#define NJBT_TEST_ENCODE_H

#include <stddef.h>
#include <stdint.h>

/* Encode the code point c as UTF-8 into out (NUL-terminated); its length. */
static size_t
enc(uint32_t c, char *out)
{
	unsigned char	*o = (unsigned char *)out;
	size_t		 n;

	if (c < 0x80) {
		o[0] = (unsigned char)c;
		n = 1;
	} else if (c < 0x800) {
		o[0] = (unsigned char)(0xC0 | c >> 6);
		o[1] = (unsigned char)(0x80 | (c & 0x3F));
		n = 2;
	} else if (c < 0x10000) {
		o[0] = (unsigned char)(0xE0 | c >> 12);
		o[1] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
		o[2] = (unsigned char)(0x80 | (c & 0x3F));
		n = 3;
	} else {
		o[0] = (unsigned char)(0xF0 | c >> 18);
		o[1] = (unsigned char)(0x80 | (c >> 12 & 0x3F));
		o[2] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
		o[3] = (unsigned char)(0x80 | (c & 0x3F));
		n = 4;
	}
	out[n] = '\0';
	return n;
}

#endif
