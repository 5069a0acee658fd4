#!/usr/bin/env bash
# Starts dynalite (an implementation of the DynamoDB API on LevelDB, in memory here) for the DynamoDB integration tests
# and prints its endpoint (http://127.0.0.1:PORT) on stdout; everything else goes to stderr. Installs the pinned
# version into tools/dynalite/ (git ignores it) with scripts/npm-install.sh, which installs npm first on a fresh Debian
# machine. Each run starts its own server on the first free port from DYNALITE_PORT (default 58000):
# DYNALITE_PID_FILE, when set, receives its process id so the caller can stop it (test.sh and the tests' fixture do).
set -euo pipefail
version="4.0.0"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$root/tools/dynalite"
cli="$dir/node_modules/dynalite/cli.js"
installed="$(grep -o '"version": *"[^"]*"' "$dir/node_modules/dynalite/package.json" 2>/dev/null | grep -o '[0-9][^"]*' || true)"
if [[ "$installed" != "$version" || ! -f "$cli" ]]; then
  echo "start-dynalite: installing dynalite $version into $dir" >&2
  bash "$root/scripts/npm-install.sh" "$dir" "dynalite@$version"
fi

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port="${DYNALITE_PORT:-58000}"
while listening "$port"; do
  port=$((port + 1))
done

log="$dir/dynalite-$port.log"
# Without --path dynalite keeps its tables in memory: every run starts empty and leaves nothing behind.
nohup node "$cli" --port "$port" >"$log" 2>&1 </dev/null &
pid=$!
if [[ -n "${DYNALITE_PID_FILE:-}" ]]; then
  echo "$pid" >"$DYNALITE_PID_FILE"
fi
for _ in $(seq 1 100); do
  if listening "$port"; then
    echo "http://127.0.0.1:$port"
    exit 0
  fi
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "start-dynalite: dynalite exited; its log ($log):" >&2
    cat "$log" >&2
    exit 1
  fi
  sleep 0.1
done
echo "start-dynalite: dynalite did not listen on port $port within 10 s; see $log" >&2
kill "$pid" 2>/dev/null || true
exit 1
