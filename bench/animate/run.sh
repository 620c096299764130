#!/usr/bin/env bash
# Animation benchmark (issue 10, item 1): `./controlmap animate` over the
# FIRST 100 DeepStateMap snapshots of ../shared/data/deepstate-2024-07-to-2025-06
# to 100 SVG frames (-o 'frames/{date}.svg'), whole process, against mapshaper
# 0.7.70 drawing the same 100 days one process per day, as a script would:
#   mapshaper -i geodata/regions.geojson DAY.geojson combine-files \
#       -proj +proj=lcc +lat_1=46 +lat_2=51 +lon_0=32 -o DAY.svg
# (the installed bin/mapshaper, not `npx mapshaper`, whose own start-up of
# ~0.3 s a call would flatter controlmap). Also times the same 100 days as one
# animated GIF. Prints the median wall time of ROUNDS rounds (default 3; the
# three runs alternate within a round), controlmap's peak RSS, and the ratios:
# mapshaper / controlmap SVG frames (target >= 5), GIF / SVG frames (target
# <= 2), peak RSS (target < 512 MB).
#
# Usage: bench/animate/run.sh [DATA_DIR]     (needs java, mvn, node/npm, python3, GNU time)
#        ROUNDS=5 bench/animate/run.sh
# Scratch files and mapshaper go to bench/work/animate (gitignored).
set -euo pipefail

. "$(dirname "$0")/../against-mapshaper.sh"
RUNS=5 bench_setup animate
rounds=${ROUNDS:-3}
data=${1:-$root/../shared/data/deepstate-2024-07-to-2025-06}
[ -d "$data" ] || { echo "no data directory $data (see ../shared/data/README.md)" >&2; exit 2; }

rm -rf "$out/in" && mkdir -p "$out/in"
find "$data" -maxdepth 1 -name '*.geojson' | sort | head -n 100 | while read -r f; do
    ln -s "$(cd "$(dirname "$f")" && pwd)/$(basename "$f")" "$out/in/"
done
n=$(ls "$out/in" | wc -l)
[ "$n" -eq 100 ] || { echo "expected 100 snapshots in $data, found $n" >&2; exit 2; }

# Build the jar and the class-data archive before timing.
$controlmap animate "$out/in" --to 2024-07-09 -o "$out/warm.gif" >/dev/null

svg_cmd="$controlmap animate $out/in -o $out/frames/{date}.svg"
gif_cmd="$controlmap animate $out/in -o $out/days.gif"
ms_cmd="for f in $out/in/*.geojson; do d=\$(basename \$f .geojson); $mapshaper -i $regions \$f combine-files -proj +proj=lcc +lat_1=46 +lat_2=51 +lon_0=32 -o $out/mapshaper/\$d.svg || exit 1; done"
mkdir -p "$out/mapshaper"

python3 - "$rounds" "$svg_cmd" "$gif_cmd" "$ms_cmd" "$out" <<'PY'
import os, re, shutil, statistics, subprocess, sys, time
rounds, svg, gif, ms, out = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
cmds = {"svg": svg, "gif": gif, "mapshaper": ms}
wall = {k: [] for k in cmds}
rss = {k: [] for k in cmds}
for r in range(rounds):
    for k, c in cmds.items():
        shutil.rmtree(os.path.join(out, "frames"), ignore_errors=True)
        t0 = time.perf_counter()
        p = subprocess.run(["/usr/bin/time", "-f", "%M", "bash", "-c", c], stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, text=True)
        t = time.perf_counter() - t0
        if p.returncode != 0:
            sys.exit(k + " failed:\n" + p.stderr)
        wall[k].append(t)
        rss[k].append(int(p.stderr.strip().splitlines()[-1]))
        print(f"round {r + 1} {k}: {t:.2f} s", file=sys.stderr)
med = {k: statistics.median(v) for k, v in wall.items()}
frames = len([f for f in os.listdir(os.path.join(out, "frames")) if f.endswith(".svg")]) if os.path.isdir(os.path.join(out, "frames")) else 0
svgs = len([f for f in os.listdir(os.path.join(out, "mapshaper")) if f.endswith(".svg")])
print(f"controlmap animate -> 100 SVG frames: median {med['svg']:.2f} s, peak RSS {max(rss['svg']) // 1024} MB")
print(f"controlmap animate -> GIF of 100 frames: median {med['gif']:.2f} s, peak RSS {max(rss['gif']) // 1024} MB, "
      f"{os.path.getsize(os.path.join(out, 'days.gif')) / 1e6:.1f} MB")
print(f"mapshaper 0.7.70, one process per day -> {svgs} SVGs: median {med['mapshaper']:.2f} s")
print(f"ratio mapshaper / controlmap SVG frames: {med['mapshaper'] / med['svg']:.1f}x (target >= 5)")
print(f"ratio GIF / SVG frames: {med['gif'] / med['svg']:.2f} (target <= 2)")
print(f"peak RSS: {max(max(rss['svg']), max(rss['gif'])) // 1024} MB (target < 512 MB); {rounds} rounds, medians")
PY
