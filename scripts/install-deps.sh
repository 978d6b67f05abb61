#!/usr/bin/env bash
# install-deps.sh - installs what building, running and testing graphql needs,
# from Debian 12 packages, when it is missing (make deps; also called by
# make run and make test).
#
# Idempotent and quiet: on a machine that has everything it prints nothing.
# Needs root for apt-get (directly, or through sudo).  Node.js is expected to
# be on the machine already; it is only checked.  Then installs the
# conformance oracles of ../shared (SHARED=... overrides) with npm ci.
set -euo pipefail
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

PACKAGES=(
  postgresql-15                          # server
  postgresql-server-dev-15               # PGXS, server headers, pg_regress
  postgresql-15-pgtap                    # pgTAP suites
  libtap-parser-sourcehandler-pgtap-perl # pg_prove
  build-essential                        # gcc, make
  clang                                  # make CC=clang, libFuzzer
  libclang-rt-14-dev                     # sanitizer and fuzzer runtimes
  libmicrohttpd-dev                      # the HTTP server
  libssl-dev                             # JWT signatures (OpenSSL)
  curl                                   # HTTP integration tests
  openssl                                # tokens for the HTTP tests
  python3-yaml                           # the Hasura fixture runner (../shared/conformance/hasura)
)

# The packages of PACKAGES that are not installed, one per line.
missing_packages() {
  local p
  for p in "${PACKAGES[@]}"; do
    if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" != "install ok installed" ]; then
      echo "$p"
    fi
  done
}

apt_install() {
  as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "$@"
}

# Install, refreshing the package lists only when the first attempt fails
# (a fresh image has none).
install_packages() {
  say "installing: $*"
  if ! apt_install "$@"; then
    say "apt-get install failed; updating the package lists and retrying"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    apt_install "$@"
  fi
}

# Node.js runs the conformance oracles of make test; we do not install it.
check_node() {
  if ! command -v node >/dev/null 2>&1; then
    say "warning: node is not installed; make test needs Node.js 18 or newer with npm" \
      "for the conformance checks (Debian 12: apt-get install nodejs npm)" >&2
    return 1
  fi
  if ! node -e 'process.exit(+process.versions.node.split(".")[0] >= 18 ? 0 : 1)'; then
    say "warning: node $(node --version) is too old; the conformance checks need Node.js 18 or newer" >&2
    return 1
  fi
}

# npm ci in the shared conformance folders (GraphQL, GraphQL over HTTP), once.
install_oracles() {
  local dir
  for dir in "$SHARED/conformance/graphql" "$SHARED/conformance/http"; do
    if [ ! -f "$dir/package.json" ]; then
      say "warning: $dir not found; make test needs ../shared next to the checkout (or SHARED=...)" >&2
      continue
    fi
    if [ -d "$dir/node_modules" ]; then
      continue
    fi
    say "installing the conformance oracles (npm ci in $dir)"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  done
}

main() {
  local missing
  if ! command -v dpkg-query >/dev/null 2>&1; then
    die "not a Debian system: install these (or their equivalents) yourself: ${PACKAGES[*]}"
  fi
  missing=$(missing_packages)
  if [ -n "$missing" ]; then
    # shellcheck disable=SC2086  # one package per word
    install_packages $missing
  fi
  if check_node; then
    install_oracles
  fi
}

main "$@"
