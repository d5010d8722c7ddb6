#!/usr/bin/env bash
# Installs what the platform needs on a fresh Debian machine: PostgreSQL and Redis servers, the checkers the tests call
# (promtool, kubectl, Python's jsonschema and PyYAML, Chromium and its driver for the dashboard's browser test), and
# the dotnet tools.
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
  echo "error: '$*' needs root and sudo is missing" >&2; exit 1; fi; }

have_postgres() {
  command -v postgres >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1 && return 0
  compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null
}

missing=()
have_postgres || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
command -v kubectl >/dev/null 2>&1 || missing+=(kubectl)
python3 -c 'import jsonschema' >/dev/null 2>&1 || missing+=(python3-jsonschema)
python3 -c 'import yaml' >/dev/null 2>&1 || missing+=(python3-yaml)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian packages..."
  if ! command -v apt-get >/dev/null; then
    echo "error: ${missing[*]} missing and apt-get is not available; install them by hand" >&2; exit 1
  fi
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  # The Debian package starts its own cluster; the platform runs its own servers on other ports.
  as_root sh -c 'command -v pg_ctlcluster >/dev/null && pg_lsclusters -h 2>/dev/null | while read -r v c _; do pg_ctlcluster "$v" "$c" stop || true; done; true'
  as_root sh -c 'service redis-server stop >/dev/null 2>&1 || true'
  as_root sh -c 'service prometheus stop >/dev/null 2>&1 || true'
fi
if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
  echo "error: running as root needs a 'postgres' user to run PostgreSQL (PostgreSQL refuses root)" >&2; exit 1
fi

command -v dotnet >/dev/null || { echo "error: the .NET SDK is required (dotnet not on PATH)" >&2; exit 1; }
dotnet tool restore >/dev/null
