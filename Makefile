# Makefile for the graphql extension (PGXS)
#
#   make               build the extension
#   make install       install it into the PostgreSQL found by PG_CONFIG
#   make run / stop    a local demo cluster in .run/ (scripts/run.sh, scripts/stop.sh)
#   make test          every test suite, one summary line (scripts/test.sh)
#   make deps          install missing Debian packages (scripts/install-deps.sh)
#   make fuzz          the libFuzzer target of the parser, for a bounded time (test/unit)
#
# On Debian, /usr/bin/pg_config may be libpq-dev's; prefer the server's.
ifneq ($(wildcard /usr/lib/postgresql/15/bin/pg_config),)
PG_CONFIG ?= /usr/lib/postgresql/15/bin/pg_config
else
PG_CONFIG ?= pg_config
endif

MODULE_big = graphql
# The portable core (no PostgreSQL headers; also built standalone by
# test/unit) and the backend modules.
PORTABLE_DIRS = language schema validation validation/rules execution
PORTABLE_OBJS = $(patsubst %.c,%.o,$(sort $(foreach d,$(PORTABLE_DIRS),$(wildcard src/$(d)/*.c))))
OBJS = src/graphql.o src/guc.o $(PORTABLE_OBJS) $(patsubst %.c,%.o,$(wildcard src/reflect/*.c)) \
	$(patsubst %.c,%.o,$(wildcard src/planner/*.c src/executor/*.c src/http/*.c src/metadata/*.c))

EXTENSION = graphql
# The extension script is built from its parts: the core objects, then the
# metadata catalog, its API and the permission compiler.
EXTENSION_SQL = src/extension/core.sql src/metadata/catalog.sql src/metadata/reflect.sql \
	src/metadata/api.sql src/metadata/permissions.sql
DATA_built = graphql--0.1.0.sql

# pg_regress suites: every sql/*.sql, in sorted order, in a temporary instance
# that preloads the library.
REGRESS = $(sort $(basename $(notdir $(wildcard sql/*.sql))))
REGRESS_OPTS = --temp-instance=tmp_check --temp-config=test/regress.conf --inputdir=.

PG_CPPFLAGS = -Isrc
# The HTTP server: libmicrohttpd, and OpenSSL for JWT signatures and
# constant-time comparison.
SHLIB_LINK += -lmicrohttpd -lcrypto
PG_CFLAGS += -Wall -Wextra -Werror -Wno-unused-parameter -Wno-sign-compare \
	-Wno-missing-field-initializers

# PGXS passes the flags PostgreSQL was built with (gcc's); with clang
# (make CC=clang) ignore those it does not know instead of failing on them,
# and accept the server headers' gnu_printf format attribute (PostgreSQL's
# own clang bitcode build does the same).
ifneq ($(shell $(CC) --version 2>/dev/null | grep -ci clang),0)
PG_CFLAGS += -Wno-unknown-warning-option -Wno-ignored-optimization-argument \
	-Wno-ignored-attributes
endif

EXTRA_CLEAN = .test-out

PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# The object files depend on the headers of the tree (PGXS knows none).
$(OBJS): $(wildcard src/*.h src/*/*.h)

graphql--0.1.0.sql: $(EXTENSION_SQL)
	cat $^ > $@

.PHONY: deps run stop test fuzz clean-unit

deps:
	scripts/install-deps.sh

run:
	scripts/run.sh

stop:
	scripts/stop.sh

test:
	scripts/test.sh

fuzz:
	$(MAKE) -C test/unit fuzz

clean: clean-unit

clean-unit:
	if [ -f test/unit/Makefile ]; then $(MAKE) -C test/unit clean; fi
