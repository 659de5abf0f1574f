#!/usr/bin/env bash
# Whole-run benchmark: `feedd --once` over 1000 loopback feeds (../shared/tools/feedfarm.py), cold then warm,
# with newsboat beside it when installed. Extra arguments go to bench/once_bench.py, e.g. --include-bad, --feeds 300.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product feedd >/dev/null
bin=$(swift build -c release --product feedd --show-bin-path)/feedd
farm=${FEEDFARM:-$PWD/../shared/tools/feedfarm.py}
[ -f "$farm" ] || { echo "feedfarm.py not found at $farm (set FEEDFARM)" >&2; exit 1; }
corpus=${FEEDD_CORPUS:-$(dirname "$farm")/../corpus/feeds}
exec python3 bench/once_bench.py --feedd "$bin" --farm "$farm" --corpus "$corpus" "$@"
