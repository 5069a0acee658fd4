#!/usr/bin/env bash
# Installs the SARIF Multitool (npm @microsoft/sarif-multitool, the SARIF SDK's validator) into tools/sarif-multitool/,
# which git ignores, and prints the path of its binary. The tests run its `validate` over every SARIF file the module
# writes, as a second referee beside the OASIS JSON schema. Pinned, so a new release cannot change the verdict.
# Idempotent: a second run reuses the installed binary. Installs npm when missing; no network once installed.
set -euo pipefail
version="5.7.0"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$root/tools/sarif-multitool"
# The platform package's native executable (Sarif.Multitool); npm 11 skips its postinstall chmod, so the script sets it.
find_binary() { find "$dir/node_modules/@microsoft" -maxdepth 2 -type f -name Sarif.Multitool 2>/dev/null | head -n 1; }
installed="$(cat "$dir/node_modules/@microsoft/sarif-multitool/package.json" 2>/dev/null | grep -o '"version": *"[^"]*"' | grep -o '[0-9][^"]*' || true)"
if [[ "$installed" != "$version" || -z "$(find_binary)" ]]; then
  if ! command -v npm >/dev/null 2>&1; then
    as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
    echo "restore-sarif-multitool: installing npm" >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm >&2
  fi
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-audit --no-fund --no-save --include=optional "@microsoft/sarif-multitool@$version" >&2
fi
binary="$(find_binary)"
if [[ -z "$binary" ]]; then
  echo "@microsoft/sarif-multitool $version installed but no Sarif.Multitool binary for this platform under $dir" >&2
  exit 1
fi
chmod u+x "$binary"
echo "$binary"
