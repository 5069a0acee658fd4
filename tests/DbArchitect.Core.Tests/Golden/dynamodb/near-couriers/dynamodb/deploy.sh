#!/usr/bin/env bash
# Creates the table of this design with the AWS CLI (credentials and region from the environment) and waits until it is active.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
aws dynamodb create-table --cli-input-json file://create-table.json
aws dynamodb wait table-exists --table-name 'Dispatch'
aws dynamodb update-continuous-backups --table-name 'Dispatch' --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true
