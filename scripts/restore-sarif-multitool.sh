#!/usr/bin/env bash
# Installs the SARIF Multitool (npm @microsoft/sarif-multitool, the SARIF SDK's validator) into tools/sarif-multitool/,
# which git ignores, and prints the path of its binary. The tests run its `validate` over the SARIF files the module
# writes, a second referee beside the OASIS JSON schema. Pinned, so a new release cannot change the verdict.
# Idempotent; installs npm when missing (scripts/restore-npm-tool.sh).
set -euo pipefail
exec bash "$(dirname "${BASH_SOURCE[0]}")/restore-npm-tool.sh" sarif-multitool @microsoft/sarif-multitool 5.7.0 @microsoft Sarif.Multitool
