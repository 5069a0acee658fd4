#!/usr/bin/env bash
# Starts a throw-away Redis 7 server (Debian's redis-server) for the integration tests: its own folder REDIS_DIR (an
# empty or new folder, required), its own port REDIS_PORT (default 6390), bound to 127.0.0.1, with no persistence
# (no RDB snapshots, no AOF) so nothing outlives the run. Installs redis-server when it is missing (root, apt-get).
# Stop it with `redis-cli -p $REDIS_PORT shutdown nosave` and remove REDIS_DIR; test.sh does both.
# The package's own service is left as the package leaves it: the tests never use it.
set -euo pipefail

REDIS_PORT=${REDIS_PORT:-6390}
: "${REDIS_DIR:?REDIS_DIR must name the folder of the throw-away instance}"

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if ! dpkg-query -W -f='${Status}' redis-server 2>/dev/null | grep -q 'install ok installed'; then
    echo "start-redis: installing redis-server"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server redis-tools >/dev/null
fi

mkdir -p "$REDIS_DIR"
if ! redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    # save "" and appendonly no: no file is written; the folder only holds the pid file and the log. setsid: the server
    # outlives this script and is not stopped by the caller's Ctrl+C before its own cleanup runs.
    setsid redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --protected-mode yes --save "" --appendonly no \
        --dir "$REDIS_DIR" --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" --daemonize yes </dev/null >/dev/null 2>&1
fi

for _ in $(seq 1 30); do
    if redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; then break; fi
    sleep 1
done
redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null
echo "start-redis: Redis $(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" info server | sed -n 's/^redis_version:\([^[:space:]]*\).*/\1/p') ready on 127.0.0.1:$REDIS_PORT (folder $REDIS_DIR)"
