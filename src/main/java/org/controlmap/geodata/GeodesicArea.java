package org.controlmap.geodata;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import net.sf.geographiclib.PolygonResult;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Area of longitude/latitude polygons on the WGS84 ellipsoid, in km².
 *
 * <p>Each ring is measured with GeographicLib's {@link PolygonArea} (Karney,
 * "Algorithms for geodesics", J. Geodesy 87, 2013, §6), which treats every
 * edge as a geodesic and is accurate to round-off (about 1e-12 relative for
 * oblast-sized rings). Holes are subtracted and the parts of a MultiPolygon or
 * GeometryCollection added, so the result is the area of the point set, not of
 * the outer rings. Ring orientation does not matter: each ring's area is taken
 * as a magnitude, since JTS polygons carry shell/hole roles explicitly.
 *
 * <p>Coordinates are x = longitude, y = latitude in degrees (GeoJSON order).
 * Non-polygonal components contribute nothing.
 */
public final class GeodesicArea {
    private static final Geodesic WGS84 = Geodesic.WGS84;

    private GeodesicArea() {
    }

    /** Geodesic area of all polygonal parts of {@code g}, in km². */
    public static double km2(Geometry g) {
        return m2(g) / 1e6;
    }

    /** Geodesic area of all polygonal parts of {@code g}, in m². */
    public static double m2(Geometry g) {
        if (g == null || g.isEmpty()) {
            return 0;
        }
        if (g instanceof Polygon p) {
            double a = ringM2(p.getExteriorRing());
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                a -= ringM2(p.getInteriorRingN(i));
            }
            return a;
        }
        double sum = 0;
        if (g.getNumGeometries() > 1 || g.getGeometryN(0) != g) {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                sum += m2(g.getGeometryN(i));
            }
        }
        return sum;
    }

    /** Unsigned geodesic area enclosed by one closed ring, in m². */
    public static double ringM2(LineString ring) {
        Coordinate[] cs = ring.getCoordinates();
        int n = cs.length;
        if (n > 1 && cs[0].equals2D(cs[n - 1])) {
            n--; // PolygonArea closes the ring itself
        }
        if (n < 3) {
            return 0;
        }
        PolygonArea pa = new PolygonArea(WGS84, false);
        for (int i = 0; i < n; i++) {
            pa.AddPoint(cs[i].y, cs[i].x);
        }
        // sign=true gives a negative area for a clockwise ring rather than "the rest
        // of the earth"; the magnitude is the area enclosed either way.
        PolygonResult r = pa.Compute(false, true);
        return Math.abs(r.area);
    }
}
