#!/usr/bin/env bash
# Installs the squawk linter (the referee for Test-DbMigrationScript's PostgreSQL rules) into tools/squawk/, which git
# ignores, and prints the path of its binary. Pinned: a new squawk version can add rules and change the comparison.
# Idempotent: a second run reuses the installed binary. Installs npm when missing; no network once installed.
set -euo pipefail
version="2.66.0"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$root/tools/squawk"
find_binary() { find "$dir/node_modules/@squawk-cli" -type f -name squawk -perm -u+x 2>/dev/null | head -n 1; }
installed="$(cat "$dir/node_modules/squawk-cli/package.json" 2>/dev/null | grep -o '"version": *"[^"]*"' | grep -o '[0-9][^"]*' || true)"
if [[ "$installed" != "$version" || -z "$(find_binary)" ]]; then
  # A fresh Debian machine with only the .NET SDK has no npm: install it (with nodejs) the way the database scripts
  # install their servers, as root or through sudo.
  if ! command -v npm >/dev/null 2>&1; then
    as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
    echo "restore-squawk: installing npm" >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm >&2
  fi
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-audit --no-fund --no-save --include=optional "squawk-cli@$version" >&2
fi
binary="$(find_binary)"
if [[ -z "$binary" ]]; then
  echo "squawk-cli $version installed but no squawk binary for this platform under $dir" >&2
  exit 1
fi
echo "$binary"
