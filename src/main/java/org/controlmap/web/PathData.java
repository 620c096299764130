package org.controlmap.web;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Compact SVG path data for polygons in canvas pixels, to a tenth of a pixel (the scenes' precision): each ring
 * an absolute {@code M}, then relative {@code l} steps with no redundant separators ("M812.4 301l1.2-.5 3 0z").
 * Relative steps along a front are one or two digits where absolute ones are four or five, which is most of what
 * keeps a year of frames small.
 */
final class PathData {
    private PathData() {
    }

    /** The polygons of {@code g} (lines and points are left out) as path data; "" when there are none. */
    static String of(Geometry g) {
        StringBuilder sb = new StringBuilder();
        append(sb, g);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Geometry g) {
        if (g instanceof Polygon p) {
            if (p.isEmpty() || p.getArea() == 0) {
                return;
            }
            ring(sb, p.getExteriorRing());
            for (int k = 0; k < p.getNumInteriorRing(); k++) {
                ring(sb, p.getInteriorRingN(k));
            }
        } else if (g instanceof GeometryCollection c) {
            for (int i = 0; i < c.getNumGeometries(); i++) {
                append(sb, c.getGeometryN(i));
            }
        }
    }

    private static void ring(StringBuilder sb, LineString ring) {
        Coordinate[] cs = ring.getCoordinates();
        if (cs.length < 4) {
            return;
        }
        long px = tenths(cs[0].x);
        long py = tenths(cs[0].y);
        sb.append('M');
        num(sb, px, true);
        num(sb, py, false);
        sb.append('l');
        boolean first = true;
        // The last point repeats the first: "z" closes the ring instead.
        for (int i = 1; i < cs.length - 1; i++) {
            long x = tenths(cs[i].x);
            long y = tenths(cs[i].y);
            if (x == px && y == py) {
                continue;
            }
            num(sb, x - px, first);
            num(sb, y - py, false);
            first = false;
            px = x;
            py = y;
        }
        if (first) {
            sb.setLength(sb.lastIndexOf("M"));
            return;
        }
        sb.append('z');
    }

    private static long tenths(double v) {
        return Math.round(v * 10);
    }

    /** A number of tenths, after a separator unless it starts a command's arguments or has its own minus sign. */
    private static void num(StringBuilder sb, long tenths, boolean first) {
        if (tenths < 0) {
            sb.append('-');
        } else if (!first) {
            sb.append(' ');
        }
        long a = Math.abs(tenths);
        long whole = a / 10;
        long frac = a % 10;
        if (whole != 0 || frac == 0) {
            sb.append(whole);
        }
        if (frac != 0) {
            sb.append('.').append(frac);
        }
    }
}
