/*
 * tui-main.c: PLACEHOLDER until the forms engine lands: a screen that
 * greets the user and echoes keys until q, so that the SSH server can be
 * built and tested end to end.
 */
#include <locale.h>
#include <curses.h>

#include "njbt.h"

int
tui_main(const struct actor *who, const struct tui_opts *o)
{
	int ch;

	(void)o;
	setlocale(LC_ALL, "C.UTF-8");
	initscr();
	raw();
	noecho();
	mvprintw(0, 0, "欢迎，%s（%s）。按 q 退出。", who->name,
	    role_label(who->role));
	refresh();
	while ((ch = getch()) != 'q' && ch != ERR)
		mvprintw(2, 0, "键：%d   ", ch);
	endwin();
	return 0;
}
