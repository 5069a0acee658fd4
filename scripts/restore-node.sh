#!/usr/bin/env bash
# Makes sure a JavaScript engine is present and prints the path of node: the MongoDB tests parse every generated mongosh
# script with `node --check` (mongosh scripts are JavaScript; db.createCollection and friends are plain calls).
# Installs Debian's nodejs when missing, as root or through sudo, the way restore-squawk.sh installs npm. Idempotent.
set -euo pipefail
if ! command -v node >/dev/null 2>&1; then
  as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
  echo "restore-node: installing nodejs" >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs >&2
fi
command -v node
