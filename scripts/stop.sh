#!/usr/bin/env bash
# stop.sh - make stop: stops the demo cluster of make run (.run/).
set -euo pipefail
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

DATA=$ROOT/.run/data

if [ ! -f "$DATA/postmaster.pid" ]; then
  say "the cluster in .run/ is not running"
  exit 0
fi
as_pg "$(pg_bindir)/pg_ctl" -D "$DATA" stop -m fast -w >/dev/null
say "stopped the cluster in .run/"
