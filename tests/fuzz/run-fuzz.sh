#!/usr/bin/env bash
# Builds fuzz_graphql with clang and fuzzes the GraphQL parser for a bounded time.
#   tests/fuzz/run-fuzz.sh [SECONDS [BUILD_DIR]]     (defaults: 60 and <repo>/build/fuzz)
# Prints "fuzz: N executions in S s, no crash" and exits 0, or prints what libFuzzer found (a
# crash, a sanitizer report, a leak, a timeout or an out-of-memory) and exits non-zero; the
# offending input is then in BUILD_DIR/fuzz-artifacts, the whole log in BUILD_DIR/fuzz_graphql.log.
set -euo pipefail

seconds=${1:-60}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${2:-$repo/build/fuzz}

if ! [[ $seconds =~ ^[0-9]+$ ]] || [[ $seconds -eq 0 ]]; then
    echo "usage: $0 [SECONDS [BUILD_DIR]]  (SECONDS: a positive whole number)" >&2
    exit 2
fi

CC=clang CXX=clang++ cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DSTRATUS_BUILD_FUZZERS=ON -DSTRATUS_BUILD_TESTS=ON \
    -DSTRATUS_BUILD_BENCH=OFF -DSTRATUS_BUILD_DEMO=OFF >/dev/null
cmake --build "$build" --target fuzz_graphql

fuzzer="$build/tests/fuzz/fuzz_graphql"
seeds="$here/corpus/graphql"
# libFuzzer adds the inputs it finds to the first directory: a scratch copy, so that the seeds
# in the repository stay as they are.
workdir="$build/fuzz-corpus/graphql"
artifacts="$build/fuzz-artifacts"
log="$build/fuzz_graphql.log"
rm -rf "$workdir" "$artifacts"
mkdir -p "$workdir" "$artifacts"
cp "$seeds"/* "$workdir"/

status=0
"$fuzzer" \
    -max_total_time="$seconds" \
    -max_len=4096 \
    -timeout=10 \
    -dict="$here/graphql.dict" \
    -print_final_stats=1 \
    -artifact_prefix="$artifacts/" \
    "$workdir" "$seeds" >"$log" 2>&1 || status=$?

executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
if [[ -z $executions ]]; then
    executions=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -n 1)
fi
elapsed=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -n 1)
coverage=$(grep -E '^#[0-9]+' "$log" \
    | grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9]+[a-zA-Z]*' | tail -n 1 || true)
report='ERROR: (Address|Leak|UndefinedBehavior)Sanitizer|ERROR: libFuzzer|runtime error:|^SUMMARY:'
findings=$(grep -E "$report" "$log" || true)

if [[ $status -eq 0 && -z $findings ]]; then
    echo "fuzz: ${executions:-?} executions in ${elapsed:-$seconds} s," \
        "no crash${coverage:+ ($coverage)}"
    exit 0
fi

echo "fuzz: libFuzzer found a problem after ${executions:-?} executions (exit status $status)" >&2
echo "$findings" | head -n 20 >&2
grep -E 'Test unit written to|^Base64:' "$log" >&2 || true
echo "full log: $log" >&2
[[ $status -ne 0 ]] || status=1
exit "$status"
