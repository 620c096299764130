# Shared part of the benchmarks against mapshaper 0.7.70 (sourced by
# bench/areas/run.sh and bench/render/run.sh): set-up, and timing of two whole
# processes with hyperfine or, without it (or with TIMER=loop), a loop that
# alternates the two commands run by run.

# bench_setup NAME: sets root, work, out (bench/work/NAME), runs, mapshaper,
# controlmap and regions; installs mapshaper into bench/work/ on first use.
bench_setup() {
    root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
    work="$root/bench/work"
    out="$work/$1"
    runs=${RUNS:-10}
    [ "$runs" -ge 5 ] || { echo "RUNS must be at least 5" >&2; exit 2; }
    mkdir -p "$out"
    cd "$root"
    mapshaper="$work/node_modules/.bin/mapshaper"
    if [ ! -x "$mapshaper" ] || [ "$("$mapshaper" -v 2>/dev/null)" != "0.7.70" ]; then
        echo "installing mapshaper@0.7.70 into bench/work/ ..." >&2
        npm install --prefix "$work" --no-audit --no-fund --silent mapshaper@0.7.70 >&2
    fi
    controlmap=${CONTROLMAP:-"$root/controlmap"}
    regions="$root/geodata/regions.geojson"
}

# time_pair CONTROLMAP_CMD MAPSHAPER_CMD: sets cm and ms (median seconds), timer
# (a word for the report) and ratio (cm / ms, two decimals).
time_pair() {
    # hyperfine times all runs of one command, then all of the other; on a busy machine
    # (shared CI, parallel builds) load drifts between the two blocks. TIMER=loop
    # alternates the two commands run by run instead, which keeps the ratio fair.
    timer=${TIMER:-$(command -v hyperfine >/dev/null 2>&1 && echo hyperfine || echo loop)}
    if [ "$timer" = hyperfine ]; then
        # -N: no intermediate shell, so its start-up is not counted (hyperfine >= 1.13)
        local noshell
        noshell=$(hyperfine --help | grep -q -- '--shell=none' && echo -N || true)
        hyperfine $noshell --warmup 2 --runs "$runs" --export-json "$out/hyperfine.json" \
            -n controlmap "$1" -n mapshaper "$2" >&2
        read -r cm ms < <(python3 -c '
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
print(r["controlmap"]["median"], r["mapshaper"]["median"])' "$out/hyperfine.json")
    else
        timer="alternating timing loop"
        read -r cm ms < <(python3 - "$runs" "$1" "$2" <<'PY'
import statistics, subprocess, sys, time
runs, cmds = int(sys.argv[1]), sys.argv[2:]
times = [[] for _ in cmds]
for i in range(runs + 2):  # two warm-up rounds, not counted
    for k, c in enumerate(cmds):
        t0 = time.perf_counter()
        subprocess.run(c, shell=True, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if i >= 2:
            times[k].append(time.perf_counter() - t0)
print(*(statistics.median(t) for t in times))
PY
)
    fi
    ratio=$(python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.2f}')" "$cm" "$ms")
}

# ms_of SECONDS: whole milliseconds.
ms_of() {
    python3 -c "import sys; print(f'{float(sys.argv[1]) * 1000:.0f}')" "$1"
}
