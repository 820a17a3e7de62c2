#!/usr/bin/env bash
# Load test of `minutebook serve`: wrk on loopback, 64 connections for 30 s,
# rotating through 20 searches on /api/search and /search (bench/load_test.lua),
# against an index of corpus/. Prints requests/s, p99 latency and errors
# (non-2xx responses, socket errors) and writes bench/results/load_test.json.
#
# Usage: bench/load_test.sh [--connections N] [--duration SECONDS] [--threads N]
#                           [--server-threads N]
# (--threads: wrk's threads; --server-threads: `serve --threads`, default its own.)
# Environment: MINUTEBOOK_BINARY (default build/app/minutebook), MINUTEBOOK_DB
# (an existing index to serve; default: corpus/ indexed into a temporary folder).
# Needs wrk (Debian: apt-get install wrk); it installs nothing itself.
# Exit status: 0 with no errors, 1 when there were errors or the server stalled.
set -euo pipefail
cd "$(dirname "$0")/.."

connections=64
duration=30
wrk_threads=2
server_threads=""
while [ $# -gt 0 ]; do
  case "$1" in
    --connections) connections="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --threads) wrk_threads="$2"; shift 2 ;;
    --server-threads) server_threads="$2"; shift 2 ;;
    *) echo "usage: $0 [--connections N] [--duration SECONDS] [--threads N] [--server-threads N]" >&2; exit 2 ;;
  esac
done

if ! command -v wrk >/dev/null; then
  echo "wrk is not installed: sudo apt-get install wrk" >&2
  exit 2
fi
binary="${MINUTEBOOK_BINARY:-build/app/minutebook}"
if [ ! -x "$binary" ]; then
  echo "No $binary: build first (scripts/build.sh) or set MINUTEBOOK_BINARY." >&2
  exit 2
fi

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

db="${MINUTEBOOK_DB:-}"
if [ -z "$db" ]; then
  db="$work/index"
  echo "Indexing corpus/ into $db ..."
  "$binary" index --db "$db" --quiet corpus/ 2>"$work/index.log" || { cat "$work/index.log" >&2; exit 1; }
fi

"$binary" serve --db "$db" --port 0 --quiet ${server_threads:+--threads "$server_threads"} >"$work/serve.out" 2>"$work/serve.err" &
server_pid=$!
url=""
for _ in $(seq 1 300); do
  url="$(grep -o 'http://[^ ]*:[0-9]*' "$work/serve.out" || true)"
  [ -n "$url" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.err" >&2; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { echo "The server printed no address." >&2; exit 1; }
host_port="${url#http://}"

# One request over a fresh connection, with a deadline: 0 when it is answered 200.
probe() {
  timeout 5 bash -c '
    exec 3<>"/dev/tcp/${1%:*}/${1##*:}" || exit 1
    printf "GET /healthz HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n" "$1" >&3
    head -n1 <&3 | grep -q " 200 "' _ "$host_port"
}
probe || { echo "The server does not answer /healthz." >&2; exit 1; }

cores="$(nproc)"
export LOAD_TEST_URL="$url"
export LOAD_TEST_CONNECTIONS="$connections"
export LOAD_TEST_SERVER="{\"cores\": $cores, \"worker_threads\": ${server_threads:-\"default\"}}"
mkdir -p bench/results
export LOAD_TEST_JSON="$PWD/bench/results/load_test.json.tmp"

echo "Warming up (3 s) ..."
wrk -t "$wrk_threads" -c "$connections" -d 3s -s bench/load_test.lua "$url" >/dev/null
echo "wrk: $connections connections, $wrk_threads threads, ${duration} s against $url ($cores cores shared with the server)"
wrk -t "$wrk_threads" -c "$connections" -d "${duration}s" --timeout 5s --latency \
  -s bench/load_test.lua "$url" | tee "$work/wrk.out"
mv "$LOAD_TEST_JSON" bench/results/load_test.json

stalled=0
probe || stalled=1

field() { grep -o "\"$1\": [0-9.]*" bench/results/load_test.json | head -n1 | awk '{print $2}'; }
rps="$(field requests_per_s)"
p99="$(field p99)"
non2xx="$(field non_2xx)"
socket="$(field socket_total)"
echo
echo "requests/s: $rps"
echo "p99 latency: $p99 ms"
echo "errors: $non2xx non-2xx, $socket socket errors (connect/read/write/timeout)"
[ "$stalled" -eq 0 ] && echo "server: answers /healthz after the run" || echo "server: does NOT answer /healthz after the run"
echo "written: bench/results/load_test.json"
[ "$non2xx" -eq 0 ] && [ "$socket" -eq 0 ] && [ "$stalled" -eq 0 ]
