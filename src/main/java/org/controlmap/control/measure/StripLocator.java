package org.controlmap.control.measure;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.RayCrossingCounter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * Point in polygonal area for a held territory with millions of vertices, in
 * a few bytes a segment. JTS's {@code IndexedPointInAreaLocator} (what a
 * {@code PreparedPolygon} answers {@code contains(point)} with) keeps an
 * interval R-tree node and a {@code LineSegment} per segment, about 100 bytes
 * each: 600 MB for the 6.2M vertices of a densified 200 MB snapshot. Here the
 * latitude range is cut into horizontal strips and each strip lists the
 * segments whose latitude range meets it, as one packed {@code long} (ring,
 * vertex) in one array, pointing into the geometry's own coordinates.
 *
 * <p>Answers are the same as JTS's: every segment whose latitude range holds the
 * point's latitude goes through {@link RayCrossingCounter}, as in
 * {@code IndexedPointInAreaLocator}; the order they are counted in does not
 * change the count.
 */
final class StripLocator {
    /** Segments per strip on average: a query scans one strip. */
    private static final int SEGMENTS_PER_STRIP = 4;
    private static final int MAX_STRIPS = 1 << 20;

    private final Coordinate[][] rings;
    private final Envelope env;
    private final double minY;
    private final double stripHeight;
    private final int strips;
    /** Strip s lists entries[start[s] .. start[s + 1]). */
    private final int[] start;
    /** Ring index (high 32 bits) and index of a segment's first vertex (low 32 bits). */
    private final long[] entries;

    /** A locator over the rings of {@code held} (Polygon or MultiPolygon, lon/lat). */
    StripLocator(Geometry held) {
        List<Coordinate[]> rs = new ArrayList<>();
        long segments = 0;
        for (int p = 0; p < held.getNumGeometries(); p++) {
            Polygon poly = (Polygon) held.getGeometryN(p);
            for (int h = -1; h < poly.getNumInteriorRing(); h++) {
                // A CoordinateArraySequence hands out its own array: no copy of the vertices.
                Coordinate[] cs = (h < 0 ? poly.getExteriorRing() : poly.getInteriorRingN(h)).getCoordinates();
                rs.add(cs);
                segments += Math.max(0, cs.length - 1);
            }
        }
        rings = rs.toArray(Coordinate[][]::new);
        env = held.getEnvelopeInternal();
        minY = env.getMinY();
        strips = (int) Math.max(1, Math.min(MAX_STRIPS, segments / SEGMENTS_PER_STRIP));
        double height = env.getHeight() / strips;
        stripHeight = height > 0 ? height : 1;
        int[] count = new int[strips + 1];
        for (Coordinate[] cs : rings) {
            for (int k = 0; k + 1 < cs.length; k++) {
                int s0 = strip(Math.min(cs[k].y, cs[k + 1].y));
                int s1 = strip(Math.max(cs[k].y, cs[k + 1].y));
                for (int s = s0; s <= s1; s++) {
                    count[s + 1]++;
                }
            }
        }
        start = new int[strips + 1];
        for (int s = 0; s < strips; s++) {
            start[s + 1] = start[s] + count[s + 1];
        }
        entries = new long[start[strips]];
        int[] next = java.util.Arrays.copyOf(start, strips);
        for (int r = 0; r < rings.length; r++) {
            Coordinate[] cs = rings[r];
            for (int k = 0; k + 1 < cs.length; k++) {
                int s0 = strip(Math.min(cs[k].y, cs[k + 1].y));
                int s1 = strip(Math.max(cs[k].y, cs[k + 1].y));
                for (int s = s0; s <= s1; s++) {
                    entries[next[s]++] = (long) r << 32 | k;
                }
            }
        }
    }

    private int strip(double y) {
        int s = (int) ((y - minY) / stripHeight);
        return Math.max(0, Math.min(strips - 1, s));
    }

    /** Where {@code p} lies: {@link Location#INTERIOR}, {@link Location#BOUNDARY} or {@link Location#EXTERIOR}. */
    int locate(Coordinate p) {
        if (!env.intersects(p)) {
            return Location.EXTERIOR;
        }
        RayCrossingCounter rcc = new RayCrossingCounter(p);
        int s = strip(p.y);
        for (int e = start[s]; e < start[s + 1]; e++) {
            long v = entries[e];
            Coordinate[] cs = rings[(int) (v >>> 32)];
            int k = (int) v;
            Coordinate a = cs[k];
            Coordinate b = cs[k + 1];
            if (p.y < Math.min(a.y, b.y) || p.y > Math.max(a.y, b.y)) {
                continue;
            }
            rcc.countSegment(a, b);
            if (rcc.isOnSegment()) {
                break;
            }
        }
        return rcc.getLocation();
    }

    /** Whether {@code p} lies in the interior, as {@code PreparedPolygon.contains(point)} says. */
    boolean containsInterior(Coordinate p) {
        return locate(p) == Location.INTERIOR;
    }
}
