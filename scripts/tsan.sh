#!/usr/bin/env bash
# Builds the annals program under ThreadSanitizer (build-tsan/) and runs the
# multi-threaded commands on real input: `annals code --threads 2` and
# `annals ingest --threads 2` on examples/ and on a slice of WCEP 2025
# (../shared/eval/wcep2025.jsonl, when present), text dated 2025-08-19.
# Exits non-zero on the first data race or other TSan report
# (halt_on_error), printing it.
#
# Not part of scripts/test.sh: the instrumented build of the whole program
# alone takes several minutes on the 2-core build machine, and TSan runs the
# pipeline ~10x slower. Usage: scripts/tsan.sh [records-of-wcep, default 300]
set -euo pipefail
cd "$(dirname "$0")/.."
records="${1:-300}"
jobs="${ANNALS_JOBS:-2}"

cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DANNALS_BUILD_TESTS=OFF \
  -DANNALS_BUILD_BENCHMARKS=OFF -DCMAKE_CXX_FLAGS="-fsanitize=thread -fno-omit-frame-pointer" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread" ${ANNALS_CMAKE_FLAGS:-} >/dev/null
cmake --build build-tsan -j"$jobs" --target annals

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
inputs=(examples/news.jsonl examples/summit.txt)
if [ -f ../shared/eval/wcep2025.jsonl ]; then
  head -n "$records" ../shared/eval/wcep2025.jsonl >"$work/wcep.jsonl"
  inputs+=("$work/wcep.jsonl")
fi

export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 ${TSAN_OPTIONS:-}"
annals=build-tsan/annals
for input in "${inputs[@]}"; do
  echo "== tsan: annals code --threads 2 $input"
  "$annals" code --threads 2 --date 2025-08-19 "$input" >"$work/code.jsonl"
  echo "== tsan: annals ingest --threads 2 $input"
  "$annals" ingest --threads 2 --date 2025-08-19 --db "$work/store.db" "$input"
done
echo "== tsan: no reports"
