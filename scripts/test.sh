#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, runs every test (XCTest and Swift Testing).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build --build-tests
swift test --skip-build "$@"
