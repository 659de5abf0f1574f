#!/usr/bin/env bash
# Parse throughput of feedd over the real-world corpus, next to libxml2's own floor (`xmllint --stream --noout`)
# over the same files in the same run. Usage: bench/parse.sh [PASSES] [CORPUS_DIR]
# Both are timed in CPU seconds per pass (best pass kept): the machine is shared, wall time is noisy.
# Note: xmllint stops at the first fatal error, so it reads only part of the 30 damaged files (24% of the bytes).
set -euo pipefail
cd "$(dirname "$0")/.."
ITERATIONS="${1:-10}"
# Default corpus: shared/corpus/feeds beside the repository (searched upwards, for nested worktrees too).
if [ -n "${2:-}" ]; then
    CORPUS="$2"
else
    CORPUS=""
    DIR="$PWD"
    while [ "$DIR" != "/" ]; do
        if [ -d "$DIR/shared/corpus/feeds" ]; then CORPUS="$DIR/shared/corpus/feeds"; break; fi
        DIR="$(dirname "$DIR")"
    done
fi
[ -n "$CORPUS" ] && [ -d "$CORPUS" ] || { echo "parse.sh: corpus folder not found (${CORPUS:-shared/corpus/feeds})" >&2; exit 1; }

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

mapfile -t FILES < <(find "$CORPUS" -maxdepth 1 -type f | sort)
BYTES="$(cat "${FILES[@]}" | wc -c)"
xmllint --stream --noout "${FILES[@]}" >/dev/null 2>&1 || true  # warm the page cache
# Each pass is one xmllint process over the whole list; its CPU time (user + system) is measured like feedd-bench's
# and the best pass is kept.
TIMEFORMAT='%U %S'
BEST=""
for _ in $(seq "$ITERATIONS"); do
    CPU="$( { time xmllint --stream --noout "${FILES[@]}" >/dev/null 2>&1 || true ; } 2>&1 | tail -1)"
    BEST="$(echo "$CPU $BEST" | awk '{ s = $1 + $2; if ($3 == "" || s < $3) print s; else print $3 }')"
done
XMLLINT_MBPS="$(awk -v b="$BYTES" -v s="$BEST" 'BEGIN { printf "%.2f", b / 1e6 / s }')"
# xmllint stops at a document's first fatal error: say how many of the files it did not read to the end.
STOPPED=0
for f in "${FILES[@]}"; do xmllint --stream --noout "$f" >/dev/null 2>&1 || STOPPED=$((STOPPED + 1)); done
echo "xmllint --stream --noout: ${XMLLINT_MBPS} MB/s (best pass ${BEST} s CPU; stopped early on ${STOPPED} of ${#FILES[@]} files)"
awk -v f="$FEEDD_MBPS" -v x="$XMLLINT_MBPS" 'BEGIN { printf "ratio feedd/xmllint: %.2f (aim: >= 0.50)\n", f / x }'
