# hepadesk — plain Makefile. `make run` opens the program on its demo database;
# `make test` runs every suite; `make asan` runs them under ASan and UBSan.
# Both install missing Debian packages first (`make deps`).

BUILD    ?= build
CC       ?= cc
PKGS     := ncursesw sqlite3 libmd libsodium gsl jansson libxml-2.0
DEBS     := pkgconf libncurses-dev ncurses-term libsqlite3-dev sqlite3 \
            libiniparser-dev libcmocka-dev libunistring-dev libmd-dev libsodium-dev tmux \
            clang-tidy clang-format \
            util-linux procps man-db clang libclang-rt-14-dev \
            libpam0g-dev libpam-wrapper libgsl-dev libjansson-dev nodejs libxml2-dev libxml2-utils time jq
WARN     := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
            -Wmissing-prototypes -Wno-unused-parameter \
            -Wno-missing-field-initializers
ifdef CI
WARN     += -Werror
endif
OPT      ?= -O2 -g
SAN      ?=
CPPFLAGS := -Iinclude -I$(BUILD) -I/usr/include/iniparser \
            -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
CFLAGS   := -std=c11 $(OPT) $(WARN) $(SAN) -MMD -MP
# pkg-config is asked only when a target that compiles runs (deps may not be
# installed yet when make parses this file).
# libxml2's headers live in their own folder (/usr/include/libxml2), which
# pkg-config gives as -I: as -isystem they stay system headers, outside
# clang-tidy's HeaderFilterRegex and the project's warnings.
PKG_CFLAGS = $(shell pkg-config --cflags sqlite3 libmd libsodium gsl jansson 2>/dev/null) \
             $(patsubst -I%,-isystem %,$(shell pkg-config --cflags libxml-2.0 2>/dev/null))
MODEL_LIBS = $(shell pkg-config --libs sqlite3 libmd libsodium gsl jansson libxml-2.0 2>/dev/null) \
             -liniparser -lunistring -lpam -lm
UI_CFLAGS  = $(shell pkg-config --cflags ncursesw 2>/dev/null)
UI_LIBS    = $(shell pkg-config --libs ncursesw 2>/dev/null)

SRC      := $(wildcard src/*/*.c)
UI_SRC   := $(wildcard ui/*.c ui/*/*.c)
SQL      := $(sort $(wildcard assets/sql/*.sql))
LIB_OBJ  := $(SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/assets.o
UI_OBJ   := $(UI_SRC:%.c=$(BUILD)/%.o)
LIB      := $(BUILD)/libhepadesk.a
BIN      := $(BUILD)/hepadesk
# The test build: the same program plus tests/hooks (a clock the tests set).
# Only it is run by the command-line and screen tests; it is never installed.
TEST_BIN := $(BUILD)/hepadesk-test
TEST_OBJ := $(filter-out $(BUILD)/ui/main.o,$(UI_OBJ)) $(BUILD)/tests/main-test.o \
            $(BUILD)/tests/testhooks.o
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
BENCH_SRC := $(wildcard tests/bench/bench_*.c)
BENCH_BIN := $(BENCH_SRC:tests/bench/%.c=$(BUILD)/bench/%)
DEMO_DB  := $(BUILD)/demo/hepadesk-demo.db
EMBED    := $(SQL) assets/hepadesk.ini $(wildcard assets/protocols/*.ini) $(wildcard assets/instruments/*.ini) \
            $(wildcard assets/*.txt)

.PHONY: all deps run test asan bench unit cli screen layercheck tidy clean demo install
all: $(BIN)

deps:
	@tests/deps.sh $(DEBS)
	@tests/fhir/install.sh

$(BUILD)/%.o: %.c | deps
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(if $(filter ui/%,$<),$(UI_CFLAGS)) $(CFLAGS) -c $< -o $@

$(BUILD)/gen/assets.c: $(EMBED) tests/embed.sh
	@mkdir -p $(dir $@)
	tests/embed.sh $(EMBED) > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/assets.o: $(BUILD)/gen/assets.c
	$(CC) $(CPPFLAGS) $(CFLAGS) -Wno-overlength-strings -c $< -o $@

$(LIB): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BIN): $(UI_OBJ) $(LIB)
	$(CC) $(CFLAGS) $(UI_OBJ) $(LIB) $(MODEL_LIBS) $(UI_LIBS) -o $@

$(BUILD)/tests/main-test.o: ui/main.c | deps
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Itests/hooks -DHEPADESK_TEST_HOOKS $(PKG_CFLAGS) $(UI_CFLAGS) $(CFLAGS) -c $< -o $@

$(BUILD)/tests/testhooks.o: tests/hooks/testhooks.c | deps
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Itests/hooks $(PKG_CFLAGS) $(CFLAGS) -c $< -o $@

$(TEST_BIN): $(TEST_OBJ) $(LIB)
	$(CC) $(CFLAGS) $(TEST_OBJ) $(LIB) $(MODEL_LIBS) $(UI_LIBS) -o $@

# Unit tests link the model library without curses: a curses call in src/
# breaks this link.
$(BUILD)/tests/%: tests/unit/%.c $(LIB) | deps
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) $< $(LIB) $(MODEL_LIBS) -lcmocka -o $@

layercheck:
	@mkdir -p $(BUILD)
	@sh tests/layercheck-test.sh >$(BUILD)/layercheck-test.log 2>&1 || \
	  { cat $(BUILD)/layercheck-test.log; exit 1; }
	@tail -n 1 $(BUILD)/layercheck-test.log
	@sh tests/layercheck.sh

unit: $(UNIT_BIN)
	@tests/run.sh unit $(UNIT_BIN)

cli: $(TEST_BIN) $(BIN)
	@HEPADESK=$(abspath $(TEST_BIN)) HEPADESK_INSTALLED=$(abspath $(BIN)) \
	  tests/run.sh sh tests/cli/*.sh

screen: $(TEST_BIN)
	@HEPADESK=$(abspath $(TEST_BIN)) tests/run.sh sh tests/screen/*.sh

# The three suites run at once, each running its tests concurrently (JOBS=N
# per suite; JOBS=1 one by one); -O prints each suite's output whole.
test: deps layercheck
	@$(MAKE) --no-print-directory -j$$(nproc 2>/dev/null || echo 2) $(BIN) $(TEST_BIN) $(UNIT_BIN)
	@$(MAKE) --no-print-directory -j3 -Otarget unit cli screen

asan: deps
	@$(MAKE) --no-print-directory BUILD=build-asan OPT="-O1 -g -fno-omit-frame-pointer" \
	  SAN="-fsanitize=address,undefined -fno-sanitize-recover=undefined" test

$(DEMO_DB): | $(BIN)
	@mkdir -p $(dir $@) && chmod 0750 $(dir $@)
	$(BIN) --db $@ init >/dev/null
	$(BIN) --db $@ demo --patients 2000

demo: $(DEMO_DB)

run: deps $(BIN) $(DEMO_DB)
	$(BIN) --db $(DEMO_DB)

# Bench programs link the model library like the unit tests (plus libutil
# for forkpty); timing lives only here, never in `make test`.
$(BUILD)/bench/%: tests/bench/%.c $(LIB) | deps
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) $< $(LIB) $(MODEL_LIBS) -lutil -o $@

bench: deps $(BIN)
	@$(MAKE) --no-print-directory $(BENCH_BIN)
	@tests/bench/bench.sh $(abspath $(BIN)) $(BUILD)/bench

# clang-tidy with the checked-in .clang-tidy over every C file; any finding
# fails (CI runs it). A deliberate exception needs a NOLINT with its reason.
TIDY_FLAGS = -std=c11 $(CPPFLAGS) -Itests/hooks $(PKG_CFLAGS) $(UI_CFLAGS)
tidy: deps $(BUILD)/gen/assets.c
	@tests/tidy.sh $(TIDY_FLAGS)

# make install [PREFIX=/usr/local] [DESTDIR=staging] [SYSCONFDIR=/etc]
# [LOCALSTATEDIR=/var]: the program set-group-ID to the group hepadesk (chgrp
# is skipped, with a warning, when the group does not exist, as in a build
# container), the system settings (naming LOCALSTATEDIR/lib/hepadesk/hepadesk.db
# and the group; an existing file is kept), the PAM service file, the
# protocols and term lists, the man page, and the data folder. The installed
# program is linked with its own copy of config.c that knows SYSCONFDIR and
# LOCALSTATEDIR (INSTALL_BUILD, one folder per pair), so a test can install
# into a temporary prefix and run what it installed.
PREFIX  ?= /usr/local
DESTDIR ?=
SYSCONFDIR ?= /etc
LOCALSTATEDIR ?= /var
PAMDIR  ?= $(SYSCONFDIR)/pam.d
HD_GROUP ?= hepadesk
INSTALL_BUILD ?= $(BUILD)/install-$(shell printf '%s\n' '$(SYSCONFDIR)' '$(LOCALSTATEDIR)' | cksum | cut -d' ' -f1)
INSTALL_DEFS := -DHEPADESK_SYSCONFDIR='"$(SYSCONFDIR)"' -DHEPADESK_LOCALSTATEDIR='"$(LOCALSTATEDIR)"'
DATA_DIR := $(DESTDIR)$(LOCALSTATEDIR)/lib/hepadesk

$(INSTALL_BUILD)/config.o: src/model/config.c | deps
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(INSTALL_DEFS) $(PKG_CFLAGS) $(CFLAGS) -c $< -o $@

# Its config.o comes before the library, so the library's copy is not linked.
$(INSTALL_BUILD)/hepadesk: $(UI_OBJ) $(INSTALL_BUILD)/config.o $(LIB)
	$(CC) $(CFLAGS) $(UI_OBJ) $(INSTALL_BUILD)/config.o $(LIB) $(MODEL_LIBS) $(UI_LIBS) -o $@

install: $(INSTALL_BUILD)/hepadesk
	install -d -m 0755 $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/hepadesk/protocols \
	  $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(SYSCONFDIR)/hepadesk
	install -m 0755 $(INSTALL_BUILD)/hepadesk $(DESTDIR)$(PREFIX)/bin/hepadesk
	install -m 0644 assets/protocols/*.ini $(DESTDIR)$(PREFIX)/share/hepadesk/protocols/
	install -d -m 0755 $(DESTDIR)$(PREFIX)/share/hepadesk/instruments
	install -m 0644 assets/instruments/*.ini $(DESTDIR)$(PREFIX)/share/hepadesk/instruments/
	install -m 0644 assets/*.txt $(DESTDIR)$(PREFIX)/share/hepadesk/
	install -m 0644 docs/hepadesk.1 $(DESTDIR)$(PREFIX)/share/man/man1/hepadesk.1
	@set -e; for f in $(wildcard assets/pam/*); do \
	  echo "install -D -m 0644 $$f $(DESTDIR)$(PAMDIR)/$${f##*/}"; \
	  install -D -m 0644 $$f $(DESTDIR)$(PAMDIR)/$${f##*/}; \
	done
	test -e $(DESTDIR)$(SYSCONFDIR)/hepadesk/hepadesk.ini || \
	  sed -e 's|^path = ""|path = "$(LOCALSTATEDIR)/lib/hepadesk/hepadesk.db"|' \
	      -e 's|^group = ""|group = "$(HD_GROUP)"|' assets/hepadesk.ini \
	      > $(DESTDIR)$(SYSCONFDIR)/hepadesk/hepadesk.ini
	chmod 0644 $(DESTDIR)$(SYSCONFDIR)/hepadesk/hepadesk.ini
	install -d -m 2770 $(DATA_DIR)
	@if getent group $(HD_GROUP) >/dev/null; then \
	  chgrp $(HD_GROUP) $(DESTDIR)$(PREFIX)/bin/hepadesk $(DATA_DIR); \
	else \
	  echo "make install: group $(HD_GROUP) does not exist; chgrp skipped" \
	       "(groupadd --system $(HD_GROUP), then chgrp it and $(DATA_DIR))" >&2; \
	fi
	chmod 2755 $(DESTDIR)$(PREFIX)/bin/hepadesk

clean:
	rm -rf build build-asan

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

include tests/fuzz/fuzz.mk
