#!/usr/bin/env bash
# Makes a MariaDB 10.11 server (Debian's mariadb-server) available for the integration tests on 127.0.0.1:3306, with a
# password-login user dbarchitect_test / dbarchitect_test that may create and drop the tests' scratch databases.
# Idempotent: installs only what is missing, starts only what is down. Installing needs root (apt-get).
# MARIADB_DATADIR (an empty folder) and MARIADB_PORT start a brand-new server instead, with its own data directory,
# socket and port and the packaged configuration otherwise: test.sh --fresh uses it and stops it with
# `mariadb-admin --socket=$MARIADB_DATADIR/mysqld.sock shutdown`.
set -euo pipefail

DB_USER=dbarchitect_test
DB_PASSWORD=dbarchitect_test
DB_PORT=${MARIADB_PORT:-3306}
PACKAGES=(mariadb-server mariadb-client)

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
    echo "start-mariadb: installing ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

SOCKET_ARGS=(--protocol=socket)
if [ -n "${MARIADB_DATADIR:-}" ]; then
    SOCKET_ARGS+=("--socket=$MARIADB_DATADIR/mysqld.sock")
    if [ ! -d "$MARIADB_DATADIR/data/mysql" ]; then
        echo "start-mariadb: creating a new data directory in $MARIADB_DATADIR on port $DB_PORT"
        as_root chown mysql:mysql "$MARIADB_DATADIR"
        as_root mariadb-install-db --user=mysql --datadir="$MARIADB_DATADIR/data" --skip-test-db >"$MARIADB_DATADIR/install.log" 2>&1
    fi
    if ! as_root mariadb-admin "${SOCKET_ARGS[@]}" ping >/dev/null 2>&1; then
        # setsid: the server outlives this script and is not stopped by the caller's Ctrl+C before its own cleanup runs.
        as_root setsid mariadbd --user=mysql --datadir="$MARIADB_DATADIR/data" --port="$DB_PORT" --bind-address=127.0.0.1 \
            --socket="$MARIADB_DATADIR/mysqld.sock" --pid-file="$MARIADB_DATADIR/mysqld.pid" \
            --log-error="$MARIADB_DATADIR/error.log" </dev/null >/dev/null 2>&1 &
    fi
elif ! as_root mariadb-admin --protocol=socket ping >/dev/null 2>&1; then
    echo "start-mariadb: starting mariadb"
    as_root service mariadb start >/dev/null
fi

for _ in $(seq 1 60); do
    if as_root mariadb-admin "${SOCKET_ARGS[@]}" ping >/dev/null 2>&1; then break; fi
    sleep 1
done
as_root mariadb-admin "${SOCKET_ARGS[@]}" ping >/dev/null

# Root connects through the unix socket (unix_socket authentication, Debian's default). The test user is bound to
# 127.0.0.1 and localhost and gets every privilege with GRANT OPTION: the tests create scratch databases, triggers
# and roles, and grant to the roles the security script creates.
as_root mariadb "${SOCKET_ARGS[@]}" <<SQL
CREATE USER IF NOT EXISTS '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
ALTER USER '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
ALTER USER '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL PRIVILEGES ON *.* TO '$DB_USER'@'127.0.0.1' WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON *.* TO '$DB_USER'@'localhost' WITH GRANT OPTION;
SQL

# Prove the user works the way the tests use it: TCP, password authentication.
mariadb --protocol=tcp -h 127.0.0.1 -P "$DB_PORT" -u "$DB_USER" -p"$DB_PASSWORD" -N -e 'SELECT VERSION()' >/dev/null
echo "start-mariadb: MariaDB $(mariadb --protocol=tcp -h 127.0.0.1 -P "$DB_PORT" -u "$DB_USER" -p"$DB_PASSWORD" -N -e 'SELECT VERSION()') ready on 127.0.0.1:$DB_PORT (user $DB_USER)"
