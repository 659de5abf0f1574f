#!/bin/sh
# Story clustering throughput: builds feedd-bench in release and feeds >= 100k synthetic items through the engine
# (daemon-sized batches, default settings), then a plain TF-IDF clusterer as the reference, in the same run.
# Usage: bench/cluster.sh [feedd-bench cluster options, e.g. --items 200000 --days 14]
#        bench/cluster.sh --history 120000   # warm: statistics already learned, as a daemon with a store has them
set -eu
cd "$(dirname "$0")/.."
swift build -c release --product feedd-bench >&2
exec "$(swift build -c release --show-bin-path)/feedd-bench" cluster "$@"
