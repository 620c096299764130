#!/bin/sh
# Benchmark: time and peak memory of controlmap on large valid inputs (issue 12, hardening item 3).
# Run from anywhere: bench/large/run.sh [SNAPSHOT]
#   SNAPSHOT: the DeepStateMap snapshot to densify (default ../shared/data/.../deepstatemap_data_20250630.geojson)
# The inputs are generated here by generate.py into $OUT (default bench/work/large, gitignored), never committed:
#   dense   the snapshot with every edge cut into equal steps until the file is about 200 MB (same shape)
#   sq90k   300 x 300 edge-matched squares, one feature each (18 MB)
#   sq1440k 1200 x 1200 squares (about 290 MB)
#   bomb    gzip that inflates to 3 GiB of valid square features (20 MB)
# Each run: wall time, CPU time, peak RSS (/usr/bin/time -v), exit code, the last line of stderr; for the
# densified snapshot, its Ukraine total against the original's (target: within 0.05 %).
# ONLY=dense,bomb runs some of them; MB=200 sets the densified size.
set -e
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
root=$(CDPATH= cd -- "$here/../.." && pwd)
src=${1:-$root/../shared/data/deepstate-2024-07-to-2025-06/deepstatemap_data_20250630.geojson}
out=${OUT:-$root/bench/work/large}
only=${ONLY:-dense,sq90k,sq1440k,bomb}
mb=${MB:-200}
mkdir -p "$out"
py=python3

want() { case ",$only," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }

name=$(basename "$src")
want dense && [ ! -f "$out/dense/$name" ] && mkdir -p "$out/dense" \
    && $py "$here/generate.py" densified "$src" "$out/dense/$name" "$mb"
want sq90k && [ ! -f "$out/squares-90k.geojson" ] && $py "$here/generate.py" squares 300 "$out/squares-90k.geojson"
want sq1440k && [ ! -f "$out/squares-1440k.geojson" ] \
    && $py "$here/generate.py" squares 1200 "$out/squares-1440k.geojson"
want bomb && [ ! -f "$out/bomb.geojson.gz" ] && $py "$here/generate.py" bomb 3 "$out/bomb.geojson.gz"

cd "$root"
./controlmap --version >/dev/null   # build the jar and its class-data archive before timing anything
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"

# run LABEL ARGS...: one timed run, one line of figures
run() {
    label=$1
    shift
    set +e
    /usr/bin/time -v -o "$out/$label.time" ./controlmap "$@" >"$out/$label.out" 2>"$out/$label.err"
    code=$?
    set -e
    secs=$(awk -F': ' '/Elapsed/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i];
        print s}' "$out/$label.time")
    cpu=$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {print u + s}' "$out/$label.time")
    kb=$(awk -F': ' '/Maximum resident/ {print $2}' "$out/$label.time")
    printf '%-28s exit %s  %7.1f s wall  %7.1f s CPU  peak RSS %5d MB  %s\n' "$label" "$code" "$secs" "$cpu" \
        $((kb / 1024)) "$(grep -v 'no date in its name' "$out/$label.err" | tail -n 1 | cut -c1-150)"
}

if want dense; then
    ls -l "$src" "$out/dense/$name" | awk '{print $5, $NF}'
    run original areas --control "$src" --format csv -o "$out/original.csv"
    run dense-areas areas --control "$out/dense/$name" --format csv -o "$out/dense.csv"
    run dense-series series "$out/dense" -o "$out/dense-series.csv"
    if [ -s "$out/dense.csv" ]; then
        $py - "$out/original.csv" "$out/dense.csv" <<'PY'
import csv, sys
def total(p):
    for r in csv.DictReader(open(p)):
        if r["iso_3166_2"] == "UA":
            return float(r["controlled_km2"])
a, b = total(sys.argv[1]), total(sys.argv[2])
print("Ukraine held km2: original %.3f, densified %.3f, difference %.5f %% (target 0.05 %%)"
      % (a, b, 100 * abs(b - a) / a))
PY
    fi
fi
want sq90k && run squares-90k areas --control "$out/squares-90k.geojson" --format csv -o "$out/sq90k.csv"
want sq1440k && run squares-1440k areas --control "$out/squares-1440k.geojson" --format csv -o "$out/sq1440k.csv"
if want bomb; then
    ls -l "$out/bomb.geojson.gz" | awk '{print $5, $NF}'
    run bomb-areas areas --control "$out/bomb.geojson.gz" --format csv -o "$out/bomb.csv"
    run bomb-series series "$out/bomb.geojson.gz" -o "$out/bomb-series.csv"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
