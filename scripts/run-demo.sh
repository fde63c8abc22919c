#!/usr/bin/env bash
# Installs the dependencies, builds Stratus and runs the demo.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
"$root/scripts/install-deps.sh"
cmake -S "$root" -B "$root/build/release" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$root/build/release" --parallel "$(nproc)" --target stratus-demo
exec "$root/build/release/demo/stratus-demo" "${1:-$root/build/demo.sqlite}"
