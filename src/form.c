/*
 * form.c: the forms/NAME.form parser (njbt-forms(5)). A small line grammar in
 * the manner of httpd.conf: one keyword a line with its arguments, blocks
 * "form NAME ... end" and "list NAME ... end", a sorted table of keywords
 * each with its handler and the block it belongs to. Every error names
 * file:line; errors are counted and the caller refuses to start. A form's
 * fields must be fields of its action, every required field must appear,
 * look-ups and sources must be lists that exist, row actions must open
 * forms that exist.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "form.h"

#define FORM_ARGS	16

struct parse {
	struct forms	*forms;
	struct form	*cur;
	const char	*file;
	int		 line;
	char		*err;
	size_t		 errlen;
	int		 errors;
};

static int
perr(struct parse *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Count an error and add "file:line: message" as a line of err. */
static int
perr(struct parse *p, const char *fmt, ...)
{
	char	why[512];
	size_t	used = strlen(p->err);
	va_list	ap;

	va_start(ap, fmt);
	vxsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	p->errors++;
	if (used + 1 < p->errlen)
		xsnprintf(p->err + used, p->errlen - used, "%s%s:%d: %s",
		    used ? "\n" : "", p->file, p->line, why);
	return -1;
}

/* --- the keywords ------------------------------------------------------ */

static int
need_block(struct parse *p, const char *kw, enum form_kind kind, int any)
{
	if (p->cur == NULL)
		return perr(p, "“%s”应写在 form 或 list 块内", kw);
	if (!any && p->cur->kind != kind)
		return perr(p, "“%s”只能用于 %s 块", kw,
		    kind == FORM_ACTION ? "form" : "list");
	return 0;
}

static int
parse_int_arg(struct parse *p, const char *s, int lo, int hi, int *v)
{
	int64_t n;

	if (parse_int(s, &n) != 0 || n < lo || n > hi)
		return perr(p, "“%s”应为 %d 到 %d 之间的整数", s, lo, hi);
	*v = (int)n;
	return 0;
}

static int
block_open(struct parse *p, int argc, char **argv, enum form_kind kind)
{
	struct form	*f;
	size_t		 i;

	if (p->cur != NULL)
		return perr(p, "块“%s”没有以 end 结束", p->cur->name);
	if (argc != 2)
		return perr(p, "用法：%s 名称", argv[0]);
	for (i = 0; i < p->forms->n; i++)
		if (strcmp(p->forms->v[i]->name, argv[1]) == 0)
			return perr(p, "名称“%s”已在 %s:%d 定义",
			    argv[1], p->forms->v[i]->file,
			    p->forms->v[i]->line);
	f = xcalloc(1, sizeof *f);
	f->kind = kind;
	f->name = xstrdup(argv[1]);
	f->file = xstrdup(p->file);
	f->line = p->line;
	f->order = 50;
	p->forms->v = realloc(p->forms->v, (p->forms->n + 1) *
	    sizeof *p->forms->v);
	if (p->forms->v == NULL)
		abort();
	p->forms->v[p->forms->n++] = f;
	p->cur = f;
	return 0;
}

static int
kw_form(struct parse *p, int argc, char **argv)
{
	return block_open(p, argc, argv, FORM_ACTION);
}

static int
kw_list(struct parse *p, int argc, char **argv)
{
	return block_open(p, argc, argv, FORM_LIST);
}

static int
kw_end(struct parse *p, int argc, char **argv)
{
	struct form		*f = p->cur;
	const struct field	*fd;
	size_t			 i, k;

	(void)argv;
	if (f == NULL)
		return perr(p, "多余的 end");
	if (argc != 1)
		return perr(p, "end 后不应有参数");
	p->cur = NULL;
	if (f->kind == FORM_ACTION) {
		if (f->action == NULL)
			return perr(p, "表单“%s”没有指定 action", f->name);
		for (fd = f->action->fields; fd->name != NULL; fd++) {
			if (!(fd->flags & FF_REQ))
				continue;
			for (i = 0; i < f->nfields; i++)
				if (f->fields[i].f == fd)
					break;
			for (k = 0; i == f->nfields && k < f->nset; k++)
				if (strcmp(f->setname[k], fd->name) == 0)
					i = 0;
			if (i == f->nfields)
				return perr(p, "表单“%s”缺少操作 %s 的必填字段 %s",
				    f->name, f->action->name, fd->name);
		}
	} else if (f->list == NULL)
		return perr(p, "列表“%s”没有指定 source", f->name);
	if (f->title == NULL)
		f->title = xstrdup(f->kind == FORM_ACTION ? f->action->title :
		    f->name);
	return 0;
}

static int
kw_title(struct parse *p, int argc, char **argv)
{
	if (need_block(p, argv[0], FORM_ACTION, 1) != 0)
		return -1;
	if (argc != 2)
		return perr(p, "用法：title \"标题\"");
	free(p->cur->title);
	p->cur->title = xstrdup(argv[1]);
	return 0;
}

static int
kw_note(struct parse *p, int argc, char **argv)
{
	if (need_block(p, argv[0], FORM_ACTION, 1) != 0)
		return -1;
	if (argc != 2)
		return perr(p, "用法：note \"说明\"");
	free(p->cur->note);
	p->cur->note = xstrdup(argv[1]);
	return 0;
}

static int
kw_menu(struct parse *p, int argc, char **argv)
{
	if (need_block(p, argv[0], FORM_ACTION, 1) != 0)
		return -1;
	if (argc != 2 && argc != 3)
		return perr(p, "用法：menu \"栏目\" [顺序]");
	free(p->cur->menu);
	p->cur->menu = xstrdup(argv[1]);
	if (argc == 3)
		return parse_int_arg(p, argv[2], 0, 999, &p->cur->order);
	return 0;
}

/* The flows by their program.set names. */
static const char *const flow_names[FLOW__COUNT] = {
	"quota-first", "buy-first"
};

/* A flow by its name (quota-first, buy-first); -1 if none. */
int
form_flow(const char *name)
{
	int i;

	for (i = 0; i < FLOW__COUNT; i++)
		if (name != NULL && strcmp(name, flow_names[i]) == 0)
			return i;
	return -1;
}

/*
 * flow FLOW ["title"]: offered only in a year of that flow (issue 11 (6)),
 * under that title if given. May be given once for each flow.
 */
static int
kw_flow(struct parse *p, int argc, char **argv)
{
	int fl;

	if (need_block(p, argv[0], FORM_ACTION, 1) != 0)
		return -1;
	if (argc != 2 && argc != 3)
		return perr(p, "用法：flow quota-first|buy-first [\"标题\"]");
	if ((fl = form_flow(argv[1])) < 0)
		return perr(p, "未知的实施方式“%s”", argv[1]);
	if (p->cur->flows & (1u << fl))
		return perr(p, "实施方式“%s”重复", argv[1]);
	p->cur->flows |= 1u << fl;
	if (argc == 3)
		p->cur->flowtitle[fl] = xstrdup(argv[2]);
	return 0;
}

/* post handler|approver: of county users, only that post sees it */
static int
kw_post(struct parse *p, int argc, char **argv)
{
	if (need_block(p, argv[0], FORM_ACTION, 1) != 0)
		return -1;
	if (argc != 2 || (strcmp(argv[1], "handler") != 0 &&
	    strcmp(argv[1], "approver") != 0))
		return perr(p, "用法：post handler|approver");
	free(p->cur->post);
	p->cur->post = xstrdup(argv[1]);
	return 0;
}

/* roles ROLE...: who sees the form, narrower than its action allows */
static int
kw_roles(struct parse *p, int argc, char **argv)
{
	int i, r;

	if (need_block(p, argv[0], FORM_ACTION, 1) != 0)
		return -1;
	if (argc < 2)
		return perr(p, "用法：roles 角色 ...");
	for (i = 1; i < argc; i++) {
		if ((r = role_parse(argv[i])) < 0)
			return perr(p, "未知的角色“%s”", argv[i]);
		p->cur->roles |= R(r);
	}
	return 0;
}

static int
kw_action(struct parse *p, int argc, char **argv)
{
	if (need_block(p, argv[0], FORM_ACTION, 0) != 0)
		return -1;
	if (argc != 2)
		return perr(p, "用法：action 操作名");
	if (p->cur->action != NULL)
		return perr(p, "表单只能有一个 action");
	if ((p->cur->action = action_find(argv[1])) == NULL)
		return perr(p, "未知的操作“%s”", argv[1]);
	return 0;
}

/*
 * field NAME [label T] [width N] [help T] [lookup LIST [using FIELD]]
 *     [self] [keep] [required]
 */
/* Whether key is one of a choice list's keys ("k:label,k:label"). */
static int
choice_key(const char *list, const char *key)
{
	size_t		 n = strlen(key);
	const char	*c;

	for (c = list; c != NULL && *c != '\0'; c = strchr(c, ',') ?
	    strchr(c, ',') + 1 : NULL)
		if (strncmp(c, key, n) == 0 && c[n] == ':')
			return 1;
	return 0;
}

static int
kw_field(struct parse *p, int argc, char **argv)
{
	struct form		*f = p->cur;
	struct form_field	*ff;
	size_t			 i;
	int			 k, idx;

	if (need_block(p, argv[0], FORM_ACTION, 0) != 0)
		return -1;
	if (f->action == NULL)
		return perr(p, "field 应写在 action 之后");
	if (argc < 2)
		return perr(p, "用法：field 字段名 [label 标签] [width 宽度] "
		    "[help 说明] [lookup 列表 [using 字段]] [self] [keep] "
		    "[required] [default 值]");
	if ((idx = action_field_index(f->action, argv[1])) < 0)
		return perr(p, "操作 %s 没有字段“%s”", f->action->name, argv[1]);
	for (i = 0; i < f->nfields; i++)
		if (f->fields[i].idx == idx)
			return perr(p, "字段“%s”重复", argv[1]);
	f->fields = realloc(f->fields, (f->nfields + 1) * sizeof *f->fields);
	if (f->fields == NULL)
		abort();
	ff = &f->fields[f->nfields++];
	memset(ff, 0, sizeof *ff);
	ff->idx = idx;
	ff->f = &f->action->fields[idx];
	ff->label = xstrdup(ff->f->label);
	ff->width = ff->f->max > 0 && ff->f->max < 30 ? ff->f->max + 1 : 30;
	if (ff->f->type == FT_REF && ff->f->arg != NULL &&
	    list_find(ff->f->arg) != NULL)
		ff->lookup = xstrdup(ff->f->arg);
	for (k = 2; k < argc; k++) {
		if (strcmp(argv[k], "self") == 0) {
			ff->self = 1;
			continue;
		}
		if (strcmp(argv[k], "keep") == 0) {
			ff->keep = 1;
			continue;
		}
		if (strcmp(argv[k], "required") == 0) {
			ff->required = 1;
			continue;
		}
		if (k + 1 >= argc)
			return perr(p, "“%s”缺少参数", argv[k]);
		if (strcmp(argv[k], "label") == 0) {
			free(ff->label);
			ff->label = xstrdup(argv[++k]);
		} else if (strcmp(argv[k], "help") == 0) {
			free(ff->help);
			ff->help = xstrdup(argv[++k]);
		} else if (strcmp(argv[k], "width") == 0) {
			if (parse_int_arg(p, argv[++k], 1, FORM_WIDTH_MAX,
			    &ff->width) != 0)
				return -1;
		} else if (strcmp(argv[k], "lookup") == 0) {
			if (list_find(argv[++k]) == NULL)
				return perr(p, "未知的列表“%s”", argv[k]);
			free(ff->lookup);
			ff->lookup = xstrdup(argv[k]);
		} else if (strcmp(argv[k], "using") == 0) {
			if (action_field_index(f->action, argv[++k]) < 0)
				return perr(p, "操作 %s 没有字段“%s”",
				    f->action->name, argv[k]);
			free(ff->using);
			ff->using = xstrdup(argv[k]);
		} else if (strcmp(argv[k], "default") == 0) {
			/* issue 12 (3): a choice the screen starts with */
			if (ff->f->type == FT_CHOICE &&
			    !choice_key(ff->f->arg, argv[k + 1]))
				return perr(p, "“%s”不是字段的选项", argv[k + 1]);
			free(ff->dflt);
			ff->dflt = xstrdup(argv[++k]);
		} else
			return perr(p, "未知的字段选项“%s”", argv[k]);
	}
	if (utf8_width(ff->label) < 0)
		return perr(p, "标签含有无效字符");
	return 0;
}

/* set FIELD VALUE: the form always sends this value, without showing it */
static int
kw_set(struct parse *p, int argc, char **argv)
{
	struct form *f = p->cur;

	if (need_block(p, argv[0], FORM_ACTION, 0) != 0)
		return -1;
	if (argc != 3)
		return perr(p, "用法：set 字段名 值");
	if (f->action == NULL)
		return perr(p, "set 应写在 action 之后");
	if (action_field_index(f->action, argv[1]) < 0)
		return perr(p, "操作 %s 没有字段“%s”", f->action->name, argv[1]);
	if (f->nset == sizeof f->setname / sizeof f->setname[0])
		return perr(p, "set 过多");
	f->setname[f->nset] = xstrdup(argv[1]);
	f->setvalue[f->nset++] = xstrdup(argv[2]);
	return 0;
}

static int
kw_source(struct parse *p, int argc, char **argv)
{
	if (need_block(p, argv[0], FORM_LIST, 0) != 0)
		return -1;
	if (argc != 2)
		return perr(p, "用法：source 列表名");
	if ((p->cur->list = list_find(argv[1])) == NULL)
		return perr(p, "未知的列表“%s”", argv[1]);
	free(p->cur->source);
	p->cur->source = xstrdup(argv[1]);
	return 0;
}

static int
kw_arg(struct parse *p, int argc, char **argv)
{
	if (need_block(p, argv[0], FORM_LIST, 0) != 0)
		return -1;
	if (argc != 2)
		return perr(p, "用法：arg 参数（self 为当前用户）");
	free(p->cur->arg);
	p->cur->arg = xstrdup(argv[1]);
	return 0;
}

/* row FORM FIELD [COLUMN]: Enter on a row opens FORM with FIELD filled. */
static int
kw_row(struct parse *p, int argc, char **argv)
{
	struct form	*f = p->cur;
	struct form_row	*r;
	int		 col = 1;

	if (need_block(p, argv[0], FORM_LIST, 0) != 0)
		return -1;
	if (argc != 3 && argc != 4)
		return perr(p, "用法：row 表单名 字段名 [列号]");
	if (argc == 4 && parse_int_arg(p, argv[3], 1, 20, &col) != 0)
		return -1;
	f->rows = realloc(f->rows, (f->nrows + 1) * sizeof *f->rows);
	if (f->rows == NULL)
		abort();
	r = &f->rows[f->nrows++];
	memset(r, 0, sizeof *r);
	r->target = xstrdup(argv[1]);
	r->field = xstrdup(argv[2]);
	r->col = col - 1;
	r->line = p->line;
	return 0;
}

/* Sorted by name: looked up with bsearch. */
static const struct keyword {
	const char	*name;
	int		(*fn)(struct parse *, int, char **);
} keywords[] = {
	{ "action",	kw_action },
	{ "arg",	kw_arg },
	{ "end",	kw_end },
	{ "field",	kw_field },
	{ "flow",	kw_flow },
	{ "form",	kw_form },
	{ "list",	kw_list },
	{ "menu",	kw_menu },
	{ "note",	kw_note },
	{ "post",	kw_post },
	{ "roles",	kw_roles },
	{ "row",	kw_row },
	{ "set",	kw_set },
	{ "source",	kw_source },
	{ "title",	kw_title },
};

static int
kw_cmp(const void *k, const void *e)
{
	return strcmp(k, ((const struct keyword *)e)->name);
}

/* --- lines ------------------------------------------------------------- */

/*
 * Split a line into words: bare words, or "quoted text" with \" and \\.
 * A # outside quotes starts a comment. Returns the count (at most max),
 * or -1 with *why saying what is wrong. njbt.conf(5) shares it (conf.c).
 */
int
form_split(char *s, char **argv, int max, const char **why)
{
	int	 argc = 0;
	char	*o;

	for (;;) {
		while (*s == ' ' || *s == '\t')
			s++;
		if (*s == '\0' || *s == '#')
			return argc;
		if (argc == max)
			return *why = "参数过多", -1;
		if (*s == '"') {
			argv[argc++] = o = ++s;
			while (*s != '"') {
				if (*s == '\0')
					return *why = "引号没有闭合", -1;
				if (*s == '\\' && (s[1] == '"' || s[1] == '\\'))
					s++;
				*o++ = *s++;
			}
			s++;
			*o = '\0';
			if (*s != '\0' && *s != ' ' && *s != '\t') {
				*s = '\0';
				return *why = "引号后应有空格", -1;
			}
		} else {
			argv[argc++] = s;
			while (*s != '\0' && *s != ' ' && *s != '\t')
				s++;
		}
		if (*s != '\0')
			*s++ = '\0';
	}
}

/* form_split for a forms file: its error counted at file:line. */
static int
split(struct parse *p, char *s, char **argv)
{
	const char	*why = NULL;
	int		 argc = form_split(s, argv, FORM_ARGS, &why);

	return argc < 0 ? perr(p, "%s", why) : argc;
}

/*
 * Parse the text of one file; returns the number of errors, each added as
 * a line to err (which the caller starts empty).
 */
int
forms_parse(struct forms *forms, const char *file, const char *text,
    size_t len, char *err, size_t errlen)
{
	struct parse		 p;
	const struct keyword	*kw;
	char			*copy, *line, *next, *argv[FORM_ARGS];
	int			 argc;

	memset(&p, 0, sizeof p);
	p.forms = forms;
	p.file = file;
	p.err = err;
	p.errlen = errlen;
	if (!utf8_valid(text, len)) {
		p.line = 1;
		perr(&p, "文件不是有效的 UTF-8 编码");
		return p.errors;
	}
	copy = xcalloc(1, len + 1);
	memcpy(copy, text, len);
	for (line = copy; line != NULL; line = next) {
		p.line++;
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		line[strcspn(line, "\r")] = '\0';
		if ((argc = split(&p, line, argv)) <= 0)
			continue;
		kw = bsearch(argv[0], keywords, sizeof keywords /
		    sizeof keywords[0], sizeof keywords[0], kw_cmp);
		if (kw == NULL) {
			perr(&p, "未知的关键字“%s”", argv[0]);
			continue;
		}
		kw->fn(&p, argc, argv);
	}
	if (p.cur != NULL) {
		perr(&p, "块“%s”没有以 end 结束", p.cur->name);
		p.cur = NULL;
	}
	free(copy);
	return p.errors;
}

/* After every file: resolve row actions to forms. Returns errors. */
int
forms_resolve(struct forms *forms, char *err, size_t errlen)
{
	struct parse	 p;
	struct form	*f;
	struct form_row	*r;
	size_t		 i, k;

	memset(&p, 0, sizeof p);
	p.err = err;
	p.errlen = errlen;
	for (i = 0; i < forms->n; i++) {
		f = forms->v[i];
		for (k = 0; k < f->nrows; k++) {
			r = &f->rows[k];
			p.file = f->file;
			p.line = r->line;
			r->form = forms_find(forms, r->target);
			if (r->form == NULL) {
				perr(&p, "未知的表单“%s”", r->target);
				continue;
			}
			/* a row may open another list, about the row */
			if (r->form->kind == FORM_LIST) {
				if (strcmp(r->field, "arg") != 0)
					perr(&p, "打开列表 %s 时应写 row %s arg [列号]",
					    r->target, r->target);
				continue;
			}
			if (action_field_index(r->form->action, r->field) < 0)
				perr(&p, "表单 %s 没有字段“%s”", r->target,
				    r->field);
		}
	}
	return p.errors;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Load every *.form file of dir. Returns the number of errors (0 = all
 * good); err gets the first, as file:line: message.
 */
int
forms_load(const char *dir, struct forms **out, char *err, size_t errlen)
{
	struct forms	*forms = forms_new();
	struct dirent	*de;
	DIR		*d;
	FILE		*fp;
	char		 path[4096], **names = NULL, *text;
	size_t		 n = 0, i, len;
	long		 sz;
	int		 errors = 0;

	*out = forms;
	err[0] = '\0';
	if ((d = opendir(dir)) == NULL) {
		xsnprintf(err, errlen, "%s: 无法打开表单目录：%s", dir,
		    strerror(errno));
		return 1;
	}
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len < 6 || strcmp(de->d_name + len - 5, ".form") != 0)
			continue;
		names = realloc(names, (n + 1) * sizeof *names);
		if (names == NULL)
			abort();
		names[n++] = xstrdup(de->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof *names, name_cmp);
	for (i = 0; i < n; i++) {
		xsnprintf(path, sizeof path, "%s/%s", dir, names[i]);
		if ((fp = fopen(path, "rb")) == NULL || fseek(fp, 0,
		    SEEK_END) != 0 || (sz = ftell(fp)) < 0) {
			errors++;
			xsnprintf(err, errlen, "%s: 无法读取", path);
			if (fp != NULL)
				fclose(fp);
			break;
		}
		rewind(fp);
		text = xcalloc(1, (size_t)sz + 1);
		if (fread(text, 1, (size_t)sz, fp) != (size_t)sz) {
			errors++;
			xsnprintf(err, errlen, "%s: 无法读取", path);
		} else
			errors += forms_parse(forms, path, text, (size_t)sz,
			    err, errlen);
		free(text);
		fclose(fp);
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	if (n == 0 && errors == 0) {
		xsnprintf(err, errlen, "%s: 没有任何 .form 文件", dir);
		errors = 1;
	}
	if (errors == 0)
		errors = forms_resolve(forms, err, errlen);
	return errors;
}

struct forms *
forms_new(void)
{
	return xcalloc(1, sizeof(struct forms));
}

void
forms_free(struct forms **fp)
{
	struct forms	*forms = *fp;
	struct form	*f;
	size_t		 i, k;

	if (forms == NULL)
		return;
	for (i = 0; i < forms->n; i++) {
		f = forms->v[i];
		for (k = 0; k < f->nfields; k++) {
			free(f->fields[k].label);
			free(f->fields[k].help);
			free(f->fields[k].lookup);
			free(f->fields[k].using);
			free(f->fields[k].dflt);
		}
		for (k = 0; k < f->nrows; k++) {
			free(f->rows[k].target);
			free(f->rows[k].field);
		}
		for (k = 0; k < f->nset; k++) {
			free(f->setname[k]);
			free(f->setvalue[k]);
		}
		free(f->fields);
		free(f->rows);
		free(f->name);
		free(f->title);
		free(f->file);
		free(f->menu);
		free(f->note);
		free(f->post);
		for (k = 0; k < FLOW__COUNT; k++)
			free(f->flowtitle[k]);
		free(f->source);
		free(f->arg);
		free(f);
	}
	free(forms->v);
	free(forms);
	*fp = NULL;
}

const struct form *
forms_find(const struct forms *forms, const char *name)
{
	size_t i;

	for (i = 0; i < forms->n; i++)
		if (strcmp(forms->v[i]->name, name) == 0)
			return forms->v[i];
	return NULL;
}

/* May who use this form or list? By its action's or list's roles. */
int
form_allowed(const struct form *f, const struct actor *who)
{
	if (f->roles != 0 && who->role != ROLE_CONSOLE &&
	    !(f->roles & R(who->role)))
		return 0;
	/* issue 11 (6): a county user sees his post's entries only */
	if (f->post != NULL && who->post[0] != '\0' &&
	    strcmp(f->post, who->post) != 0)
		return 0;
	if (f->kind == FORM_ACTION)
		return action_allowed(f->action, who);
	return list_allowed(f->list, who);
}

/* Is f offered in a year of flow (FLOW_*, -1 unknown: all are)? */
int
form_in_flow(const struct form *f, int flow)
{
	return f->flows == 0 || flow < 0 || (f->flows & (1u << flow)) != 0;
}

/* f's title in a year of flow (FLOW_*, or -1). */
const char *
form_title(const struct form *f, int flow)
{
	if (flow >= 0 && flow < FLOW__COUNT && f->flowtitle[flow] != NULL)
		return f->flowtitle[flow];
	return f->title;
}

/* The forms directory: $NJBT_FORMS, else njbt.conf's forms (conf.c). */
const char *
forms_default_dir(void)
{
	const char *d = getenv("NJBT_FORMS");

	return d != NULL && *d != '\0' ? d : conf_current()->forms;
}

/*
 * The forms the server checked (issue 14 (3)): `njbt serve` parses and
 * checks them, keeps them here, and its session processes inherit them
 * through fork, so that no session ever reads a forms file itself. A
 * reload that checks clean replaces them (the old ones are freed).
 */
static struct forms *forms_checked;

void
forms_set_current(struct forms *forms)
{
	forms_free(&forms_checked);
	forms_checked = forms;
}

/* The checked forms, now the caller's to free; NULL when there are none. */
struct forms *
forms_take_current(void)
{
	struct forms *forms = forms_checked;

	forms_checked = NULL;
	return forms;
}
