#!/usr/bin/env bash
# Makes a PostgreSQL 15 server available for the integration tests on 127.0.0.1:5432, with a password-login SUPERUSER
# role dbarchitect_test / dbarchitect_test. Idempotent: installs only what is missing, starts only what is down.
# Installing needs root (apt-get) on a fresh Debian machine.
# PG_CLUSTER and PG_PORT (default main and 5432) name another cluster: test.sh --fresh creates a brand-new one that way,
# with the same settings, so the suite runs against server state no earlier run has touched.
set -euo pipefail

PG_VERSION=15
PG_CLUSTER=${PG_CLUSTER:-main}
PG_PORT=${PG_PORT:-5432}
PG_ROLE=dbarchitect_test
PG_PASSWORD=dbarchitect_test
# On Debian 12 the contrib modules (pg_trgm, pgcrypto, …) are inside postgresql-15, which also provides the virtual
# postgresql-contrib-15; the postgresql-contrib metapackage names it explicitly.
PACKAGES=(postgresql-$PG_VERSION postgresql-contrib postgresql-$PG_VERSION-hypopg postgresql-$PG_VERSION-partman postgresql-$PG_VERSION-cron)

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

missing=()
for package in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$package")
    fi
done

if [ "${#missing[@]}" -gt 0 ]; then
    echo "start-postgres: installing ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cluster_is() {
    pg_lsclusters -h 2>/dev/null | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" -v s="$1" '$1 == v && $2 == c && $4 ~ s { found = 1 } END { exit !found }'
}

if ! cluster_is .; then
    echo "start-postgres: creating cluster $PG_VERSION/$PG_CLUSTER on port $PG_PORT"
    as_root pg_createcluster "$PG_VERSION" "$PG_CLUSTER" --port "$PG_PORT" >/dev/null
fi

# Server settings the tests need, in a conf.d drop-in (postgresql.conf includes conf.d by default on Debian), so the
# packaged postgresql.conf stays untouched:
# - shared_preload_libraries: pg_stat_statements and pg_cron only work when loaded at server start; the monitoring
#   scripts create both extensions and the maintenance jobs are scheduled through pg_cron.
# - cron.database_name: the one database where CREATE EXTENSION pg_cron is allowed; jobs for other databases (the
#   tests' scratch databases, a design's own database) are scheduled from there with cron.schedule_in_database.
# - max_prepared_transactions: the health check's tests plant an orphaned prepared transaction (0 disables them).
# The file is rewritten only when its content differs, and a running server is restarted only then, because these
# settings need a restart and other test runs may be using the server.
CONF_FILE=/etc/postgresql/$PG_VERSION/$PG_CLUSTER/conf.d/dbarchitect.conf
CONF_WANTED=$(mktemp)
trap 'rm -f "$CONF_WANTED"' EXIT
cat >"$CONF_WANTED" <<'CONF'
# Written by scripts/start-postgres.sh for the DbArchitect.PS integration tests.
shared_preload_libraries = 'pg_stat_statements,pg_cron'
cron.database_name = 'postgres'
max_prepared_transactions = 10
CONF
conf_changed=0
if ! cmp -s "$CONF_WANTED" "$CONF_FILE"; then
    echo "start-postgres: writing $CONF_FILE"
    as_root install -D -m 644 -o postgres -g postgres "$CONF_WANTED" "$CONF_FILE"
    conf_changed=1
fi

if [ "$conf_changed" -eq 1 ] && cluster_is online; then
    echo "start-postgres: restarting cluster $PG_VERSION/$PG_CLUSTER to load $CONF_FILE"
    as_root pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" restart -m fast
fi

if ! cluster_is online; then
    echo "start-postgres: starting cluster $PG_VERSION/$PG_CLUSTER"
    as_root pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start
fi

for _ in $(seq 1 60); do
    if pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; then break; fi
    sleep 1
done
pg_isready -h 127.0.0.1 -p "$PG_PORT"

as_postgres psql -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres <<SQL
DO \$\$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '$PG_ROLE') THEN
        CREATE ROLE $PG_ROLE LOGIN SUPERUSER PASSWORD '$PG_PASSWORD';
    ELSE
        ALTER ROLE $PG_ROLE LOGIN SUPERUSER PASSWORD '$PG_PASSWORD';
    END IF;
END
\$\$;
SQL

# Prove the role works the way the tests use it: TCP, password authentication.
PGPASSWORD="$PG_PASSWORD" psql -q -h 127.0.0.1 -p "$PG_PORT" -U "$PG_ROLE" -d postgres -tAc 'select 1' >/dev/null
echo "start-postgres: PostgreSQL $PG_VERSION ($PG_CLUSTER) ready on 127.0.0.1:$PG_PORT (role $PG_ROLE)"
