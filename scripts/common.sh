# common.sh - helpers shared by the scripts of scripts/ (sourced, not run).
# shellcheck shell=bash
#
# Sets ROOT (the checkout), SHARED (../shared, or $SHARED) and PG_CONFIG
# (the server's pg_config), and defines:
#   say MSG...       print a line prefixed with the script's name
#   die MSG...       print to stderr and exit 1
#   is_root          true when we run as root
#   as_root CMD...   run CMD as root (directly, or through sudo)
#   as_pg CMD...     run CMD as the user that owns clusters: postgres when we
#                    are root (PostgreSQL refuses to run as root), else ourselves
#   pg_bindir        print the server's bin directory

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SHARED=${SHARED:-$ROOT/../shared}
if [ -d "$SHARED" ]; then SHARED=$(cd "$SHARED" && pwd); fi

# On Debian, /usr/bin/pg_config may be libpq-dev's; prefer the server's.
if [ -z "${PG_CONFIG:-}" ]; then
  if [ -x /usr/lib/postgresql/15/bin/pg_config ]; then
    PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config
  else
    PG_CONFIG=pg_config
  fi
fi
export PG_CONFIG

say() { printf '%s: %s\n' "$(basename "$0" .sh)" "$*"; }
die() { printf '%s: %s\n' "$(basename "$0" .sh)" "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

as_root() {
  if is_root; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    printf '%s: need root for: %s (run as root, or install sudo)\n' "$(basename "$0" .sh)" "$*" >&2
    return 1
  fi
}

# Runs from / so that a checkout the postgres user cannot read is no problem
# (every path handed to as_pg is absolute).
as_pg() {
  if is_root; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

# The server's bin directory; call after the dependencies are installed.
pg_bindir() {
  "$PG_CONFIG" --bindir
}
