#!/usr/bin/env bash
# Installs the peer tools bench/health-side-by-side.ps1 compares Invoke-DbHealthCheck with (Debian packages):
# check_postgres (check-postgres), pt-duplicate-key-checker (percona-toolkit) and MySQLTuner (mysqltuner).
# Idempotent: installs only what is missing. Installing needs root (apt-get).
set -euo pipefail

PACKAGES=(check-postgres percona-toolkit mysqltuner)

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
for package in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$package")
    fi
done

if [ "${#missing[@]}" -gt 0 ]; then
    echo "install-bench-tools: installing ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
