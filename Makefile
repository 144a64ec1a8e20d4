# njbt: the information system of the farm-machinery purchase subsidy
# programme. `make run` and `make check` install what is missing (Debian),
# build, and then serve the demo or run every test.

DEBS	= gcc make pkg-config libncurses-dev libsqlite3-dev libssh-dev \
	  libsodium-dev libcsv-dev libcmocka-dev sqlite3 tmux openssh-client \
	  sshpass putty-tools libxlsxwriter-dev python3-openpyxl
# OpenSSH's own sshd: the ForceCommand recipe's test (tests/e2e/sshd-forcecmd.sh)
DEBS	+= openssh-server
# strace: tests/cli/forcecmd.sh holds a client's hello back (a refusing
# server that hung up before it came)
DEBS	+= strace
PKGS	= ncursesw sqlite3 libssh libsodium xlsxwriter
WARN	= -Wall -Wextra -Wshadow -Wpointer-arith -Wstrict-prototypes \
	  -Wmissing-prototypes -Wwrite-strings -Werror
# CC, CFLAGS, CPPFLAGS and LDFLAGS are the builder's (dpkg-buildflags'
# hardening, say); the project's own flags are appended to them.
ifeq ($(origin CC),default)
CC	= gcc
endif
# Unless the builder gives them, dpkg-buildflags' with every hardening
# feature (issue 14 (5): stack protector, FORTIFY, RELRO, now), the very
# flags of the Debian package's build (debian/rules), which so finds the
# objects made; -O2 alone where there is no dpkg-buildflags.
DPKGFLAGS = DEB_BUILD_MAINT_OPTIONS=hardening=+all dpkg-buildflags --get
ifeq ($(origin CFLAGS),undefined)
CFLAGS	:= $(or $(shell $(DPKGFLAGS) CFLAGS 2>/dev/null),-O2)
endif
ifeq ($(origin CPPFLAGS),undefined)
CPPFLAGS := $(shell $(DPKGFLAGS) CPPFLAGS 2>/dev/null)
endif
ifeq ($(origin LDFLAGS),undefined)
LDFLAGS	:= $(shell $(DPKGFLAGS) LDFLAGS 2>/dev/null)
endif
# The makes below this one (tests/run's three, the tests' own: a dozen in
# make check) take the three from the environment instead of running
# dpkg-buildflags, a Perl program, three times each (0.4 s of CPU a make);
# the same flags, so they find the same objects (dist/deb.sh unsets them:
# the package is built with its own)
export CFLAGS CPPFLAGS LDFLAGS
# pkg-config runs once per make, at the flags' first use (after `deps`
# installed what is missing), not once for each object compiled
PKGCFLAGS = $(eval PKGCFLAGS := $$(shell pkg-config --cflags $$(PKGS) \
	  2>/dev/null))$(PKGCFLAGS)
PKGLIBS	= $(eval PKGLIBS := $$(shell pkg-config --libs $$(LINKPKGS) \
	  2>/dev/null))$(PKGLIBS)
SSHLIBS	= $(eval SSHLIBS := $$(shell pkg-config --libs libssh \
	  2>/dev/null))$(SSHLIBS)
BASE	= -std=c11 -D_GNU_SOURCE -g $(WARN) -Isrc -Ibuild -MMD -MP $(PKGCFLAGS)
NJFLAGS	= $(CPPFLAGS) $(CFLAGS) $(BASE)
# The sanitized build (tests) is not optimised: -O0 compiles a third faster
# and the tests' time is spent in SQLite, the kernel and the sanitizers'
# runtime, not in njbt's own code (the release build keeps -O2 and its
# warnings that need the optimiser)
# (-g1, line tables: a sanitizer's report still names file and line, and
# the objects compile a sixth faster than with -g's full debug information)
SANFLAGS= $(BASE) -g1 -O0 -fno-omit-frame-pointer -DNJBT_TEST_KDF \
	  -fsanitize=address,undefined -fno-sanitize-recover=undefined
# libssh is loaded by the server when it first needs it (src/ssh-lib.c),
# libxlsxwriter by the first xlsx print (src/xlsx-lib.c), ncursesw by the
# screens (src/tui-lib.c), so that batch commands do not pay for loading
# them and their dependencies (libcrypto, libtinfo)
LINKPKGS= $(filter-out libssh xlsxwriter ncursesw,$(PKGS))
LDLIBS	= $(PKGLIBS) -lcsv -lutil
TESTLIBS= $(LDLIBS) -lcmocka

SRCS	= $(wildcard src/*.c)
OBJS	= $(SRCS:src/%.c=build/obj/%.o) build/obj/gen-embed.o
# The sanitized objects: the sources in $(UNITY_IDS) chunks of some 26
# each (build/san/unity-N.c, tests/tools/unity.sh: a compile's own start
# and the C library's headers cost some 70 ms, half the CPU of 158
# compiles), but main.c and the sources that read a header another way
# (--solo), compiled alone. The release objects stay one a source (make
# layers reads them, and their warnings: -Wshadow there, not across the
# sources of a chunk).
UNITY_IDS = 0 1 2 3 4 5
SAN_SOLO := $(shell sh tests/tools/unity.sh --solo $(SRCS)) src/main.c
SAN_UNITY = $(filter-out $(SAN_SOLO),$(SRCS))
SOBJS	= $(UNITY_IDS:%=build/san/unity-%.o) \
	  $(SAN_SOLO:src/%.c=build/san/%.o) build/san/gen-embed.o
LIBOBJS	= $(filter-out build/san/main.o,$(SOBJS))
UNITS	= $(patsubst tests/unit/%.c,build/san/%,$(wildcard tests/unit/test-*.c))
NUNITS	= $(patsubst tests/unit/%.c,build/obj/%,$(wildcard tests/unit/test-*.c))
SUNITS	= $(patsubst tests/security/%.c,build/san/sec-%,$(wildcard tests/security/test-*.c))
EMBED	= db/embed.sh db/schema.sql $(wildcard db/migrations/*.sql) \
	  $(wildcard db/demo/*.csv)

all: build/njbt

build/njbt: $(OBJS)
	$(CC) $(NJFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(LDLIBS)

# The sanitized programs are linked without PIE and with the sanitizers'
# runtimes inside: the suite starts them thousands of times, and each start
# then costs a quarter less CPU (fewer relocations, no runtime to bind)
# (gold links them in half the time of bfd's ld: the suite links 70)
SANLINK	= -no-pie -static-libasan -static-libubsan \
	  $(if $(wildcard /usr/bin/ld.gold),-fuse-ld=gold)

build/san/njbt: $(SOBJS)
	$(CC) $(SANFLAGS) $(SANLINK) -o $@ $(SOBJS) $(LDLIBS)

build/obj/%.o: src/%.c build/obj/flags | build/obj
	$(CC) $(NJFLAGS) -c -o $@ $<

# The flags the release objects were made with: other flags make them
# again (a stamp rewritten only when they change)
# (a make of its own, as the install and deb tests run, writes its own
# temporary file)
build/obj/flags: FORCE | build/obj
	@echo '$(CC) $(NJFLAGS) $(LDFLAGS)' > $@.$$$$; \
	cmp -s $@.$$$$ $@ && rm -f $@.$$$$ || mv $@.$$$$ $@
FORCE:

build/san/%.o: src/%.c | build/san
	$(CC) $(SANFLAGS) -c -o $@ $<

# the chunks, written again when a source comes, goes or changes (each
# file only when its text changes; its object follows its sources, -MMD)
build/san/unity.stamp: $(SAN_UNITY) tests/tools/unity.sh | build/san
	sh tests/tools/unity.sh $(words $(UNITY_IDS)) $(SAN_UNITY)
	@touch $@
$(UNITY_IDS:%=build/san/unity-%.c): build/san/unity.stamp ;

build/san/unity-%.o: build/san/unity-%.c build/gen-version.h | build/san
	$(CC) $(SANFLAGS) -Wno-shadow -c -o $@ $<

build/obj/gen-embed.o: build/gen-embed.c build/obj/flags | build/obj
	$(CC) $(NJFLAGS) -Wno-missing-prototypes -c -o $@ $<

build/san/gen-embed.o: build/gen-embed.c | build/san
	$(CC) $(SANFLAGS) -Wno-missing-prototypes -c -o $@ $<

# the version (src/version.h): debian/changelog's first line
build/gen-version.h: debian/changelog | build
	sed -n '1s/^njbt (\([^)]*\)).*/#define NJBT_VERSION "\1"/p' \
	  debian/changelog > $@.tmp && grep -q VERSION $@.tmp && mv $@.tmp $@
$(foreach d,obj san fuzz,build/$(d)/main.o build/$(d)/cmd-serve.o): \
	build/gen-version.h

build/gen-embed.c: $(EMBED) | build
	sh db/embed.sh > $@.tmp && mv $@.tmp $@

# The unit programs are one sanitized program, build/san/units, linked once
# (67 links of the sanitizers' runtimes cost more than their compiles):
# each tests/unit/test-FILE.c (tests/security/test-FILE.c) is compiled with
# its main() named unit_test_FILE (unit_sec_test_FILE), and
# build/san/test-FILE (build/san/sec-test-FILE), a hard link to it, runs
# that one by its name (tests/unit/units.c); `build/san/units NAME` does too.
# It takes the objects it uses from one archive, build/san/libnjbt.a.
build/san/libnjbt.a: $(LIBOBJS)
	rm -f $@ && ar rcs $@ $(LIBOBJS)

# (the test files of tests/unit in chunks too, as the sources: those that
# define a macro before an #include alone; tests/security's alone)
UNIT_SRCS = $(wildcard tests/unit/test-*.c)
UNIT_SOLO := $(shell sh tests/tools/unity.sh --solo $(UNIT_SRCS))
UNIT_UNITY = $(filter-out $(UNIT_SOLO),$(UNIT_SRCS))
UOBJS	= $(UNITY_IDS:%=build/san/uchunk-%.o) \
	  $(UNIT_SOLO:tests/unit/%.c=build/san/u-%.o) \
	  $(SUNITS:build/san/%=build/san/u-%.o)
# the list of the unit programs (build/san/units.def: UNIT(function,
# "name") rows), rewritten only when a test file comes or goes
build/san/units.def: FORCE | build/san
	@for n in $(notdir $(UNITS) $(SUNITS)); do \
	  echo "UNIT(unit_$$(echo $$n | tr - _), \"$$n\")"; done > $@.$$$$; \
	cmp -s $@.$$$$ $@ && rm -f $@.$$$$ || mv $@.$$$$ $@

UNITFLAGS = $(SANFLAGS) -Itests/unit -include tests/unit/units.h
build/san/u-test-%.o: tests/unit/test-%.c build/san/units.def
	$(CC) $(UNITFLAGS) -Dmain=unit_test_$(subst -,_,$*) -c -o $@ $<

build/san/u-sec-test-%.o: tests/security/test-%.c build/san/units.def
	$(CC) $(UNITFLAGS) -Dmain=unit_sec_test_$(subst -,_,$*) -c -o $@ $<

build/san/uchunk.stamp: $(UNIT_UNITY) tests/tools/unity.sh | build/san
	sh tests/tools/unity.sh --units $(words $(UNITY_IDS)) $(UNIT_UNITY)
	@touch $@
$(UNITY_IDS:%=build/san/uchunk-%.c): build/san/uchunk.stamp ;

build/san/uchunk-%.o: build/san/uchunk-%.c build/san/units.def
	$(CC) $(UNITFLAGS) -Wno-shadow -c -o $@ $<

build/san/u-units.o: tests/unit/units.c build/san/units.def
	$(CC) $(SANFLAGS) -c -o $@ $<

build/san/units: build/san/u-units.o $(UOBJS) build/san/libnjbt.a
	$(CC) $(SANFLAGS) $(SANLINK) -o $@ build/san/u-units.o $(UOBJS) \
	    build/san/libnjbt.a $(TESTLIBS)

$(UNITS) $(SUNITS): build/san/units
	ln -f $< $@

# The unit tests in the optimised build (make units-release; make check
# runs them under the sanitizers only). Their own copy of passwd.c hashes
# cheaply (NJBT_TEST_KDF); the release binary's never does.
TOBJS	= $(filter-out build/obj/main.o build/obj/passwd.o,$(OBJS)) \
	  build/obj/passwd-test.o

build/obj/passwd-test.o: src/passwd.c | build/obj
	$(CC) $(NJFLAGS) -DNJBT_TEST_KDF -c -o $@ $<

build/obj/test-%: tests/unit/test-%.c $(TOBJS) $(wildcard tests/unit/*.h)
	$(CC) $(NJFLAGS) $(LDFLAGS) -o $@ $< $(TOBJS) $(TESTLIBS)

# build/njbt-test: the optimised njbt with that cheap passwd.c. The shell
# tests arrange their data with it ($NJBT_FAST, set by tests/run) and check
# behaviour with the sanitized build ($NJBT)
build/njbt-test: $(TOBJS) build/obj/main.o
	$(CC) $(NJFLAGS) $(LDFLAGS) -o $@ $(TOBJS) build/obj/main.o $(LDLIBS)

# the e2e tests' wait for a screen (tests/e2e/ssh-lib.inc wait_screen)
# and their gate to tmux (tests/tools/tmuxgate.c), linked statically: the
# suite starts it some 2,000 times (a start costs 1.0 ms of CPU where a
# dynamic one costs 1.75; glibc's static libc.a, libc6-dev)
WAITSCREEN = tests/tools/waitscreen.c tests/tools/tmuxgate.c
build/waitscreen: $(WAITSCREEN) tests/tools/tmuxgate.h | build
	$(CC) $(NJFLAGS) $(LDFLAGS) -static -o $@ $(WAITSCREEN)

# tests/e2e/hangup.sh's client that closes its channel first (libssh's
# client; njbt itself loads libssh only in the server)
build/closefirst: tests/tools/closefirst.c | build
	$(CC) $(NJFLAGS) $(LDFLAGS) -o $@ $< $(SSHLIBS)

build/bench-%: bench/%.c $(filter-out build/obj/main.o,$(OBJS))
	$(CC) $(NJFLAGS) $(LDFLAGS) -o $@ $< $(filter-out build/obj/main.o,$(OBJS)) $(LDLIBS)

# bench/sessions and bench/peakday drive SSH sessions with libssh's
# client, linked into them (njbt itself loads libssh only in the server);
# their baseline, bench/echo-server, is libssh and ncurses alone
build/bench-sessions build/bench-peakday: build/bench-%: bench/%.c \
    bench/drive.h bench/million.h bench/timing.h \
    $(filter-out build/obj/main.o,$(OBJS))
	$(CC) $(NJFLAGS) $(LDFLAGS) -o $@ $< \
	    $(filter-out build/obj/main.o,$(OBJS)) $(LDLIBS) $(SSHLIBS)

build/bench-echo-server: bench/echo-server.c | build
	$(CC) $(NJFLAGS) $(LDFLAGS) -o $@ $< $(SSHLIBS) \
	    $(shell pkg-config --libs ncursesw 2>/dev/null) -lutil

build build/obj build/san:
	mkdir -p $@

# Installing (issue 14 (1)): the layout of DESIGN.md "Files and paths".
# The installed binary is build/njbt's objects linked again with conf.c
# compiled for these paths (INSTDIR/conf.o): it reads SYSCONFDIR's
# njbt.conf and keeps its data in LOCALSTATEDIR/lib/njbt, its forms in
# PREFIX/share/njbt/forms, while build/njbt keeps the source tree's
# ./var and ./forms and reads no configuration file (src/conf.h).
PREFIX	?= /usr/local
SYSCONFDIR ?= /etc
LOCALSTATEDIR ?= /var
UNITDIR	?= $(PREFIX)/lib/systemd/system
INSTDIR	?= build/inst
INSTPATHS = -DNJBT_CONF_FILE='"$(SYSCONFDIR)/njbt/njbt.conf"' \
	  -DNJBT_DATA_DIR='"$(LOCALSTATEDIR)/lib/njbt"' \
	  -DNJBT_FORMS_DIR='"$(PREFIX)/share/njbt/forms"' \
	  -DNJBT_BACKUP_DIR='"$(LOCALSTATEDIR)/backups/njbt"'

$(INSTDIR)/paths: FORCE
	@mkdir -p $(INSTDIR); echo '$(INSTPATHS)' > $@.$$$$; \
	cmp -s $@.$$$$ $@ && rm -f $@.$$$$ || mv $@.$$$$ $@

$(INSTDIR)/conf.o: src/conf.c $(INSTDIR)/paths build/obj/flags
	$(CC) $(NJFLAGS) $(INSTPATHS) -c -o $@ src/conf.c

$(INSTDIR)/njbt: $(filter-out build/obj/conf.o,$(OBJS)) $(INSTDIR)/conf.o
	$(CC) $(NJFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

install: $(INSTDIR)/njbt
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/njbt/forms \
	  $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/man/man5 \
	  $(DESTDIR)$(UNITDIR) $(DESTDIR)$(SYSCONFDIR)/njbt
	install -d -m 750 $(DESTDIR)$(LOCALSTATEDIR)/lib/njbt
	install -m 755 $(INSTDIR)/njbt $(DESTDIR)$(PREFIX)/bin/njbt
	install -m 644 forms/*.form $(DESTDIR)$(PREFIX)/share/njbt/forms
	install -m 644 man/njbt.1 $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 644 man/njbt-forms.5 man/njbt.conf.5 \
	  $(DESTDIR)$(PREFIX)/share/man/man5
	sed -e 's|@BINDIR@|$(PREFIX)/bin|g' \
	  -e 's|@CONF@|$(SYSCONFDIR)/njbt/njbt.conf|g' dist/njbt.service.in \
	  > $(DESTDIR)$(UNITDIR)/njbt.service
	chmod 644 $(DESTDIR)$(UNITDIR)/njbt.service
	@# an administrator's njbt.conf is never overwritten
	[ -e $(DESTDIR)$(SYSCONFDIR)/njbt/njbt.conf ] || sed \
	  -e 's|@DATA@|$(LOCALSTATEDIR)/lib/njbt|g' \
	  -e 's|@FORMS@|$(PREFIX)/share/njbt/forms|g' \
	  -e 's|@BACKUP@|$(LOCALSTATEDIR)/backups/njbt|g' dist/njbt.conf.in \
	  > $(DESTDIR)$(SYSCONFDIR)/njbt/njbt.conf

# The Debian package (issue 14 (5)): dpkg-buildpackage, then lintian; the
# .deb and its .changes land in build/deb/.
DEBDEBS	= debhelper dpkg-dev fakeroot lintian adduser systemd

deb-deps: deps
	$(call install_missing,$(DEBDEBS))

deb: deb-deps
	sh dist/deb.sh

# Install the Debian packages that are missing (as root), or say how.
# (one dpkg-query for the list: a dpkg -s a package cost a second of CPU a
# make check; a package counts when it is installed, "ii")
define install_missing
	@have=" $$(dpkg-query -W -f '$${db:Status-Abbrev}$${Package}\n' \
	  $(1) 2>/dev/null | sed -n 's/^ii *//p' | tr '\n' ' ')"; \
	missing=""; for p in $(1); do case "$$have" in *" $$p "*) ;; \
	  *) missing="$$missing $$p";; esac; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive \
	      apt-get install -y -q $$missing; \
	  else \
	    echo "missing packages; as root run: apt-get install -y$$missing"; \
	    exit 1; \
	  fi; \
	fi
endef

deps:
	$(call install_missing,$(DEBS))

# Layers, checked by symbols (tests/layers over the release objects): no
# object calls a layer above its own; the front ends (cmd-*, ssh-*, tui-*,
# main.c) reference nothing of the store, SQLite or libsodium; nothing below
# them references curses or libssh. And by text: the front ends include no
# header of a lower layer, and below them (BELOW) nothing writes to the
# terminal itself: messages go through log.c, whose sink the front end sets.
BELOW	= $(filter-out src/cmd-% src/ssh-% src/tui-% src/main.c src/log.c,$(SRCS))
layers: build/njbt
	@sh tests/layers build/obj
	@bad=$$(grep -lE 'sqlite3|sodium|include "(store|store-sql|lists|actions|print)\.h"' \
	  src/tui*.c src/ssh*.c src/cmd*.c src/main.c 2>/dev/null); \
	bad="$$bad$$(grep -lE 'curses|libssh' src/store*.c src/action*.c \
	  src/list*.c src/print*.c 2>/dev/null)"; \
	bad="$$bad$$(grep -lE 'fprintf\(stderr|fputs\(.*stderr|(^|[^_[:alnum:]])(printf|puts|perror)\(' \
	  $(BELOW) 2>/dev/null)"; \
	if [ -n "$$bad" ]; then echo "layer violation in: $$bad"; exit 1; fi

# every core builds (unless the caller's make already runs jobs: -j there)
JOBS	= $(if $(findstring j,$(filter-out --%,$(MAKEFLAGS))),,-j$(shell nproc 2>/dev/null || echo 2))

build-all: deps
	$(MAKE) $(JOBS) build/njbt build/njbt-test build/san/njbt $(UNITS) \
	    $(SUNITS) build/bench-xlsx \
	    build/bench-sessions build/bench-peakday build/bench-echo-server \
	    build/waitscreen build/closefirst

units-release: $(NUNITS)
	@for t in $(NUNITS); do $$t > $$t.out 2>&1 || { cat $$t.out; exit 1; }; \
	  sed -n "s|^\[  PASSED  \] \(.*\)|ok   $$t (\1)|p" $$t.out; done

# Rules: every rule ID (R-...) in src/ is named in a test.
rules:
	@sh tests/rules

# (tests/run's makes build what the tests need and run them, with make
# layers and make rules)
check: deb-deps
	@sh tests/run

# The demo: made on first run, then served on 127.0.0.1:2222.
run: deps
	$(MAKE) build/njbt
	@[ -f var/njbt.db ] || build/njbt init --demo
	@echo "njbt: demo database var/njbt.db (see README.md for every login)"
	@echo "      log in with: ssh -p 2222 hl_jb@127.0.0.1   (password njbt-demo)"
	@echo "      scripts:     build/njbt actions --as xg_zhen; build/njbt do --as ..."
	build/njbt serve --listen 127.0.0.1:2222

# Benchmarks: each prints its figures against a baseline of the same run.
bench: deps
	$(MAKE) build/njbt build/bench-write build/bench-queue build/bench-print \
	    build/bench-xlsx
	build/bench-write 2000
	build/bench-queue
	build/bench-print
	build/bench-xlsx
	sh bench/wire.sh
	sh bench/do.sh
	$(MAKE) build/bench-sessions build/bench-peakday build/bench-echo-server
	build/bench-sessions
	build/bench-peakday

# Fuzzing (libFuzzer through clang; see README.md "Fuzzing"). The project's
# objects are compiled again by clang with coverage and ASan/UBSan into
# build/fuzz/, one harness per fuzz/fuzz-TARGET.c. `make fuzz` runs each for
# FUZZ_SECONDS over its seeds (fuzz/corpus/TARGET) and what it found before
# (build/fuzz/corpus/TARGET); a crash stops it and leaves the input in
# build/fuzz/crash-TARGET-*. `make fuzz-seeds` only replays the seeds.
FUZZDEBS= clang libclang-rt-14-dev
FUZZCC	= clang
FUZZ_SECONDS = 60
FUZZFLAGS= $(BASE) -O1 -fno-omit-frame-pointer \
	  -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZOBJS= $(filter-out build/fuzz/main.o,$(SRCS:src/%.c=build/fuzz/%.o)) \
	  build/fuzz/gen-embed.o
FUZZERS	= $(patsubst fuzz/fuzz-%.c,build/fuzz/fuzz-%,$(wildcard fuzz/fuzz-*.c))

build/fuzz:
	mkdir -p $@

build/fuzz/%.o: src/%.c | build/fuzz
	$(FUZZCC) $(FUZZFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

build/fuzz/gen-embed.o: build/gen-embed.c | build/fuzz
	$(FUZZCC) $(FUZZFLAGS) -Wno-missing-prototypes -c -o $@ $<

build/fuzz/fuzz-%: fuzz/fuzz-%.c fuzz/fuzz.h $(FUZZOBJS)
	$(FUZZCC) $(FUZZFLAGS) -Ifuzz -fsanitize=fuzzer -o $@ $< $(FUZZOBJS) \
	  $(LDLIBS)

fuzz-deps: deps
	$(call install_missing,$(FUZZDEBS))

fuzz-build: fuzz-deps
	$(MAKE) $(FUZZERS)

fuzz: fuzz-build
	@for f in $(FUZZERS); do t=$${f#build/fuzz/fuzz-}; \
	  mkdir -p build/fuzz/corpus/$$t; \
	  echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
	  d=; [ -f fuzz/$$t.dict ] && d=-dict=fuzz/$$t.dict; \
	  $$f -max_total_time=$(FUZZ_SECONDS) -close_fd_mask=3 $$d \
	    -artifact_prefix=build/fuzz/crash-$$t- \
	    build/fuzz/corpus/$$t fuzz/corpus/$$t 2>build/fuzz/$$t.log \
	    || { tail -40 build/fuzz/$$t.log; exit 1; }; \
	  grep -E '^Done|^#[0-9]+.*DONE' build/fuzz/$$t.log | tail -1; \
	done

fuzz-seeds: fuzz-build
	@for f in $(FUZZERS); do t=$${f#build/fuzz/fuzz-}; \
	  $$f -runs=0 -close_fd_mask=3 fuzz/corpus/$$t \
	    2>build/fuzz/$$t.seeds.log \
	    || { tail -40 build/fuzz/$$t.seeds.log; exit 1; }; \
	  echo "ok   fuzz-$$t seeds"; \
	done

clean:
	rm -rf build

.PHONY: all deps layers rules build-all check run bench clean fuzz fuzz-deps \
	install deb deb-deps FORCE \
	units-release \
	fuzz-build fuzz-seeds
-include $(wildcard build/obj/*.d build/san/*.d build/fuzz/*.d)
