#!/bin/sh
# Checks --attribution nearest against what a control map's publisher measures, on every snapshot of a
# directory (default: the 353 DeepStateMap days in ../shared/data). Run from anywhere:
#   bench/attribution/run.sh [SNAPSHOT_DIR]
# Prints, over all days, the worst of:
#   - |Ukraine total under nearest − the polygon's own geodesic area| / that area   (target ≤ 0.3 %)
#   - km² "held by Russia" left in a Russian oblast under nearest                   (target < 1 km²)
#   - km² left outside every region under nearest, as a share of the total          (target ≤ 0.1 %)
#   - Crimea + Sevastopol together, percent held                                    (target ≥ 99.9 %)
# The polygon's own area is the sum of every row of the strict clip (regions, Russian oblasts, outside):
# clip partitions the polygon, so that sum is its geodesic area.
set -e
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
root=$(CDPATH= cd -- "$here/../.." && pwd)
data=${1:-$root/../shared/data/deepstate-2024-07-to-2025-06}
out=${TMPDIR:-/tmp}/controlmap-bench-attribution
mkdir -p "$out"
cd "$root"
./controlmap --version >/dev/null
./controlmap series "$data" --attribution nearest -o "$out/nearest.csv"
./controlmap series "$data" --attribution clip -o "$out/clip.csv"
python3 - "$out/nearest.csv" "$out/clip.csv" <<'PY'
import csv, sys, collections
def load(p):
    rows = collections.defaultdict(dict)
    for r in csv.DictReader(open(p)):
        rows[r["date"]][r["iso_3166_2"]] = r
    return rows
near, clip = load(sys.argv[1]), load(sys.argv[2])
worst = {"total": (0, ""), "russia": (0, ""), "outside": (0, ""), "crimea": (101, "")}
mismatch = []
for day in sorted(near):
    n, c = near[day], clip[day]
    poly = sum(float(r["controlled_km2"]) for iso, r in c.items() if iso != "UA")
    total = float(n["UA"]["controlled_km2"])
    rel = abs(total - poly) / poly
    worst["total"] = max(worst["total"], (rel, day))
    ru = sum(float(r["controlled_km2"]) for iso, r in n.items() if iso.startswith("RU-"))
    worst["russia"] = max(worst["russia"], (ru, day))
    out = float(n["outside"]["controlled_km2"]) if "outside" in n else 0.0
    worst["outside"] = max(worst["outside"], (out / poly, day))
    held = ext = 0.0
    for iso in ("UA-40", "UA-43"):
        r = n[iso]
        km2, pct = float(r["controlled_km2"]), float(r["controlled_pct"])
        held += km2
        ext += km2 / (pct / 100)
    worst["crimea"] = min(worst["crimea"], (100 * held / ext, day))
    mismatch.append(float(n["UA"]["mismatch_km2"]))
print(f"days: {len(near)}")
print(f"Ukraine total vs polygon area, worst: {100 * worst['total'][0]:.4f} % ({worst['total'][1]})  target <= 0.3 %")
print(f"held by Russia in Russian oblasts, worst: {worst['russia'][0]:.3f} km2 ({worst['russia'][1]})  target < 1 km2")
print(f"outside every region, worst: {100 * worst['outside'][0]:.4f} % of the total ({worst['outside'][1]})  target <= 0.1 %")
print(f"Crimea + Sevastopol, lowest: {worst['crimea'][0]:.3f} % ({worst['crimea'][1]})  target >= 99.9 %")
print(f"reattributed ground (mismatch_km2, Ukraine row): {min(mismatch):,.0f} to {max(mismatch):,.0f} km2 a day")
ok = worst["total"][0] <= 0.003 and worst["russia"][0] < 1 and worst["outside"][0] <= 0.001 and worst["crimea"][0] >= 99.9
print("all targets met" if ok else "NOT all targets met")
sys.exit(0 if ok else 1)
PY
