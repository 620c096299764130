package org.controlmap.geodata;

import org.controlmap.InputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.noding.BasicSegmentString;
import org.locationtech.jts.noding.FastNodingValidator;
import org.locationtech.jts.noding.SegmentString;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Makes a polygonal geometry valid in the JTS sense, or refuses.
 *
 * <p>An invalid geometry (self-intersecting ring, bow-tie, overlapping parts
 * of a MultiPolygon, hole outside its shell...) is repaired with JTS's
 * {@link GeometryFixer}, which keeps every part the rings enclose (unlike the
 * classic {@code buffer(0)}, which can drop a lobe). A repair is only accepted
 * silently-with-a-warning when it changes the geodesic area
 * ({@link GeodesicArea#m2}) by at most {@link #MAX_AREA_CHANGE} of the
 * original; a larger change, or a collapse to nothing, means the shape's
 * intent is ambiguous and the user has to fix the source.
 *
 * <p>The "original" area of an invalid geometry is what GeographicLib gives
 * for its rings as written (holes subtracted, parts added). For a small twist
 * in a large ring it differs from the repaired area by twice the twisted lobe;
 * for a symmetric bow-tie it is near zero, so such a shape is refused.
 */
public final class GeometryRepair {

    /**
     * Fewest vertices of a shape for which an index over all of it (JTS's point-in-area locators, ~100 bytes a
     * segment) costs more than it gives: from here a MultiPolygon is checked part by part
     * ({@link #validationError}), and held territory is measured in pieces ({@code control.measure.HeldPieces}).
     * DeepStateMap's daily exports have ~10,000; a 200 MB snapshot 6.2 million.
     */
    public static final int LARGE_VERTICES = 500_000;

    /** Largest accepted relative change of geodesic area by a repair: 1 %. */
    public static final double MAX_AREA_CHANGE = 0.01;

    private GeometryRepair() {
    }

    /** Outcome of {@link #repair}: the valid geometry and, if it was repaired, a one-line note. */
    public record Result(Geometry geometry, String note) {
        public boolean repaired() {
            return note != null;
        }
    }

    /**
     * Returns {@code g} itself when valid, else its repair plus a note such as
     * {@code Self-intersection at 35.123456, 47.654321 (lon, lat); repaired, area changed by 0.0031 %}.
     *
     * @param g polygonal geometry in lon/lat degrees, not empty
     * @param where how the geometry is named in messages, e.g. {@code x.geojson:5:3: features[2]}
     * @throws InputException when the repair collapses the shape or changes its area by more than 1 %
     */
    public static Result repair(Geometry g, String where) {
        TopologyValidationError err;
        try {
            err = validationError(g);
        } catch (RuntimeException e) {
            throw new InputException(where + ": geometry cannot be checked (JTS: " + Quote.reason(String.valueOf(e.getMessage())) + ")", e);
        }
        if (err == null) {
            return new Result(g, null);
        }
        String problem = describe(err);
        Geometry fixed;
        try {
            fixed = GeometryFixer.fix(g);
            // JTS 1.20's fixer can leave parts that share an edge after splitting a ring at a collinear
            // self-overlap; fixing the result again merges them, and a robust union is the last resort.
            if (!fixed.isValid()) {
                fixed = GeometryFixer.fix(fixed);
            }
            if (!fixed.isValid()) {
                fixed = OverlayNGRobust.union(fixed);
            }
        } catch (RuntimeException e) {
            throw new InputException(where + ": " + problem + ", and JTS GeometryFixer cannot repair it ("
                    + Quote.reason(String.valueOf(e.getMessage())) + ")", e);
        }
        if (!fixed.isValid()) {
            throw new InputException(where + ": " + problem + ", and JTS GeometryFixer cannot repair it");
        }
        double before = Math.abs(GeodesicArea.m2(g));
        double after = fixed.isEmpty() ? 0 : GeodesicArea.m2(fixed);
        if (!(after > 0)) {
            throw new InputException(where + ": " + problem + "; repairing it leaves no area (the shape collapses)"
                    + "; fix the shape in the source");
        }
        double change = before > 0 ? (after - before) / before : Double.POSITIVE_INFINITY;
        if (!(Math.abs(change) <= MAX_AREA_CHANGE)) {
            throw new InputException(String.format(Locale.ROOT,
                    "%s: %s; repairing it would change the area from %.3f km² to %.3f km² (%s), more than the %.0f %%"
                            + " a repair may change; fix the shape in the source",
                    where, problem, before / 1e6, after / 1e6, percent(change), MAX_AREA_CHANGE * 100));
        }
        return new Result(fixed, problem + "; repaired with JTS GeometryFixer, area changed by " + percent(change));
    }

    /**
     * JTS's {@link IsValidOp} verdict on {@code g}; for a MultiPolygon of {@link #LARGE_VERTICES} or more, the
     * same checks in the same order with one of them done without an index.
     *
     * <p>Why: {@code IsValidOp} tests that no part of a MultiPolygon lies inside another through an
     * {@code IndexedPointInAreaLocator} over the outer part (~100 bytes a segment: 500 MB for the
     * 6.2M-vertex snapshot, the largest thing a run holds). Here each part is checked alone by
     * {@code IsValidOp} (rings, holes), then all rings together by JTS's {@link FastNodingValidator}
     * (rings of different parts that cross or overlap; any doubt goes to {@code IsValidOp} whole), and last a part nested in another is found by locating one of
     * its shell's vertices in each part whose box covers it ({@link SimplePointInAreaLocator}: a pass over
     * that part's rings, nothing kept). With boundaries that only touch, a vertex off the other part's
     * boundary tells whether the whole part lies inside it.
     */
    static TopologyValidationError validationError(Geometry g) {
        return validationError(g, LARGE_VERTICES);
    }

    /** As {@link #validationError(Geometry)}, part by part from {@code largeVertices} on (tests lower it). */
    static TopologyValidationError validationError(Geometry g, int largeVertices) {
        if (!(g instanceof MultiPolygon) || g.getNumPoints() < largeVertices) {
            return new IsValidOp(g).getValidationError();
        }
        for (int i = 0; i < g.getNumGeometries(); i++) {
            TopologyValidationError err = new IsValidOp(g.getGeometryN(i)).getValidationError();
            if (err != null) {
                return err;
            }
        }
        List<SegmentString> rings = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            for (int r = -1; r < p.getNumInteriorRing(); r++) {
                rings.add(new BasicSegmentString((r < 0 ? p.getExteriorRing() : p.getInteriorRingN(r))
                        .getCoordinates(), null));
            }
        }
        if (!new FastNodingValidator(rings).isValid()) {
            // Rings meet other than at shared vertices: a crossing, an overlap, or a vertex on another ring's
            // edge, which may be a valid touch. IsValidOp tells which, at its cost.
            return new IsValidOp(g).getValidationError();
        }
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon inner = (Polygon) g.getGeometryN(i);
            for (int j = 0; j < g.getNumGeometries(); j++) {
                Polygon outer = (Polygon) g.getGeometryN(j);
                if (i == j || !outer.getEnvelopeInternal().covers(inner.getEnvelopeInternal())) {
                    continue;
                }
                for (Coordinate c : inner.getExteriorRing().getCoordinates()) {
                    int loc = SimplePointInAreaLocator.locatePointInPolygon(c, outer);
                    if (loc == Location.INTERIOR) {
                        return new TopologyValidationError(TopologyValidationError.NESTED_SHELLS, c);
                    }
                    if (loc == Location.EXTERIOR) {
                        break;
                    }
                }
            }
        }
        return null;
    }

    private static String describe(TopologyValidationError err) {
        Coordinate c = err.getCoordinate();
        if (c == null) {
            return err.getMessage();
        }
        return String.format(Locale.ROOT, "%s at %.6f, %.6f (lon, lat)", err.getMessage(), c.x, c.y);
    }

    private static String percent(double change) {
        if (Double.isInfinite(change)) {
            return "from zero";
        }
        return String.format(Locale.ROOT, "%+.4f %%", change * 100);
    }
}
