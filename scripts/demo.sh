#!/usr/bin/env bash
# The offline demo: installs what is missing, builds feedd, runs it once over Config/demo and prints where the
# digest is. The demo feeds carry @DAY@/@ISODAY@ placeholders so that their stories are dated today.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
swift build --product feedd
bin=$(swift build --product feedd --show-bin-path)/feedd

demo=${FEEDD_DEMO_DIR:-$PWD/.demo}
rm -rf "$demo"
mkdir -p "$demo"
cp -R Config/demo/. "$demo/"
day=$(LC_ALL=C date -u '+%a, %d %b %Y')
isoday=$(date -u '+%Y-%m-%d')
for f in "$demo"/feeds/*; do
    sed -i -e "s/@DAY@/$day/g" -e "s/@ISODAY@/$isoday/g" "$f"
done

"$bin" --once --config "$demo/feedd.toml" --log-level "${FEEDD_LOG_LEVEL:-notice}"
echo
echo "Open the digest: file://$demo/digests/$isoday.html"
