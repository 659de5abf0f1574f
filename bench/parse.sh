#!/usr/bin/env bash
# Parse throughput of feedd over the real-world corpus, next to libxml2's own floor (`xmllint --stream --noout`)
# over the same files in the same run. Usage: bench/parse.sh [ITERATIONS] [CORPUS_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
ITERATIONS="${1:-5}"
CORPUS="${2:-../shared/corpus/feeds}"
[ -d "$CORPUS" ] || CORPUS=/work/shared/corpus/feeds
[ -d "$CORPUS" ] || { echo "parse.sh: corpus folder not found ($CORPUS)" >&2; exit 1; }

if ! command -v xmllint >/dev/null 2>&1; then
    echo "parse.sh: xmllint is missing; installing the libxml2-utils package (apt-get)..." >&2
    if [ "$(id -u)" = 0 ]; then apt-get install -y libxml2-utils >/dev/null; else sudo apt-get install -y libxml2-utils >/dev/null; fi
fi

echo "building feedd-bench (release)..." >&2
swift build -c release --product feedd-bench 2>&1 | tail -1 >&2
BIN="$(swift build -c release --show-bin-path)/feedd-bench"

FEEDD_OUT="$("$BIN" parse "$CORPUS" --iterations "$ITERATIONS")"
echo "$FEEDD_OUT" | grep -v '^MBPS='
FEEDD_MBPS="$(echo "$FEEDD_OUT" | sed -n 's/^MBPS=//p')"

# xmllint: one process over the whole list, ITERATIONS times, so process start-up is paid once per pass.
mapfile -t FILES < <(find "$CORPUS" -maxdepth 1 -type f | sort)
BYTES="$(cat "${FILES[@]}" | wc -c)"
xmllint --stream --noout "${FILES[@]}" >/dev/null 2>&1 || true  # warm the page cache
# CPU time (user + system) of the xmllint processes, as feedd-bench reports its own.
TIMEFORMAT='%U %S'
CPU="$( { time (for _ in $(seq "$ITERATIONS"); do xmllint --stream --noout "${FILES[@]}" >/dev/null 2>&1 || true; done) ; } 2>&1 | tail -1)"
XMLLINT_MBPS="$(echo "$CPU" | awk -v b="$BYTES" -v n="$ITERATIONS" '{ printf "%.2f", b * n / 1e6 / ($1 + $2) }')"
echo "xmllint --stream --noout: ${XMLLINT_MBPS} MB/s of CPU time"
awk -v f="$FEEDD_MBPS" -v x="$XMLLINT_MBPS" 'BEGIN { printf "ratio feedd/xmllint: %.2f (aim: >= 0.50)\n", f / x }'
