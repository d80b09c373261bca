#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan; build-fuzz/) and runs
# each for a bounded time on a copy of its seed corpus (fuzz/corpus/<t>),
# two at a time. A crash, leak, sanitizer report, timeout (> 10 s on one
# input) or out-of-memory (> 2 GB) fails the run; the input that caused it
# is left in build-fuzz/artifacts/ -- make it a regression test.
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default 40, all)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-40}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(text jsonl compressed conllu model actors patterns word_list filter http)
fi
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" \
  -DANNALS_BUILD_FUZZERS=ON -DANNALS_BUILD_TESTS=OFF -DANNALS_BUILD_BENCHMARKS=OFF "${launcher[@]}" >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]/#/fuzz_}"

mkdir -p build-fuzz/artifacts build-fuzz/logs
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
run_one() {
  local t="$1" work="build-fuzz/corpus/$1"
  mkdir -p "$work"
  # New inputs go to the work corpus; the committed seeds are only read.
  if build-fuzz/fuzz/fuzz_"$t" "$work" "fuzz/corpus/$t" -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 -artifact_prefix="build-fuzz/artifacts/$t-" \
      > "build-fuzz/logs/$t.log" 2>&1; then
    echo "fuzz $t: $(grep -E '^stat::number_of_executed_units' "build-fuzz/logs/$t.log" | awk '{print $2}') runs" \
         "in ${seconds} s, nothing found"
  else
    echo "fuzz $t: FAILED (build-fuzz/logs/$t.log):"
    grep -E 'ERROR|SUMMARY|runtime error|Test unit written' "build-fuzz/logs/$t.log" | head -5
    return 1
  fi
}
status=0
pids=()
for t in "${targets[@]}"; do
  run_one "$t" & pids+=($!)
  if [ ${#pids[@]} -ge "$(nproc)" ]; then
    wait "${pids[0]}" || status=1
    pids=("${pids[@]:1}")
  fi
done
for p in "${pids[@]}"; do wait "$p" || status=1; done
exit $status
