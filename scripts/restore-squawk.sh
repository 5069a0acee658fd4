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
  bash "$root/scripts/npm-install.sh" "$dir" "squawk-cli@$version" --include=optional
fi
binary="$(find_binary)"
if [[ -z "$binary" ]]; then
  echo "squawk-cli $version installed but no squawk binary for this platform under $dir" >&2
  exit 1
fi
echo "$binary"
