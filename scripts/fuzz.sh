#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ with clang into build-fuzz/ and runs
# each for a while, one after another, after replaying the inputs that once
# crashed it (fuzz/regressions/<target>/).
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]         short run (default 20 s a target)
#   scripts/fuzz.sh --long [SECONDS] [TARGET...]  longer run (default 600 s a target)
#
# A short run starts from the seeds (fuzz/seeds/<target>/) each time; a long
# run keeps what it finds in build-fuzz/corpus/<target>/ and goes on from
# there next time. Prints executions per target; exits 1 when a target
# crashed (the input is kept in build-fuzz/artifacts/<target>/), 77 when
# clang or libFuzzer is missing (the test suite reports it skipped).
set -euo pipefail
cd "$(dirname "$0")/.."

long=0
if [ "${1:-}" = "--long" ]; then
  long=1
  shift
fi
seconds=$([ "$long" = 1 ] && echo 600 || echo 20)
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then
  seconds=$1
  shift
fi
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(normalise structure query)

# The longest input each target reads: a page of text or a query.
declare -A max_len=([normalise]=4096 [structure]=16384 [query]=1024)

clangxx=$(command -v clang++ || command -v clang++-14 || true)
if [ -z "$clangxx" ]; then
  echo "fuzz: skipped, no clang++ (apt-get install clang libclang-rt-14-dev)"
  exit 77
fi
if ! echo 'extern "C" int LLVMFuzzerTestOneInput(const char*, unsigned long) { return 0; }' |
    "$clangxx" -x c++ -fsanitize=fuzzer -o /dev/null - 2>/dev/null; then
  echo "fuzz: skipped, clang++ cannot link libFuzzer (apt-get install libclang-rt-14-dev)"
  exit 77
fi

build=build-fuzz
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S fuzz -B "$build" -DCMAKE_CXX_COMPILER="$clangxx" "${launcher[@]}" >/dev/null
cmake --build "$build" -j 2 --target "${targets[@]/%/_fuzzer}"

# Leaks in the libraries, not in Minutebook (see the file).
export LSAN_OPTIONS="suppressions=$PWD/fuzz/lsan_suppressions.txt${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

status=0
summary=()
for t in "${targets[@]}"; do
  fuzzer="$build/${t}_fuzzer"
  artifacts="$build/artifacts/$t"
  mkdir -p "$artifacts"
  if [ "$long" = 1 ]; then
    corpus="$build/corpus/$t"
    mkdir -p "$corpus"
  else
    corpus=$(mktemp -d)
  fi
  options=(-max_total_time="$seconds" -max_len="${max_len[$t]}" -timeout=10 -rss_limit_mb=2048
           -print_final_stats=1 -artifact_prefix="$artifacts/")
  [ -f "fuzz/dicts/$t.dict" ] && options+=(-dict="fuzz/dicts/$t.dict")
  log="$build/$t.log"
  echo "fuzz: $t for ${seconds} s"
  regressions=(fuzz/regressions/"$t"/*)
  if [ -e "${regressions[0]}" ] && ! "$fuzzer" "${regressions[@]}" >"$log" 2>&1; then
    tail -n 40 "$log"
    summary+=("$t: an input of fuzz/regressions/$t crashes it again (see $log)")
    status=1
    [ "$long" = 1 ] || rm -rf "$corpus"
    continue
  fi
  inputs=("$corpus" "fuzz/seeds/$t")
  [ -d "fuzz/regressions/$t" ] && inputs+=("fuzz/regressions/$t")
  if "$fuzzer" "${options[@]}" "${inputs[@]}" >"$log" 2>&1; then
    result="no crash"
  else
    result="CRASH: $(grep -m1 -E '^==[0-9]+==ERROR|^SUMMARY|contract broken|deadly signal|timeout' "$log" || echo 'see log')"
    result+="; input kept in $(grep -o "$artifacts/[^ ]*" "$log" | tail -1)"
    tail -n 40 "$log"
    status=1
  fi
  runs=$(awk '/^stat::number_of_executed_units:/ {n = $2} END {print n}' "$log")
  rate=$(awk '/^stat::average_exec_per_sec:/ {n = $2} END {print n}' "$log")
  summary+=("$t: ${runs:-?} executions (${rate:-?}/s) in ${seconds} s, $result")
  [ "$long" = 1 ] || rm -rf "$corpus"
done
printf 'fuzz: %s\n' "${summary[@]}"
exit $status
