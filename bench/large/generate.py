#!/usr/bin/env python3
"""Writes the large valid inputs of bench/large/run.sh (never committed: they are hundreds of MB).

    generate.py densified SNAPSHOT OUT MB   a snapshot with every edge cut into equal steps in lon/lat until the
                                            file is about MB megabytes; the same shape, so the same km²
    generate.py squares N OUT               N x N edge-matched squares of 0.004 degrees (valid, adjacent
                                            features) over eastern Ukraine, one Feature each
    generate.py bomb GIB OUT                a gzip file that inflates to GIB GiB of valid square features
                                            (gzip members written once and repeated: seconds to make)

Standard library only. Output is deterministic.
"""
import gzip
import json
import sys


def densified(src, out, mb):
    with open(src) as f:
        doc = json.load(f)
    edges = 0
    for feat in doc["features"]:
        g = feat["geometry"]
        polys = g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]
        for poly in polys:
            for ring in poly:
                edges += len(ring) - 1
    # about 32 bytes a position as written below ("[ 35.2014580000, 45.5233430000 ], ")
    steps = max(1, int(mb * 1e6 / 32 / edges))
    with open(out, "w") as w:
        w.write('{\n"type": "FeatureCollection",\n"name": "%s",\n' % doc.get("name", "densified"))
        w.write('"crs": { "type": "name", "properties": { "name": "urn:ogc:def:crs:OGC:1.3:CRS84" } },\n')
        w.write('"features": [\n')
        for fi, feat in enumerate(doc["features"]):
            g = feat["geometry"]
            multi = g["type"] == "MultiPolygon"
            polys = g["coordinates"] if multi else [g["coordinates"]]
            w.write('%s{ "type": "Feature", "properties": %s, "geometry": { "type": "%s", "coordinates": [ '
                    % ("," if fi else "", json.dumps(feat.get("properties") or {}), g["type"]))
            for pi, poly in enumerate(polys):
                w.write(", " if pi else "")
                w.write("[ " if multi else "")
                for ri, ring in enumerate(poly):
                    w.write(", [ " if ri else "[ ")
                    parts = []
                    for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
                        # the original vertex exactly, then points between in equal steps: the shape is unchanged
                        # (10 decimals, 10 micrometres: rounding to fewer made edges that pass close to each
                        # other cross, which the reader then repairs)
                        parts.append("[ %r, %r ]" % (x0, y0))
                        dx = (x1 - x0) / steps
                        dy = (y1 - y0) / steps
                        for k in range(1, steps):
                            parts.append("[ %.10f, %.10f ]" % (x0 + k * dx, y0 + k * dy))
                        if len(parts) > 100000:
                            w.write(", ".join(parts))
                            w.write(", ")
                            parts = []
                    parts.append("[ %r, %r ]" % tuple(ring[-1][:2]))
                    w.write(", ".join(parts))
                    w.write(" ]")
                w.write(" ]" if multi else "")
            w.write(" ] } }\n")
        w.write("]\n}\n")
    print("%s: every edge in %d steps" % (out, steps), file=sys.stderr)


def square(i, j, n):
    x0 = 33.0 + 4.0 * i / n
    y0 = 47.0 + 2.0 * j / n
    x1 = 33.0 + 4.0 * (i + 1) / n
    y1 = 47.0 + 2.0 * (j + 1) / n
    return ('{"type":"Feature","properties":{"id":%d},"geometry":{"type":"Polygon","coordinates":'
            '[[[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f]]]}}'
            % (i * n + j, x0, y0, x1, y0, x1, y1, x0, y1, x0, y0))


def squares(n, out):
    """n x n squares tiling lon 33..37, lat 47..49 (inside Donetsk, Zaporizhzhia, Dnipropetrovsk...)."""
    with open(out, "w") as w:
        w.write('{"type":"FeatureCollection","features":[\n')
        for i in range(n):
            w.write(",\n".join(square(i, j, n) for j in range(n)))
            w.write(",\n" if i < n - 1 else "\n")
        w.write("]}\n")


def bomb(gib, out):
    """Valid features, gzip-compressed, GIB GiB uncompressed: one compressed chunk repeated as gzip members."""
    n = 1000
    # 32 squares over and over: valid, distinct enough to be features, and compressing about 1000:1
    chunk = "".join(square(k % 32, 0, n) + ",\n" for k in range(64 * 1024)).encode()
    z = gzip.compress(chunk, 9, mtime=0)
    reps = int(gib * (1 << 30) / len(chunk)) + 1
    with open(out, "wb") as w:
        w.write(gzip.compress(b'{"type":"FeatureCollection","features":[\n', 9, mtime=0))
        for _ in range(reps):
            w.write(z)
        w.write(gzip.compress((square(0, 0, n) + "]}\n").encode(), 9, mtime=0))
    print("%s: %d members of %d bytes, %.2f GiB inflated" % (out, reps, len(chunk), reps * len(chunk) / (1 << 30)),
          file=sys.stderr)


if __name__ == "__main__":
    kind = sys.argv[1]
    if kind == "densified":
        densified(sys.argv[2], sys.argv[3], float(sys.argv[4]))
    elif kind == "squares":
        squares(int(sys.argv[2]), sys.argv[3])
    elif kind == "bomb":
        bomb(float(sys.argv[2]), sys.argv[3])
    else:
        sys.exit(__doc__)
