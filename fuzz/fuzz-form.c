/*
 * fuzz-form.c: the forms parser (form.c, njbt-forms(5)) on any text, as
 * if it were a forms/NAME.form file: parse, resolve the rows that open
 * other forms, free. A file with errors must say so (count and first
 * message in valid UTF-8); one without must resolve or say why.
 */
#include "form.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct forms	*forms = forms_new();
	char		 err[NJ_MSG_MAX];
	int		 n;

	err[0] = '\0';
	n = forms_parse(forms, "fuzz.form", (const char *)data, size, err,
	    sizeof err);
	fz_need(n >= 0);
	if (n > 0)
		fz_need(err[0] != '\0');
	else if (forms_resolve(forms, err, sizeof err) != 0)
		fz_need(err[0] != '\0');
	fz_need(strlen(err) < sizeof err && utf8_valid(err, strlen(err)));
	forms_free(&forms);
	fz_need(forms == NULL);
	return 0;
}
