#!/usr/bin/env bash
# Installs the dependencies, builds Stratus and runs every test: the Qt Test suite, the same
# suite under AddressSanitizer and UndefinedBehaviorSanitizer, and a bounded libFuzzer run.
#   STRATUS_FUZZ_SECONDS  how long the fuzzer runs (default 60)
#   STRATUS_SKIP_SANITIZERS=1, STRATUS_SKIP_FUZZ=1  leave those parts out (local use only)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
jobs=$(nproc)

"$root/scripts/install-deps.sh"

echo "== Build (RelWithDebInfo, -Wall -Wextra -Werror)"
cmake -S "$root" -B "$root/build/release" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DSTRATUS_WERROR=ON
cmake --build "$root/build/release" --parallel "$jobs"

echo "== Tests"
ctest --test-dir "$root/build/release" --output-on-failure --parallel "$jobs" --timeout 600

if [ "${STRATUS_SKIP_SANITIZERS:-0}" != 1 ] || [ "${CI:-}" = true ]; then
    echo "== Tests under AddressSanitizer + UndefinedBehaviorSanitizer"
    cmake -S "$root" -B "$root/build/asan" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
        -DSTRATUS_SANITIZE=ON -DSTRATUS_BUILD_BENCH=OFF -DSTRATUS_BUILD_DEMO=OFF
    cmake --build "$root/build/asan" --parallel "$jobs"
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        ctest --test-dir "$root/build/asan" --output-on-failure --parallel "$jobs" \
        --timeout 900 --label-exclude package
fi

if [ "${STRATUS_SKIP_FUZZ:-0}" != 1 ] || [ "${CI:-}" = true ]; then
    echo "== Fuzzing the GraphQL parser for ${STRATUS_FUZZ_SECONDS:-60} s"
    "$root/tests/fuzz/run-fuzz.sh" "${STRATUS_FUZZ_SECONDS:-60}" "$root/build/fuzz"
fi
echo "== All tests passed"
