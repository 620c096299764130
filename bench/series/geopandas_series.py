#!/usr/bin/python3
"""The analysts' usual stack doing what `controlmap series` does, for the benchmark.

For each snapshot file: read it with geopandas, union its polygons, intersect
the union with each region of geodata/regions.geojson, and take the geodesic
area on WGS84 with pyproj.Geod(ellps="WGS84").geometry_area_perimeter. The
part of the union outside every region is measured too (controlmap's
`outside` row). Writes the same CSV as `controlmap series`
(date,iso_3166_2,controlled_km2,controlled_pct) to stdout.

Usage: /usr/bin/python3 geopandas_series.py REGIONS.geojson SNAPSHOT_DIR > out.csv
"""
import glob
import os
import re
import sys

import geopandas as gpd
from pyproj import Geod
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.polygon import orient
from shapely.ops import unary_union

GEOD = Geod(ellps="WGS84")


def km2(geom):
    """Geodesic area in km2 of the polygonal parts of geom (rings oriented so holes subtract)."""
    if geom.is_empty:
        return 0.0
    if isinstance(geom, Polygon):
        parts = [geom]
    elif isinstance(geom, MultiPolygon):
        parts = list(geom.geoms)
    else:  # GeometryCollection from an intersection: keep its polygons
        parts = [g for g in getattr(geom, "geoms", []) if isinstance(g, (Polygon, MultiPolygon))]
        return sum(km2(p) for p in parts)
    total = 0.0
    for p in parts:
        area, _ = GEOD.geometry_area_perimeter(orient(p, sign=1.0))
        total += abs(area)
    return total / 1e6


def main():
    regions_file, snapdir = sys.argv[1], sys.argv[2]
    regions = gpd.read_file(regions_file)
    regions["key"] = regions["country"].ne("UA")
    regions = regions.sort_values(["key", "iso_3166_2"]).reset_index(drop=True)
    region_area = [km2(g) for g in regions.geometry]
    all_regions = unary_union(list(regions.geometry))
    ua_area = sum(a for a, c in zip(region_area, regions["country"]) if c == "UA")
    print("date,iso_3166_2,controlled_km2,controlled_pct")
    for path in sorted(glob.glob(os.path.join(snapdir, "*.geojson"))):
        m = re.search(r"(\d{4})(\d{2})(\d{2})", os.path.basename(path))
        date = "%s-%s-%s" % m.groups()
        snap = gpd.read_file(path)
        held = unary_union(list(snap.geometry))
        total = 0.0
        for iso, country, geom, area in zip(regions["iso_3166_2"], regions["country"], regions.geometry,
                                            region_area):
            a = km2(geom.intersection(held))
            if country == "UA":
                total += a
            if round(a * 1000) > 0:
                print("%s,%s,%.3f,%.2f" % (date, iso, a, min(100.0, 100 * a / area)))
        print("%s,UA,%.3f,%.2f" % (date, total, 100 * total / ua_area))
        out = km2(held.difference(all_regions))
        if round(out * 1000) > 0:
            print("%s,outside,%.3f," % (date, out))


if __name__ == "__main__":
    main()
