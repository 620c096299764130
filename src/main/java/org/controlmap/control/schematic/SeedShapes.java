package org.controlmap.control.schematic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.LinearComponentExtracter;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;
import org.locationtech.jts.operation.linemerge.LineMerger;

/**
 * The shapes a schematic piece grows from, in a region's equal-area plane
 * (metres): a seed cut to a compact stretch when a band along all of it would
 * be a hairline, seed stretches joined along the part's boundary, and the
 * buffer and line helpers {@link SchematicLayout} and {@link PieceSearch} share.
 */
final class SeedShapes {
    // A boundary segment whose midpoint lies this close (metres) to the seed is part of it.
    private static final double ON_SEED_M = 1;

    private SeedShapes() {
    }

    /**
     * The seed a small share grows from: a band along the whole seed thinner
     * than {@value SchematicLayout#MIN_BAND_M} m would read as a highlighted border, not as
     * held ground (3 % of Kharkiv along its 250 km border with Russia is a
     * 4 km hairline at 1,600 px), so such a share grows instead from the
     * middle stretch of the seed's longest line, of the length L at which a
     * piece L/2 deep holds the share (a stretch of length L buffered by L/2
     * covers about L²/2 + πL²/8 inside the region). Larger shares keep the
     * whole seed: a long band is then what the share looks like.
     *
     * @param seed    the seed lines, in the region's plane (metres)
     * @param targetM2 the piece's target area, m² (the plane is equal-area)
     */
    static Geometry compact(Geometry seed, double targetM2) {
        return compact(seed, targetM2, null);
    }

    /**
     * As {@link #compact(Geometry, double)}, but when one end of the longest line
     * lies within {@value SchematicLayout#TOUCH_M}·2 m of {@code corner} (other held ground), the
     * stretch starts at that end instead of the middle: held ground is deepest
     * where two stretches of it meet (Kharkiv's few percent along Luhansk's piece
     * at the corner with Russia).
     */
    static Geometry compact(Geometry seed, double targetM2, Geometry corner) {
        double length = seed.getLength();
        if (!thin(seed, targetM2)) {
            return seed;
        }
        double stretch = Math.sqrt(targetM2 / (0.5 + Math.PI / 8));
        LineString longest = null;
        for (int i = 0; i < seed.getNumGeometries(); i++) {
            if (seed.getGeometryN(i) instanceof LineString l
                    && (longest == null || l.getLength() > longest.getLength())) {
                longest = l;
            }
        }
        if (longest == null || longest.getLength() <= stretch) {
            return seed;
        }
        double mid = longest.getLength() / 2;
        if (corner != null && !corner.isEmpty()) {
            IndexedFacetDistance c = new IndexedFacetDistance(corner);
            double d0 = c.distance(longest.getStartPoint());
            double d1 = c.distance(longest.getEndPoint());
            if (Math.min(d0, d1) <= 2 * SchematicLayout.TOUCH_M) {
                mid = d0 <= d1 ? stretch / 2 : longest.getLength() - stretch / 2;
            }
        }
        Geometry part = new LengthIndexedLine(longest).extractLine(mid - stretch / 2, mid + stretch / 2);
        return SchematicLayout.GF.createMultiLineString(new LineString[] {(LineString) part});
    }

    /** True when a band of targetM2 along the whole seed would be thinner than {@value SchematicLayout#MIN_BAND_M} m. */
    static boolean thin(Geometry seed, double targetM2) {
        double length = seed.getLength();
        return length > 0 && targetM2 / length < SchematicLayout.MIN_BAND_M;
    }

    /**
     * Seed stretches joined into one line along the part's outer boundary:
     * the whole ring but its longest stretch not touching the seed. Two held
     * neighbours on either side of a region (Zaporizhzhia between Kherson's
     * and Donetsk's pieces) would otherwise give two bands that do not meet
     * at the target and a piece grown from one side only, leaving a gap no
     * reader would take for what the figures say; joined, the piece runs
     * from one neighbour's piece to the other's along the shorter way round
     * (there, the Azov coast).
     *
     * @param part the part of the region the piece grows in, in the plane
     * @param seed its seed stretches (lines on its boundary)
     */
    static Geometry joinedAlongBoundary(Polygon part, Geometry seed) {
        Coordinate[] ring = part.getExteriorRing().getCoordinates();
        int n = ring.length - 1; // segments; the ring is closed
        IndexedFacetDistance near = new IndexedFacetDistance(seed);
        boolean[] seeded = new boolean[n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            Coordinate mid = new Coordinate((ring[i].x + ring[i + 1].x) / 2, (ring[i].y + ring[i + 1].y) / 2);
            seeded[i] = near.distance(SchematicLayout.GF.createPoint(mid)) <= ON_SEED_M;
            any |= seeded[i];
        }
        if (!any) {
            return seed;
        }
        // The longest run of unseeded segments, cyclically, by length.
        int gapStart = -1;
        double gapLen = -1;
        for (int i = 0; i < n; i++) {
            if (seeded[i] || !seeded[(i + n - 1) % n]) {
                continue; // not the first segment of a gap
            }
            double len = 0;
            int j = i;
            while (!seeded[j]) {
                len += ring[j].distance(ring[j + 1]);
                j = (j + 1) % n;
            }
            if (len > gapLen) {
                gapLen = len;
                gapStart = i;
            }
        }
        if (gapStart < 0) {
            return seed; // the seed runs all the way round
        }
        // From the end of that gap round to its start.
        int k = gapStart;
        while (!seeded[k]) {
            k = (k + 1) % n;
        }
        List<Coordinate> line = new ArrayList<>();
        line.add(ring[k].copy());
        while (k != gapStart) {
            line.add(ring[k + 1].copy());
            k = (k + 1) % n;
        }
        return SchematicLayout.GF.createMultiLineString(new LineString[] {SchematicLayout.GF.createLineString(line.toArray(Coordinate[]::new))});
    }

    static Geometry buffer(Geometry g, double d) {
        BufferParameters p = new BufferParameters(SchematicLayout.QUADRANT_SEGMENTS);
        return BufferOp.bufferOp(g, d, p);
    }

    @SuppressWarnings("unchecked")
    static List<LineString> lines(Geometry g) {
        List<LineString> out = new ArrayList<>();
        for (LineString l : (List<LineString>) LinearComponentExtracter.getLines(g)) {
            if (l.getLength() > 0) {
                out.add(l);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Geometry merged(List<LineString> lines) {
        LineMerger m = new LineMerger();
        m.add(lines);
        List<LineString> ls = new ArrayList<>((java.util.Collection<LineString>) m.getMergedLineStrings());
        // LineMerger's output order follows hash-free graph traversal, but sort anyway for determinism.
        ls.sort(Comparator.comparingDouble((LineString l) -> -l.getLength())
                .thenComparing(l -> l.getCoordinateN(0)));
        return SchematicLayout.GF.createMultiLineString(ls.toArray(LineString[]::new));
    }
}
