#!/bin/sh
# The gallery's screenshot of the web page: a year of DeepStateMap snapshots as one page with a date slider,
# opened in headless Chromium (apt-get install chromium) and photographed as it first shows (the last date).
#   docs/gallery/web.sh [SNAPSHOT_DIR]      (default: ../shared/data/deepstate-2024-07-to-2025-06 beside the clone)
# Writes out/web/deepstate-2024-07-to-2025-06.html and docs/gallery/web-deepstate-2024-07-to-2025-06.png.
set -e
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
root="$here/../.."
data=${1:-"$root/../shared/data/deepstate-2024-07-to-2025-06"}
mkdir -p "$root/out/web"
page="$root/out/web/deepstate-2024-07-to-2025-06.html"
"$root/controlmap" web "$data" -o "$page"
chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --disable-background-networking --window-size=1200,1500 \
    --screenshot="$here/web-deepstate-2024-07-to-2025-06.png" "file://$(realpath "$page")" 2>/dev/null
chmod 644 "$here/web-deepstate-2024-07-to-2025-06.png"
