package org.controlmap.control.measure;

import java.util.ArrayList;
import java.util.List;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicMask;
import org.controlmap.geodata.LocalProjection;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * The front: the parts of the held territory's boundary that face free
 * Ukrainian ground, as opposed to the coast, the state border, or a coast or
 * border gap ({@link CoastGaps}) that only two drawings of one coastline leave.
 *
 * <p>Method: each edge of the held polygon is classified by the ground just
 * beyond it: a point {@value #PROBE_M} m out from the edge's middle, on the
 * side away from the held territory. The edge is front when that point lies
 * in a Ukrainian region, outside the held territory and outside every coast
 * or border gap; otherwise (sea, Russia, Belarus, a gap) it is coast or
 * border. Consecutive front edges form lines. The lines are simplified with
 * Douglas–Peucker at {@value #SIMPLIFY_M} m in a Lambert azimuthal equal-area
 * frame centred on them (JTS {@link DouglasPeuckerSimplifier}), which removes
 * digitising jitter that a length would otherwise count, and measured as
 * geodesics on WGS84 (GeographicLib {@link Geodesic#Inverse}), to well under a
 * metre per edge. On DeepStateMap's polygons of 2024–25 this gives 1,000 to
 * 1,200 km, as analysts cite; unsimplified it is about 5 % more.
 */
public final class FrontLine {
    /** How far beyond an edge the ground is looked at, metres. */
    static final double PROBE_M = 100;
    /** Douglas–Peucker tolerance for the length, metres. */
    public static final double SIMPLIFY_M = 500;

    private static final GeometryFactory GF = new GeometryFactory();
    private static final double M_PER_DEG_LAT = 111_132;

    /** Where the ground beyond an edge is free Ukrainian ground. */
    interface FreeGround {
        boolean isFree(Point p);
    }

    private FrontLine() {
    }

    /**
     * The front lines of {@code held}, lon/lat, as drawn (not simplified).
     *
     * @param held         held territory, valid polygons
     * @param free         tells free Ukrainian ground (in a region, not held, not a gap)
     */
    static Geometry lines(Geometry held, FreeGround free) {
        List<LineString> lines = new ArrayList<>();
        for (int p = 0; p < held.getNumGeometries(); p++) {
            Polygon poly = (Polygon) held.getGeometryN(p);
            for (int r = -1; r < poly.getNumInteriorRing(); r++) {
                Coordinate[] cs = (r < 0 ? poly.getExteriorRing() : poly.getInteriorRingN(r)).getCoordinates();
                // Shell counter-clockwise, or a hole clockwise: the held side is on the left, outside on the right.
                boolean outsideRight = (r < 0) == Orientation.isCCW(cs);
                List<Coordinate> run = new ArrayList<>();
                for (int k = 0; k + 1 < cs.length; k++) {
                    if (front(cs[k], cs[k + 1], outsideRight, free)) {
                        if (run.isEmpty()) {
                            run.add(cs[k]);
                        }
                        run.add(cs[k + 1]);
                    } else if (!run.isEmpty()) {
                        lines.add(GF.createLineString(run.toArray(Coordinate[]::new)));
                        run = new ArrayList<>();
                    }
                }
                if (!run.isEmpty()) {
                    lines.add(GF.createLineString(run.toArray(Coordinate[]::new)));
                }
            }
        }
        return GF.createMultiLineString(lines.toArray(LineString[]::new));
    }

    private static boolean front(Coordinate a, Coordinate b, boolean outsideRight, FreeGround free) {
        double cos = Math.cos(Math.toRadians((a.y + b.y) / 2));
        // Metres east and north along the edge (equirectangular at the edge: plenty for a 100 m probe).
        double dx = (b.x - a.x) * cos * M_PER_DEG_LAT;
        double dy = (b.y - a.y) * M_PER_DEG_LAT;
        double len = Math.hypot(dx, dy);
        if (len == 0) {
            return false;
        }
        double s = outsideRight ? 1 : -1;
        double east = s * dy / len * PROBE_M;
        double north = -s * dx / len * PROBE_M;
        Point probe = GF.createPoint(new Coordinate((a.x + b.x) / 2 + east / (cos * M_PER_DEG_LAT),
                (a.y + b.y) / 2 + north / M_PER_DEG_LAT));
        return free.isFree(probe);
    }

    /** Geodesic length on WGS84 of {@code lines} simplified at {@value #SIMPLIFY_M} m, km. */
    public static double km(Geometry lines) {
        if (lines.isEmpty()) {
            return 0;
        }
        LocalProjection proj = LocalProjection.centredOn(lines);
        Geometry simplified = proj.unproject(DouglasPeuckerSimplifier.simplify(proj.project(lines), SIMPLIFY_M));
        double m = 0;
        for (int g = 0; g < simplified.getNumGeometries(); g++) {
            Coordinate[] cs = simplified.getGeometryN(g).getCoordinates();
            for (int k = 0; k + 1 < cs.length; k++) {
                m += Geodesic.WGS84.Inverse(cs[k].y, cs[k].x, cs[k + 1].y, cs[k + 1].x, GeodesicMask.DISTANCE).s12;
            }
        }
        return m / 1000;
    }

    /** Free ground for {@link #lines}: in one of {@code home}, not in {@code held}, not in {@code gaps}. */
    static FreeGround freeGround(List<PreparedGeometry> home, PreparedGeometry held, PreparedGeometry gaps) {
        return freeGround(home, p -> held.contains(p), gaps);
    }

    /**
     * As {@link #freeGround(List, PreparedGeometry, PreparedGeometry)}, asking {@code heldContains} (true for a
     * point in the held territory's interior) instead of a prepared held territory: a
     * {@link StripLocator} answers the same in a fraction of the memory for millions of vertices.
     */
    static FreeGround freeGround(List<PreparedGeometry> home, java.util.function.Predicate<Point> heldContains,
            PreparedGeometry gaps) {
        return p -> {
            if (heldContains.test(p) || gaps != null && gaps.contains(p)) {
                return false;
            }
            for (PreparedGeometry h : home) {
                if (h.getGeometry().getEnvelopeInternal().contains(p.getCoordinate()) && h.contains(p)) {
                    return true;
                }
            }
            return false;
        };
    }
}
