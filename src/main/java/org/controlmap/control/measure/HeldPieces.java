package org.controlmap.control.measure;

import static org.controlmap.geodata.Polygons.polygonal;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Held territory too large to run every step on whole (issue 12: a 200 MB
 * snapshot is one shape of 6.2M vertices), cut to the box a step needs.
 *
 * <p>Each per-region step of {@link ControlOverlay} (region ∩ held, mismatch
 * zone ∩ held, the coast-gap fill, their prepared tests) only looks at the
 * held ground inside the region's and its zone's bounding box; inside that box
 * the held ground and its cut-out piece are the same point set, so every area
 * is the same up to rounding. On the whole shape, each such step prepares and
 * walks all 6.2M vertices again (a {@code PreparedPolygon}'s point locator
 * alone holds some 100 bytes a segment for the whole run); on the piece, a
 * step costs in proportion to the ground near the region, and the piece's
 * indexes are dropped with it. Below {@link #LARGE_VERTICES} the whole-shape
 * path stays as it is: its outputs are unchanged to the last digit.
 */
final class HeldPieces {
    /** Fewest vertices for which held territory is cut per region: DeepStateMap's daily exports have ~10,000. */
    static final int LARGE_VERTICES = 500_000;
    /** Margin around a box, degrees: keeps the cut away from the shapes measured inside it. */
    static final double MARGIN_DEG = 0.01;

    private static final GeometryFactory GF = new GeometryFactory();

    private HeldPieces() {
    }

    /**
     * The held ground inside {@code box} grown by {@link #MARGIN_DEG}: {@code held} itself when it lies inside,
     * empty when they miss each other, else one OverlayNG intersection with the rectangle (which clips the
     * rings to it before noding, so the cost is the ring walk plus the piece).
     *
     * @param held held territory, lon/lat, valid
     * @param box  the box a step looks in, lon/lat
     */
    static Geometry cut(Geometry held, Envelope box) {
        Envelope b = new Envelope(box);
        b.expandBy(MARGIN_DEG);
        Envelope he = held.getEnvelopeInternal();
        if (b.covers(he)) {
            return held;
        }
        if (!b.intersects(he)) {
            return GF.createMultiPolygon();
        }
        return polygonal(OverlayNGRobust.overlay(held, GF.toGeometry(b), OverlayNG.INTERSECTION));
    }
}
