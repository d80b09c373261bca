#!/usr/bin/env bash
# Installs, builds and runs the whole test suite twice: a Release build with
# warnings as errors, then a Debug build under AddressSanitizer and UBSan;
# then runs every fuzz target for a bounded time (scripts/fuzz.sh;
# ANNALS_FUZZ_SECONDS per target, default 40).
# This is the command the README gives and the one CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs="$(nproc)"

scripts/setup.sh --no-build

echo "== release build (-Werror)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DANNALS_WERROR=ON >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"

echo "== sanitizer build (ASan + UBSan)"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DANNALS_SANITIZERS=ON -DANNALS_WERROR=ON \
  -DANNALS_BUILD_BENCHMARKS=OFF -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" >/dev/null
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs"

echo "== fuzzing (libFuzzer, ASan + UBSan; ${ANNALS_FUZZ_SECONDS:-40} s per target)"
scripts/fuzz.sh "${ANNALS_FUZZ_SECONDS:-40}"
