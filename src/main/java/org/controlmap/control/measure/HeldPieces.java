package org.controlmap.control.measure;

import static org.controlmap.geodata.Polygons.polygonal;
import java.util.ArrayList;
import java.util.List;
import org.controlmap.geodata.GeometryRepair;
import org.locationtech.jts.algorithm.RectangleLineIntersector;
import org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
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
    /** Fewest vertices for which held territory is cut per region: the one threshold of large shapes. */
    static final int LARGE_VERTICES = GeometryRepair.LARGE_VERTICES;
    /** Margin around a box, degrees: keeps the cut away from the shapes measured inside it. */
    static final double MARGIN_DEG = 0.01;
    /** Side of the tiles {@link #minus} works in, degrees: a whole number of them spans any lon/lat box. */
    static final double TILE_DEG = 1.0;

    private static final GeometryFactory GF = new GeometryFactory();

    private HeldPieces() {
    }

    /**
     * The held ground inside {@code box} grown by {@link #MARGIN_DEG}; see {@link #within}.
     *
     * @param held held territory, lon/lat, valid
     * @param box  the box a step looks in, lon/lat
     */
    static Geometry cut(Geometry held, Envelope box) {
        Envelope b = new Envelope(box);
        b.expandBy(MARGIN_DEG);
        return within(held, b);
    }

    /**
     * The held ground inside {@code box} exactly: {@code held} itself when it lies inside, empty when they miss
     * each other, else an OverlayNG intersection with the rectangle, or, when no edge of {@code held} meets the
     * rectangle's outline, the parts of {@code held} inside it (see {@link #unmet}). Pieces of boxes that share
     * only edges share no ground, so their km² add up to the whole's.
     *
     * @param held held territory, lon/lat, valid
     * @param box  lon/lat
     */
    static Geometry within(Geometry held, Envelope box) {
        Envelope he = held.getEnvelopeInternal();
        if (box.covers(he)) {
            return held;
        }
        if (!box.intersects(he)) {
            return GF.createMultiPolygon();
        }
        if (!meetsOutline(held, box)) {
            return unmet(held, box);
        }
        return polygonal(OverlayNGRobust.overlay(held, GF.toGeometry(box), OverlayNG.INTERSECTION));
    }

    /**
     * Whether an edge of {@code held} meets the outline of {@code box}: one pass over the rings, no index.
     *
     * <p>Why this matters: OverlayNG labels an edge of one input that meets no edge of the other by locating it
     * in that other input, through an index over all of it (~100 bytes a segment: 600 MB for the 6.2M-vertex
     * snapshot, built again for every region). A rectangle whose outline some held edge meets is labelled from
     * the nodes instead; the held rings that miss it are located in the rectangle, which costs nothing. Only a
     * rectangle that lies wholly inside the held ground, in a hole, or beside it needs the index, and
     * {@link #unmet} answers that case without an overlay.
     */
    static boolean meetsOutline(Geometry held, Envelope box) {
        RectangleLineIntersector hits = new RectangleLineIntersector(box);
        for (int i = 0; i < held.getNumGeometries(); i++) {
            Polygon p = (Polygon) held.getGeometryN(i);
            for (int r = -1; r < p.getNumInteriorRing(); r++) {
                LinearRing ring = r < 0 ? p.getExteriorRing() : p.getInteriorRingN(r);
                Envelope e = ring.getEnvelopeInternal();
                if (!box.intersects(e) || strictlyInside(box, e)) {
                    continue;
                }
                // Read by ordinate: no Coordinate is made unless a segment comes near the outline.
                CoordinateSequence cs = ring.getCoordinateSequence();
                double ax = cs.getX(0);
                double ay = cs.getY(0);
                for (int k = 1; k < cs.size(); k++) {
                    double bx = cs.getX(k);
                    double by = cs.getY(k);
                    // A segment meets a convex outline when it meets the closed box and does not lie in its
                    // open inside, which for a segment means: not both ends strictly inside.
                    if (Math.max(ax, bx) >= box.getMinX() && Math.min(ax, bx) <= box.getMaxX()
                            && Math.max(ay, by) >= box.getMinY() && Math.min(ay, by) <= box.getMaxY()
                            && !(strictlyInside(box, ax, ay) && strictlyInside(box, bx, by))
                            && hits.intersects(new Coordinate(ax, ay), new Coordinate(bx, by))) {
                        return true;
                    }
                    ax = bx;
                    ay = by;
                }
            }
        }
        return false;
    }

    /**
     * {@code held} ∩ {@code box} when no held edge meets the box's outline: every ring then lies wholly inside
     * the box or wholly outside it, and the outline lies in one polygon's interior or in no polygon. In the
     * first case the result is the box less that polygon's holes inside it; either way, plus the parts whose
     * shells lie inside. Located with one point-in-polygon pass ({@link SimplePointInAreaLocator}, no index).
     */
    static Geometry unmet(Geometry held, Envelope box) {
        Coordinate corner = new Coordinate(box.getMinX(), box.getMinY());
        List<Polygon> parts = new ArrayList<>();
        for (int i = 0; i < held.getNumGeometries(); i++) {
            Polygon p = (Polygon) held.getGeometryN(i);
            if (inside(box, p.getExteriorRing())) {
                parts.add(p);
            } else if (p.getEnvelopeInternal().covers(corner)
                    && SimplePointInAreaLocator.locatePointInPolygon(corner, p) == Location.INTERIOR) {
                List<LinearRing> holes = new ArrayList<>();
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    if (inside(box, p.getInteriorRingN(h))) {
                        holes.add(p.getInteriorRingN(h));
                    }
                }
                parts.add(GF.createPolygon(((Polygon) GF.toGeometry(box)).getExteriorRing(),
                        holes.toArray(LinearRing[]::new)));
            }
        }
        return GF.createMultiPolygon(parts.toArray(Polygon[]::new));
    }

    /** Whether a ring that meets no point of the box's outline lies inside the box: its first point does. */
    private static boolean inside(Envelope box, LinearRing ring) {
        return !ring.isEmpty() && strictlyInside(box, ring.getCoordinateN(0).x, ring.getCoordinateN(0).y);
    }

    private static boolean strictlyInside(Envelope box, double x, double y) {
        return x > box.getMinX() && x < box.getMaxX() && y > box.getMinY() && y < box.getMaxY();
    }

    private static boolean strictlyInside(Envelope box, Envelope e) {
        return e.getMinX() > box.getMinX() && e.getMaxX() < box.getMaxX() && e.getMinY() > box.getMinY()
                && e.getMaxY() < box.getMaxY();
    }

    /**
     * {@code held} minus {@code reach}, tile by tile: held ground in {@link #TILE_DEG} tiles that
     * {@code reach} does not cover whole, each piece less the reach, the pieces merged. The same ground as one
     * OverlayNG difference, which on a 6.2M-vertex shape labels the reach's rings through an index over every
     * held segment (~100 bytes each; see {@link #meetsOutline}); here each index spans one tile's piece.
     *
     * @param held          held territory, lon/lat, valid
     * @param reach         the ground taken away, lon/lat, valid
     * @param reachPrepared {@code reach} prepared, to skip the tiles it covers
     */
    static Geometry minus(Geometry held, Geometry reach, PreparedGeometry reachPrepared) {
        Envelope he = held.getEnvelopeInternal();
        List<Geometry> pieces = new ArrayList<>();
        for (double x = Math.floor(he.getMinX() / TILE_DEG) * TILE_DEG; x < he.getMaxX(); x += TILE_DEG) {
            for (double y = Math.floor(he.getMinY() / TILE_DEG) * TILE_DEG; y < he.getMaxY(); y += TILE_DEG) {
                Envelope tile = new Envelope(x, x + TILE_DEG, y, y + TILE_DEG);
                if (reachPrepared.containsProperly(GF.toGeometry(tile))) {
                    continue;
                }
                Geometry piece = within(held, tile);
                if (piece.isEmpty()) {
                    continue;
                }
                Geometry rest = polygonal(OverlayNGRobust.overlay(piece, reach, OverlayNG.DIFFERENCE));
                if (!rest.isEmpty()) {
                    pieces.add(rest);
                }
            }
        }
        if (pieces.isEmpty()) {
            return GF.createMultiPolygon();
        }
        return polygonal(OverlayNGRobust.union(GF.buildGeometry(pieces)));
    }
}
