package org.controlmap.control.measure;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Treats gaps and overlaps narrower than D km along a region's boundary as
 * following the boundary ({@code --snap-km D}). Control polygons and
 * administrative boundaries are drawn from different sources (DeepStateMap's
 * coastline and border versus Natural Earth's), so an exact intersection leaves
 * a fully held Crimea at ≈99% and puts slivers of Ukraine-facing polygons into
 * Belgorod and Kursk. Snapping removes that mismatch, and only that.
 *
 * <p>Method (mathematical morphology, Serra 1982): the <em>thin part</em> of a
 * shape S at width D is S minus its opening, S − ((S ⊖ D/2) ⊕ D/2), i.e. the
 * points no disc of diameter D inside S reaches. For a region R and held
 * territory H, with E = R ∩ H:
 * <ul>
 * <li>gap filled: thin part of R − E, within D of R's boundary and within D of
 *     H (a thin unheld strip between the held territory and the border or
 *     coast becomes held; thin peninsulas far from H stay unheld);</li>
 * <li>overlap trimmed: thin part of E, within D of R's boundary (a strip of a
 *     polygon reaching past the neighbour's border no longer counts in the
 *     neighbour).</li>
 * </ul>
 * The result, (E − trimmed) ∪ filled, is clipped to R so it never exceeds the
 * region. Held territory outside every region is trimmed the same way
 * against the outline of all regions.
 *
 * <p>Buffers are computed in km on a local equirectangular projection centred on
 * the shape (scale exact at its centre from the WGS84 radii of curvature; within
 * an oblast, ±2.5° of latitude, D is right to about 5%); vertices not touched by
 * snapping keep their exact coordinates, and areas are then measured
 * geodesically as usual. Consequences a user should know: with D ≥ the width of
 * a genuine narrow held strip along a border (a 1 km buffer zone), that strip
 * is trimmed too; acute corners where a front line meets a boundary gain or lose
 * about D² of area. Default D = 0 measures the exact intersection.
 *
 * <p>Robustness: shapes coming back from the km projection are a rounding
 * error away from the exact ones and may even self-intersect by a few
 * nanodegrees, which floating-point noding rejects ("found non-noded
 * intersection", seen on the 2024-11-20 DeepStateMap export near Sevastopol
 * at D = 2). Every overlay here therefore snap-rounds to a 1e-8 grid first,
 * falls back to {@link OverlayNGRobust} (floating, snapping, then its own
 * snap-rounding), then to the same on inputs repaired by
 * {@link GeometryFixer}; callers turn a failure of all three into an
 * {@code InputException} naming the file and region.
 */
final class BoundarySnap {
    private static final GeometryFactory GF = new GeometryFactory();
    // WGS84 semi-major axis (m) and first eccentricity squared.
    private static final double A = 6378137.0;
    private static final double E2 = 6.69437999014e-3;

    private BoundarySnap() {
    }

    /** Snapped held part of {@code region}; {@code exact} is region ∩ held. */
    static Geometry snapToRegion(Geometry region, Geometry held, Geometry exact, double snapKm) {
        Envelope env = region.getEnvelopeInternal();
        LocalKm local = LocalKm.around(env, snapKm);
        AffineTransformation toKm = local.toKm();
        AffineTransformation toDeg = local.toDeg();
        double d = snapKm;
        // Only the held territory near the region can be within D of a gap; with none,
        // there is nothing to snap (and the boundary's buffers below are the costly part).
        Geometry heldNear = overlay(held, GF.toGeometry(local.near()), OverlayNG.INTERSECTION);
        if (heldNear.isEmpty()) {
            return ControlOverlay.polygonal(exact);
        }
        Geometry r = toKm.transform(region);
        Geometry e = toKm.transform(exact);
        Geometry boundary = r.getBoundary();
        Geometry band3 = boundary.buffer(3 * d);
        Geometry band1 = boundary.buffer(d);

        Geometry reach = toKm.transform(heldNear).buffer(d);

        Geometry gaps = overlay(overlay(r, e, OverlayNG.DIFFERENCE), band3, OverlayNG.INTERSECTION);
        Geometry fill = overlay(overlay(thinPart(gaps, d), band1, OverlayNG.INTERSECTION), reach,
                OverlayNG.INTERSECTION);
        Geometry pieces = overlay(e, band3, OverlayNG.INTERSECTION);
        Geometry trim = overlay(thinPart(pieces, d), band1, OverlayNG.INTERSECTION);

        Geometry snapped = exact;
        if (!trim.isEmpty()) {
            snapped = overlay(snapped, toDeg.transform(trim), OverlayNG.DIFFERENCE);
        }
        if (!fill.isEmpty()) {
            snapped = overlay(snapped, toDeg.transform(fill), OverlayNG.UNION);
        }
        return ControlOverlay.polygonal(overlay(snapped, region, OverlayNG.INTERSECTION));
    }

    /** {@code shape} without its thin parts within D of the boundary of {@code outline}. */
    static Geometry trimAlongBoundary(Geometry shape, Geometry outline, double snapKm) {
        if (shape.isEmpty()) {
            return shape;
        }
        LocalKm local = LocalKm.around(shape.getEnvelopeInternal(), snapKm);
        AffineTransformation toKm = local.toKm();
        AffineTransformation toDeg = local.toDeg();
        double d = snapKm;
        Envelope near = local.near();
        // A line result: not through overlay(), which keeps only polygons.
        Geometry boundary = robust(outline.getBoundary(), GF.toGeometry(near), OverlayNG.INTERSECTION);
        if (boundary.isEmpty()) {
            return shape;
        }
        Geometry s = toKm.transform(shape);
        Geometry trim = overlay(thinPart(s, d), toKm.transform(boundary).buffer(d), OverlayNG.INTERSECTION);
        if (trim.isEmpty()) {
            return shape;
        }
        return ControlOverlay.polygonal(overlay(shape, toDeg.transform(trim), OverlayNG.DIFFERENCE));
    }

    /** Degrees of longitude spanning {@code km} anywhere in {@code env} (the most at its poleward edge). */
    static double degreesFor(double km, Envelope env) {
        double lat = Math.min(89, Math.max(Math.abs(env.getMinY()), Math.abs(env.getMaxY())));
        return km / kmPerDegreeLon(lat);
    }

    /** Parts of {@code s} no disc of diameter {@code d} inside it reaches: s minus its opening. */
    private static Geometry thinPart(Geometry s, double d) {
        if (s.isEmpty()) {
            return s;
        }
        Geometry opened = s.buffer(-d / 2).buffer(d / 2);
        return opened.isEmpty() ? s : overlay(s, opened, OverlayNG.DIFFERENCE);
    }

    // Fallback grid, 1e-8 (about 1 mm in degrees, 0.01 mm in km). Not first: on the
    // near-coincident edges snapping works on (shapes buffered in the local km frame
    // and brought back, against the exact region edges), rounding to it loses whole
    // slivers. 10 DeepStateMap days at --snap-km 2 put Crimea 0.21 km² under both
    // floating-point overlay and a 1e10 grid, which agree within 0.013 km² on every
    // region, while costing 1.6 times their time.
    private static final PrecisionModel GRID = new PrecisionModel(1e8);

    private static Geometry overlay(Geometry a, Geometry b, int op) {
        return ControlOverlay.polygonal(robust(a, b, op));
    }

    /**
     * OverlayNGRobust (floating-point noding, then its own snapping and
     * snap-rounding fallbacks), then snap-rounding to {@link #GRID}, then
     * OverlayNGRobust on repaired inputs.
     */
    static Geometry robust(Geometry a, Geometry b, int op) {
        try {
            return OverlayNGRobust.overlay(a, b, op);
        } catch (RuntimeException floating) {
            try {
                return OverlayNG.overlay(a, b, op, GRID);
            } catch (RuntimeException snapRounded) {
                try {
                    return OverlayNGRobust.overlay(fix(a), fix(b), op);
                } catch (RuntimeException repaired) {
                    floating.addSuppressed(snapRounded);
                    floating.addSuppressed(repaired);
                    throw floating;
                }
            }
        }
    }

    private static Geometry fix(Geometry g) {
        // Lines (a boundary clipped to a box) need no repair; GeometryFixer would keep them as they are anyway.
        return g.getDimension() == 2 ? GeometryFixer.fix(g) : g;
    }

    /** Local equirectangular projection to km, centred on {@code env}. */
    /**
     * A local equirectangular frame in km centred on an envelope (true at its
     * centre, a few percent off at an oblast's edges: plenty for a snapping
     * width), its inverse, and the
     * envelope widened by 4 D: the only ground within reach of a D-wide gap.
     */
    private record LocalKm(AffineTransformation toKm, AffineTransformation toDeg, Envelope near) {
        static LocalKm around(Envelope env, double snapKm) {
            double lon0 = env.centre().x;
            double lat0 = env.centre().y;
            AffineTransformation toKm = AffineTransformation.translationInstance(-lon0, -lat0);
            toKm.scale(kmPerDegreeLon(lat0), kmPerDegreeLat(lat0));
            Envelope near = new Envelope(env);
            near.expandBy(degreesFor(4 * snapKm, env));
            try {
                return new LocalKm(toKm, toKm.getInverse(), near);
            } catch (org.locationtech.jts.geom.util.NoninvertibleTransformationException e) {
                throw new IllegalStateException(e); // a translation and a positive scale always invert
            }
        }
    }

    // Radii of curvature of the ellipsoid (e.g. Snyder 1987, eqs. 4-18, 4-20): a two-line formula
    // is all the local scale needs, so no projection library is involved.
    private static double kmPerDegreeLon(double latDeg) {
        double s = Math.sin(Math.toRadians(latDeg));
        double n = A / Math.sqrt(1 - E2 * s * s);
        return Math.toRadians(1) * n * Math.cos(Math.toRadians(latDeg)) / 1000;
    }

    private static double kmPerDegreeLat(double latDeg) {
        double s = Math.sin(Math.toRadians(latDeg));
        double m = A * (1 - E2) / Math.pow(1 - E2 * s * s, 1.5);
        return Math.toRadians(1) * m / 1000;
    }
}
