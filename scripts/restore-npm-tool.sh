#!/usr/bin/env bash
# Installs one pinned npm package into tools/FOLDER/ (git ignores tools/*/ of these referees) and prints the path of its
# executable. The tests' referees (squawk-cli, the SARIF Multitool) come this way: pinned, so a new release cannot change
# a verdict. Idempotent: a second run reuses the installed package. Installs npm when missing; no network once installed.
# Usage: restore-npm-tool.sh FOLDER PACKAGE VERSION SEARCH EXECUTABLE
#   SEARCH is the folder under node_modules that holds the platform's executable, EXECUTABLE its file name.
set -euo pipefail
if [ "$#" -ne 5 ]; then
  echo "usage: restore-npm-tool.sh FOLDER PACKAGE VERSION SEARCH EXECUTABLE" >&2
  exit 2
fi
folder="$1" package="$2" version="$3" search="$4" executable="$5"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$root/tools/$folder"
find_binary() { find "$dir/node_modules/$search" -type f -name "$executable" 2>/dev/null | head -n 1; }
installed="$(cat "$dir/node_modules/$package/package.json" 2>/dev/null | grep -o '"version": *"[^"]*"' | grep -o '[0-9][^"]*' || true)"
if [[ "$installed" != "$version" || -z "$(find_binary)" ]]; then
  # A fresh Debian machine with only the .NET SDK has no npm: install it (with nodejs) the way the database scripts
  # install their servers, as root or through sudo.
  if ! command -v npm >/dev/null 2>&1; then
    as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
    echo "restore-npm-tool: installing npm" >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm >&2
  fi
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-audit --no-fund --no-save --include=optional "$package@$version" >&2
fi
binary="$(find_binary)"
if [[ -z "$binary" ]]; then
  echo "$package $version installed but no $executable for this platform under $dir" >&2
  exit 1
fi
# npm 11 runs no install scripts unless allowed, so a package's own chmod may not have run.
chmod u+x "$binary"
echo "$binary"
