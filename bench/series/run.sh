#!/bin/sh
# Benchmark: `controlmap series` over the 353 DeepStateMap snapshots versus the
# analysts' usual stack (geopandas + shapely + pyproj Geod) doing the same work.
# Run from anywhere: bench/series/run.sh [SNAPSHOT_DIR] [JAVA_RUNS]
# FIRST=N takes only the first N snapshots (by name), to see what start-up costs a small batch.
# controlmap is timed with its default --attribution nearest (every km² booked to a Ukrainian region);
# the agreement check compares --attribution clip, the strict intersection geopandas does.
# Needs ../shared/data (not part of the project) and Debian's python3-geopandas.
set -e
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
root=$(CDPATH= cd -- "$here/../.." && pwd)
data=${1:-$root/../shared/data/deepstate-2024-07-to-2025-06}
runs=${2:-3}
out=${TMPDIR:-/tmp}/controlmap-bench-series
mkdir -p "$out"
if [ -n "$FIRST" ]; then
    rm -rf "$out/first"
    mkdir -p "$out/first"
    for f in $(ls "$data" | sort | head -n "$FIRST"); do ln -s "$data/$f" "$out/first/$f"; done
    data="$out/first"
fi
echo "snapshots: $(ls "$data" | wc -l)"
py=/usr/bin/python3   # Debian's python, not a pyenv one earlier on PATH

if ! $py -c 'import geopandas, pyproj' 2>/dev/null; then
    echo "installing python3-geopandas python3-pyproj (apt) ..." >&2
    apt-get update -qq && apt-get install -y -qq python3-geopandas python3-pyproj >/dev/null
fi

cd "$root"
# Build the jar (and the launcher's class-data archive) before timing anything.
./controlmap --version >/dev/null
# JVM options are the launcher's (it picks the compiler, collector and heap cap for
# series); CONTROLMAP_JAVA_OPTS from the environment is passed on, e.g. to try flags.
echo "CONTROLMAP_JAVA_OPTS: ${CONTROLMAP_JAVA_OPTS:-(none)}"

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
times=""
for i in $(seq "$runs"); do
    /usr/bin/time -f "%e %M %U %S" -o "$out/java.time" ./controlmap series "$data" -o "$out/java.csv"
    read -r secs kb usr sys < "$out/java.time"
    echo "controlmap run $i: ${secs} s wall, $(awk -v u="$usr" -v s="$sys" 'BEGIN {print u + s}') s CPU, peak RSS $((kb / 1024)) MB"
    times="$times $secs"
done
median=$(printf '%s\n' $times | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}')
/usr/bin/time -f "%e %M" -o "$out/clip.time" ./controlmap series "$data" --attribution clip -o "$out/clip.csv"
read -r csecs ckb < "$out/clip.time"
echo "controlmap --attribution clip (for the agreement check): ${csecs} s wall, peak RSS $((ckb / 1024)) MB"

/usr/bin/time -f "%e %M %U %S" -o "$out/py.time" $py "$here/geopandas_series.py" geodata/regions.geojson "$data" \
    > "$out/py.csv"
read -r pysecs pykb pyusr pysys < "$out/py.time"
echo "geopandas: ${pysecs} s wall, $(awk -v u="$pyusr" -v s="$pysys" 'BEGIN {print u + s}') s CPU, peak RSS $((pykb / 1024)) MB"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v j="$median" -v p="$pysecs" 'BEGIN {printf "controlmap median %.2f s; ratio %.1fx\n", j, p / j}'

# Agreement: every (date, region) row of one must be in the other, within 0.5 % (1 km² for slivers).
$py - "$out/clip.csv" "$out/py.csv" <<'PY'
import csv, sys
def load(p):
    return {(r["date"], r["iso_3166_2"]): float(r["controlled_km2"]) for r in csv.DictReader(open(p))}
j, p = load(sys.argv[1]), load(sys.argv[2])
only = set(j) ^ set(p)
bad, worst_abs, worst_rel = [], (0, None), (0, None)
for k in sorted(set(j) & set(p)):
    d = abs(j[k] - p[k])
    rel = d / p[k] if p[k] > 0 else 0
    if d > max(1.0, 0.005 * p[k]):
        bad.append(k)
    worst_abs = max(worst_abs, (d, k))
    if p[k] >= 1:
        worst_rel = max(worst_rel, (rel, k))
print(f"rows: controlmap {len(j)}, geopandas {len(p)}, in one only: {len(only)} {sorted(only)[:5]}")
print(f"largest difference: {worst_abs[0]:.3f} km2 at {worst_abs[1]}; largest relative: "
      f"{100 * worst_rel[0]:.5f} % at {worst_rel[1]}")
print("agreement within 0.5 % (1 km2 for slivers):", "yes" if not bad and not only else f"NO ({len(bad)} rows)")
PY
