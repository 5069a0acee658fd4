#!/usr/bin/env bash
# Installs one pinned npm package into a folder git ignores (npm install --prefix DIR PACKAGE@VERSION), for the tools the
# tests use (squawk, dynalite). A fresh Debian machine with only the .NET SDK has no npm: it is installed first (with
# nodejs) the way the database scripts install their servers, as root or through sudo. Output goes to stderr.
# Usage: scripts/npm-install.sh DIR PACKAGE@VERSION [npm options…]
set -euo pipefail
dir="$1"
package="$2"
shift 2
if ! command -v npm >/dev/null 2>&1; then
  as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
  echo "npm-install: installing npm" >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm >&2
fi
mkdir -p "$dir"
npm install --prefix "$dir" --no-audit --no-fund --no-save "$@" "$package" >&2
