#!/usr/bin/env bash
# Installs everything Stratus needs to build, test and run on Debian bookworm (run as root).
set -euo pipefail

packages=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-websockets-dev
    qt6-declarative-dev qml6-module-qtqml qml6-module-qtquick qml6-module-qttest
    qml6-module-qtqml-workerscript qml6-module-qtquick-window qml6-module-qtquick-controls
    qml6-module-qtquick-layouts qml6-module-qtquick-templates qml-qt6
    qt6-tools-dev qt6-l10n-tools
    clang libfuzzer-14-dev
)

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
        || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
