#!/usr/bin/env bash
# Installs one pinned npm package into tools/FOLDER/ (git ignores tools/*/ of these referees) and prints the path of its
# executable. The tests' referees (squawk-cli, the SARIF Multitool) come this way: pinned, so a new release cannot change
# a verdict. Idempotent: a second run reuses the installed package; no network once installed.
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
  # scripts/npm-install.sh installs npm first on a fresh machine.
  bash "$root/scripts/npm-install.sh" "$dir" "$package@$version" --include=optional
fi
binary="$(find_binary)"
if [[ -z "$binary" ]]; then
  echo "$package $version installed but no $executable for this platform under $dir" >&2
  exit 1
fi
# npm 11 runs no install scripts unless allowed, so a package's own chmod may not have run.
chmod u+x "$binary"
echo "$binary"
