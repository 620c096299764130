package org.controlmap.geodata;

import org.controlmap.InputException;

import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryFixer;
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
            IsValidOp op = new IsValidOp(g);
            err = op.getValidationError();
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
