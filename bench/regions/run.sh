#!/usr/bin/env bash
# --regions benchmark (issue 11, item 2): the cost of 500 made-up districts beside the 30 bundled regions.
# Districts: each Ukrainian unit split into the Voronoi cells of its largest towns (GeoNames, bundled), about
# 500 in all, cut to the unit (MadeUpDistricts, test code; made up, no real raions). On DeepStateMap data in
# ../shared/data:
#   1. `areas --control DAY` with and without `--regions districts.geojson`: median wall time and peak RSS;
#   2. `series` over the first FIRST (100) snapshots with and without `--regions`: wall time and peak RSS.
#
# Usage: bench/regions/run.sh [DATA_DIR]      RUNS=5 FIRST=100 DAY=20241120 bench/regions/run.sh
# Needs java, mvn (offline is fine) and GNU time (/usr/bin/time). Scratch files go to bench/work/regions/.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
data=${1:-$here/../shared/data/deepstate-2024-07-to-2025-06}
[ -d "$data" ] || { echo "no data directory $data (give it as the first argument)" >&2; exit 2; }
runs=${RUNS:-5}
first=${FIRST:-100}
day=${DAY:-20241120}
work=$here/bench/work/regions
mkdir -p "$work"
cd "$here"

./controlmap --version >/dev/null                 # the jar and its class-data archive, not timed
mvn -B -q -o test-compile >/dev/null              # MadeUpDistricts
districts=$work/districts-500.geojson
java -cp "target/test-classes:target/classes:target/lib/*" org.controlmap.region.MadeUpDistricts voronoi 500 \
    "$districts" >&2

snapshots=$work/first-$first
rm -rf "$snapshots" && mkdir -p "$snapshots"
all=("$data"/*.geojson)                           # sorted by the shell; no pipe for pipefail to trip on
for f in "${all[@]:0:$first}"; do ln -s "$f" "$snapshots/"; done

# median wall seconds and median peak RSS (MB) of RUNS runs of a command line
measure() {
    local times=() mems=()
    for _ in $(seq "$runs"); do
        /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>>"$work/stderr"
        read -r t m < "$work/time"
        times+=("$t"); mems+=("$m")
    done
    printf '%s %s\n' "$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')" \
        "$(printf '%s\n' "${mems[@]}" | sort -g | awk '{a[NR]=$1} END {printf "%.0f", a[int((NR+1)/2)]/1024}')"
}

control=$data/deepstatemap_data_$day.geojson
./controlmap areas --control "$control" --regions "$districts" -o "$work/areas-districts.csv" 2>/dev/null
rows=$(($(wc -l < "$work/areas-districts.csv") - 1))
read -r a0 m0 < <(measure ./controlmap areas --control "$control" -o "$work/areas.csv")
read -r a1 m1 < <(measure ./controlmap areas --control "$control" --regions "$districts" -o "$work/areas-districts.csv")
runs=1
read -r s0 n0 < <(measure ./controlmap series "$snapshots" -o "$work/series.csv")
read -r s1 n1 < <(measure ./controlmap series "$snapshots" --regions "$districts" -o "$work/series-districts.csv")

printf 'districts: %s (%s rows with the bundled ones and the total); load at the end: %s\n' \
    "$(grep -c '"Feature"' "$districts")" "$rows" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'areas --control (30 regions):          %s s, %s MB (median of %s)\n' "$a0" "$m0" "${RUNS:-5}"
printf 'areas --control --regions (+districts): %s s, %s MB\n' "$a1" "$m1"
printf 'series, %s snapshots (30 regions):      %s s, %s MB\n' "$first" "$s0" "$n0"
printf 'series --regions (+districts):          %s s, %s MB; ratio %s\n' "$s1" "$n1" \
    "$(awk -v a="$s1" -v b="$s0" 'BEGIN {printf "%.2f", a / b}')"
