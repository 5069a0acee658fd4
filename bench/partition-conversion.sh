#!/usr/bin/env bash
# Times each step of New-PartitionScript's online conversion of a 1,000,000-row PostgreSQL table (see bench/README.md,
# section 6). Needs the PostgreSQL 15 test server and a built module/ (dotnet build src/DbArchitect.PS -c Debug).
# Works in its own scratch database, dropped at the end. Usage: bash bench/partition-conversion.sh [rows]
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
export PGPASSWORD="${PGPASSWORD:-dbarchitect_test}"
db="dbarch_partbench_$$"
folder="$(mktemp -d)"
psql_() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U dbarchitect_test "$@"; }
trap 'psql_ -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null; rm -rf "$folder"' EXIT
psql_ -d postgres -c "CREATE DATABASE $db" >/dev/null
psql_ -d "$db" -c "CREATE TABLE public.orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, code text NOT NULL, customer int NOT NULL, total numeric(12,2) NOT NULL, created_at timestamptz NOT NULL);
  CREATE INDEX orders_customer ON public.orders (customer, created_at);
  INSERT INTO public.orders (code, customer, total, created_at) SELECT 'o' || g, g % 5000, (g % 1000) / 10.0, timestamptz '2023-01-01' + g * interval '90 seconds' FROM generate_series(1, $rows) AS g;
  ANALYZE public.orders;" >/dev/null
dotnet pwsh -NoProfile -NonInteractive -Command "Import-Module ./module/DbArchitect.PS.psd1; New-PartitionScript -ConnectionString 'Host=127.0.0.1;Port=5432;Username=dbarchitect_test;Password=$PGPASSWORD;Database=$db' -Table public.orders -Column created_at -Retention 5y | Export-DbDesign -Path '$folder' | Out-Null"
echo "rows=$rows"
for step in 01-create-partitioned 02-sync-trigger 03-copy 04-verify 05-swap 08-drop-old; do
  start=$(date +%s.%N)
  psql_ -d "$db" -f "$folder/partitioning/orders/$step.sql" >/dev/null 2>&1
  echo "$step $(echo "$(date +%s.%N) - $start" | bc) s"
done
psql_ -d "$db" -Atc "SELECT 'rows after: ' || count(*) FROM public.orders"
