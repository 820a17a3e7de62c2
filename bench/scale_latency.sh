#!/usr/bin/env bash
# Query latency as the archive grows: synthetic archives of 10,000, 100,000
# and 1,000,000 passages (bench/scale_corpus, learnt from an index of
# corpus/), each searched with bench/query_latency's fixed queries (facets,
# collapsing, snippets, JSON). Prints p50/p99 per size and how they grow,
# with the index's size per passage, and writes
# bench/results/scale_latency.json with the machine's core count.
#
# Usage: bench/scale_latency.sh [SIZE...]   (default: 10000 100000 1000000)
# A SIZE that is a folder is an index measured as it is.
# Environment: SCALE_DATA, where the archives are kept and reused (default:
# bench/data, not in git); ROUNDS (default 20); SEED (default 1).
# A missing archive is written by one process per core (--part K/N) and
# merged; that takes about 2 ms of CPU per passage.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
generator="$here/build/bench/scale_corpus"
latency="$here/build/bench/query_latency"
bin="$here/build/app/minutebook"
for b in "$generator" "$latency" "$bin"; do
  [ -x "$b" ] || { echo "build first: scripts/build.sh ($b is missing)" >&2; exit 2; }
done
data="${SCALE_DATA:-$here/bench/data}"
rounds="${ROUNDS:-20}"
seed="${SEED:-1}"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)
cores=$(nproc)
mkdir -p "$data"

model="$data/corpus-db"
if [ ! -f "$data/corpus-db.complete" ]; then
  rm -rf "$model"
  "$bin" index --quiet --db "$model" "$here/corpus" >/dev/null
  touch "$data/corpus-db.complete"
fi

# Writes the archive of $1 passages into $2 unless it is there already;
# prints the seconds it took (0 when reused).
build_archive() {
  local size=$1 db=$2
  if [ -f "$db.complete" ]; then echo 0; return; fi
  rm -rf "$db" "$db".part*
  local t0 t1 pids=() parts=()
  t0=$(date +%s.%N)
  for k in $(seq 0 $((cores - 1))); do
    "$generator" --model "$model" --db "$db.part$k" --passages "$size" --seed "$seed" --part "$k/$cores" \
      >"$db.part$k.log" 2>&1 &
    pids+=($!)
    parts+=("$db.part$k")
  done
  for p in "${pids[@]}"; do wait "$p" || { cat "$db".part*.log >&2; exit 1; }; done
  "$generator" --merge "$db" "${parts[@]}"
  rm -rf "${parts[@]}" "$db".part*.log
  t1=$(date +%s.%N)
  touch "$db.complete"
  printf '%.0f' "$(echo "$t1 - $t0" | bc -l)"
}

json_sizes=()
prev_p99=""
printf '%-9s %9s %11s %8s %8s %7s %8s %8s %8s %6s %8s\n' "passages" "index MB" "bytes/pass." "p50 ms" "p99 ms" "p99 x" "cpu p50" "cpu p99" "bare p99" "load" "built s"
for size in "${sizes[@]}"; do
  if [ -d "$size" ]; then  # an index made otherwise, measured as it is
    db="$size" built=0 size="\"$size\""
  else
    db="$data/passages-$size"
    built=$(build_archive "$size" "$db")
  fi
  passages=$("$bin" stats --db "$db" --json | sed -n 's/^ "passages": *\([0-9]*\).*/\1/p')
  bytes=$(du -sb "$db" | cut -f1)
  line=$("$latency" "$db" - "$rounds" | sed -n 's/^json: //p')
  p50=$(sed -n 's/.*"full_ms":{"p50":\([0-9.e-]*\),"p99":\([0-9.e-]*\)}.*/\1/p' <<<"$line")
  p99=$(sed -n 's/.*"full_ms":{"p50":\([0-9.e-]*\),"p99":\([0-9.e-]*\)}.*/\2/p' <<<"$line")
  bare99=$(sed -n 's/.*"bare_ms":{"p50":[0-9.e-]*,"p99":\([0-9.e-]*\)}.*/\1/p' <<<"$line")
  cpu50=$(sed -n 's/.*"full_cpu_ms":{"p50":\([0-9.e-]*\),"p99":\([0-9.e-]*\)}.*/\1/p' <<<"$line")
  cpu99=$(sed -n 's/.*"full_cpu_ms":{"p50":\([0-9.e-]*\),"p99":\([0-9.e-]*\)}.*/\2/p' <<<"$line")
  load=$(sed -n 's/.*"load_average":\([0-9.e-]*\).*/\1/p' <<<"$line")
  growth="null"
  [ -n "$prev_p99" ] && growth=$(printf '%.2f' "$(echo "$p99 / $prev_p99" | bc -l)")
  printf '%-9s %9.1f %11.0f %8.2f %8.2f %7s %8.2f %8.2f %8.2f %6s %8s\n' "$passages" "$(echo "$bytes / 1048576" | bc -l)" \
    "$(echo "$bytes / $passages" | bc -l)" "$p50" "$p99" "$growth" "$cpu50" "$cpu99" "$bare99" "$load" "$built"
  json_sizes+=("{\"requested\": $size, \"passages\": $passages, \"index_bytes\": $bytes, \"build_seconds\": $built, \"p99_growth\": $growth, \"latency\": $line}")
  prev_p99=$p99
done

mkdir -p "$here/bench/results"
{
  echo "{\"cores\": $cores, \"rounds\": $rounds, \"seed\": $seed, \"target_p99_ms_at_1m\": 50, \"sizes\": ["
  for i in "${!json_sizes[@]}"; do
    [ "$i" -gt 0 ] && echo ","
    printf '  %s' "${json_sizes[$i]}"
  done
  echo
  echo "]}"
} >"$here/bench/results/scale_latency.json"
echo "written: bench/results/scale_latency.json"
