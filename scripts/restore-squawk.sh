#!/usr/bin/env bash
# Installs the squawk linter (the referee for Test-DbMigrationScript's PostgreSQL rules) into tools/squawk/, which git
# ignores, and prints the path of its binary. Pinned: a new squawk version can add rules and change the comparison.
# Idempotent; installs npm when missing (scripts/restore-npm-tool.sh).
set -euo pipefail
exec bash "$(dirname "${BASH_SOURCE[0]}")/restore-npm-tool.sh" squawk squawk-cli 2.66.0 @squawk-cli squawk
