#!/usr/bin/env bash
# Builds fuzz_graphql with clang in its own build directory and fuzzes the GraphQL parser.
#   tests/fuzz/run-fuzz.sh [seconds]    (default 60)
# STRATUS_FUZZ_BUILD_DIR overrides the build directory. Exits non-zero when libFuzzer finds a
# crash, a sanitizer report, a timeout or an out-of-memory; the input is in <build>/fuzz-artifacts.
set -euo pipefail

seconds=${1:-60}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${STRATUS_FUZZ_BUILD_DIR:-${TMPDIR:-/tmp}/stratus-build-fuzz}

CC=clang CXX=clang++ cmake -S "$repo" -B "$build" -G Ninja \
    -DSTRATUS_BUILD_FUZZERS=ON -DSTRATUS_BUILD_TESTS=ON \
    -DSTRATUS_BUILD_BENCH=OFF -DSTRATUS_BUILD_DEMO=OFF >/dev/null
cmake --build "$build" --target fuzz_graphql

# A fresh copy: the seeds in the repository stay as they are.
corpus="$build/fuzz-corpus/graphql"
artifacts="$build/fuzz-artifacts"
rm -rf "$corpus"
mkdir -p "$corpus" "$artifacts"
cp "$here"/corpus/graphql/* "$corpus"/

log="$build/fuzz_graphql.log"
status=0
"$build/tests/fuzz/fuzz_graphql" "$corpus" \
    -dict="$here/graphql.dict" \
    -max_len=4096 \
    -max_total_time="$seconds" \
    -timeout=10 \
    -print_final_stats=1 \
    -artifact_prefix="$artifacts/" \
    >"$log" 2>&1 || status=$?

grep -E '^#[0-9]+[[:space:]]+DONE' "$log" || tail -n 40 "$log"
grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" || true
if [[ $status -ne 0 ]]; then
    echo "fuzz_graphql found a problem (exit status $status); see $log" >&2
    grep -E '^(==[0-9]+==|SUMMARY|artifact_prefix|Test unit written)' "$log" >&2 || true
    exit "$status"
fi
echo "fuzz_graphql: no findings in ${seconds}s"
