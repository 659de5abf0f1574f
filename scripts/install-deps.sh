#!/usr/bin/env bash
# Installs the Debian packages feedd builds against (and the tools its tests use) when they are missing.
set -euo pipefail
packages=(libcurl4-openssl-dev libxml2-dev libsqlite3-dev libxml2-utils pkg-config python3 systemd)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v swift >/dev/null || { echo "swift is not on PATH: install the Swift 6.1+ toolchain first" >&2; exit 1; }
