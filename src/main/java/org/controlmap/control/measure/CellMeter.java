package org.controlmap.control.measure;

import org.controlmap.geodata.Polygons;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.controlmap.geodata.GeodesicArea;
import org.controlmap.InputException;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Measures many snapshots of held territory that differ little from one to
 * the next (daily exports), region by region, reusing work between them. The
 * plane is cut into {@value #CELL_DEG}° cells; each region's part in a cell is
 * cut out once. For a snapshot, a cell that no edge of the held territory
 * crosses is wholly held or wholly not (the even-odd rule along its row: one
 * sweep of the edges per snapshot finds where they cross each row's centre
 * line), and its region parts count whole, with areas measured once. A cell
 * that edges cross is cut from the held territory with one JTS OverlayNG
 * intersection (which clips the rings to the cell before noding) and measured
 * exactly (OverlayNG per region part, then {@link GeodesicArea}), unless the
 * same cell was measured for an earlier snapshot of the same batch with the
 * very same edges crossing it: the held territory inside a cell is fixed by
 * the edges that meet the cell and the side of each that is inside (a
 * face of the cell away from every edge would be the whole cell), so the
 * result is reused. Edges are compared through two independent 64-bit
 * order-free hashes of the oriented edges plus their count (a false match is
 * as likely as guessing a 128-bit number).
 *
 * <p>Results agree with {@link ControlOverlay#km2} to about 1e-7 relative:
 * cutting an edge at a cell border measures it as two geodesics instead of
 * one (about 0.0001 km² per cut for kilometre-long edges), well below what
 * the 3-decimal output shows for most rows. Results depend only on the
 * snapshots and the batch they are measured in, never on threads.
 *
 * <p>Hand-written because JTS has no incremental overlay; every area still
 * comes from JTS overlays and GeographicLib.
 */
final class CellMeter {
    static final double CELL_DEG = 0.25;
    private static final GeometryFactory GF = new GeometryFactory();

    private final List<Geometry> regions;
    private final List<PreparedGeometry> prepared = new ArrayList<>();
    private final Map<Long, Cell> cells = new ConcurrentHashMap<>();
    /** Cells per side of a block (2°). */
    private static final int BLOCK = 8;
    private final Map<Long, Geometry[]> blocks = new ConcurrentHashMap<>();

    /** A cell with the regions' parts in it, measured once. */
    private record Cell(Geometry rect, int[] region, Geometry[] piece, double[] pieceKm2, Geometry outside,
            double outsideKm2) {
    }

    /** A batch's memory of measured cells: the last result per cell. */
    static final class Batch {
        private final Map<Long, Entry> seen = new HashMap<>();
    }

    private record Entry(long h1, long h2, int n, double[] km2, double outsideKm2) {
    }

    /** A meter over {@code parts}: shapes that do not overlap one another (regions, mismatch zones). */
    CellMeter(List<Geometry> parts) {
        this.regions = List.copyOf(parts);
        for (Geometry g : parts) {
            g.getEnvelopeInternal();
            prepared.add(PreparedGeometryFactory.prepare(g));
        }
    }

    /**
     * Held km² per part (same order as the constructor's list), then outside
     * every part, for one snapshot.
     *
     * @param batch memory shared by the snapshots of one batch, measured one after another
     */
    double[] km2(Geometry held, Batch batch, String name) {
        double[] out = new double[regions.size() + 1];
        if (held.isEmpty()) {
            return out;
        }
        // 1. Hash the oriented edges (held territory on the left) into the cells they meet.
        Map<Long, long[]> edges = new HashMap<>();
        for (int p = 0; p < held.getNumGeometries(); p++) {
            Polygon poly = (Polygon) held.getGeometryN(p);
            addRing(poly.getExteriorRing(), true, edges);
            for (int h = 0; h < poly.getNumInteriorRing(); h++) {
                addRing(poly.getInteriorRingN(h), false, edges);
            }
        }
        // 2. Every cell under the held territory's bounding box.
        Envelope env = held.getEnvelopeInternal();
        int i0 = index(env.getMinX());
        int i1 = index(env.getMaxX());
        int j0 = index(env.getMinY());
        int j1 = index(env.getMaxY());
        double[][] crossings = rowCrossings(held, j0, j1);
        for (int i = i0; i <= i1; i++) {
            for (int j = j0; j <= j1; j++) {
                long key = key(i, j);
                long[] e = edges.get(key);
                if (e == null) {
                    if (heldCentre(crossings[j - j0], (i + 0.5) * CELL_DEG)) {
                        Cell c = cell(i, j);
                        for (int k = 0; k < c.region.length; k++) {
                            out[c.region[k]] += c.pieceKm2[k];
                        }
                        out[regions.size()] += c.outsideKm2;
                    }
                    continue;
                }
                Cell c = cell(i, j);
                Entry hit = batch.seen.get(key);
                if (hit == null || hit.h1 != e[0] || hit.h2 != e[1] || hit.n != (int) e[2]) {
                    hit = measure(c, held, e, name);
                    batch.seen.put(key, hit);
                }
                for (int k = 0; k < c.region.length; k++) {
                    out[c.region[k]] += hit.km2[k];
                }
                out[regions.size()] += hit.outsideKm2;
            }
        }
        return out;
    }

    /**
     * Per row j0..j1 of cells, the sorted longitudes where the held territory's rings cross the row's centre
     * latitude. Only asked about centres of cells no edge meets, which are far from every crossing, so the
     * even-odd rule below is exact there; one sweep per row replaces a point-in-polygon query per cell.
     */
    private static double[][] rowCrossings(Geometry held, int j0, int j1) {
        int rows = j1 - j0 + 1;
        double[][] xs = new double[rows][];
        int[] n = new int[rows];
        for (int r = 0; r < rows; r++) {
            xs[r] = new double[8];
        }
        for (int p = 0; p < held.getNumGeometries(); p++) {
            Polygon poly = (Polygon) held.getGeometryN(p);
            for (int h = -1; h < poly.getNumInteriorRing(); h++) {
                Coordinate[] cs = (h < 0 ? poly.getExteriorRing() : poly.getInteriorRingN(h)).getCoordinates();
                for (int k = 0; k + 1 < cs.length; k++) {
                    Coordinate a = cs[k];
                    Coordinate b = cs[k + 1];
                    int ja = Math.max(j0, index(Math.min(a.y, b.y)));
                    int jb = Math.min(j1, index(Math.max(a.y, b.y)));
                    for (int j = ja; j <= jb; j++) {
                        double yc = (j + 0.5) * CELL_DEG;
                        // Half-open in y: a vertex exactly on the line counts once.
                        if ((a.y > yc) != (b.y > yc)) {
                            int r = j - j0;
                            if (n[r] == xs[r].length) {
                                xs[r] = java.util.Arrays.copyOf(xs[r], 2 * n[r]);
                            }
                            xs[r][n[r]++] = a.x + (yc - a.y) * (b.x - a.x) / (b.y - a.y);
                        }
                    }
                }
            }
        }
        for (int r = 0; r < rows; r++) {
            xs[r] = java.util.Arrays.copyOf(xs[r], n[r]);
            java.util.Arrays.sort(xs[r]);
        }
        return xs;
    }

    /** Even-odd rule along the row: inside when an odd number of crossings lie west of {@code x}. */
    private static boolean heldCentre(double[] crossings, double x) {
        int pos = java.util.Arrays.binarySearch(crossings, x);
        int west = pos >= 0 ? pos : -pos - 1;
        return (west & 1) == 1;
    }

    private Entry measure(Cell c, Geometry held, long[] e, String name) {
        double[] km2 = new double[c.region.length];
        double outside;
        try {
            Geometry inCell = Polygons.polygonal(OverlayNGRobust.overlay(held, c.rect, OverlayNG.INTERSECTION));
            for (int k = 0; k < c.region.length; k++) {
                km2[k] = area(c.piece[k], c.rect, inCell);
            }
            outside = area(c.outside, c.rect, inCell);
        } catch (RuntimeException ex) {
            throw new InputException(name + ": cannot intersect its polygons with the regions (" + ex.getMessage()
                    + ")", ex);
        }
        return new Entry(e[0], e[1], (int) e[2], km2, outside);
    }

    private static double area(Geometry piece, Geometry rect, Geometry inCell) {
        if (piece.isEmpty() || inCell.isEmpty() || !piece.getEnvelopeInternal().intersects(inCell.getEnvelopeInternal())) {
            return 0;
        }
        if (piece.isRectangle() && piece.getEnvelopeInternal().equals(rect.getEnvelopeInternal())) {
            // The region fills the cell (the usual case inside a region): its part is the cell's held part.
            // A rectangle smaller than the cell (a district cut by a grid line) is intersected like any part.
            return GeodesicArea.km2(inCell.norm());
        }
        // Normalised so the sum runs in the same order however the overlay started its rings.
        Geometry g = Polygons.polygonal(OverlayNGRobust.overlay(piece, inCell, OverlayNG.INTERSECTION));
        return GeodesicArea.km2(g.norm());
    }

    private Cell cell(int i, int j) {
        return cells.computeIfAbsent(key(i, j), k -> {
            Geometry rect = GF.toGeometry(new Envelope(i * CELL_DEG, (i + 1) * CELL_DEG, j * CELL_DEG,
                    (j + 1) * CELL_DEG));
            List<Integer> idx = new ArrayList<>();
            List<Geometry> pieces = new ArrayList<>();
            for (int r = 0; r < regions.size(); r++) {
                Geometry g = regions.get(r);
                if (!g.getEnvelopeInternal().intersects(rect.getEnvelopeInternal()) || !prepared.get(r).intersects(rect)) {
                    continue;
                }
                if (g.getEnvelopeInternal().contains(rect.getEnvelopeInternal()) && prepared.get(r).contains(rect)) {
                    // Most cells lie inside one part: no overlay (it would walk the whole boundary), and the
                    // parts do not overlap, so no other part is in the cell.
                    Geometry whole = rect.norm();
                    return new Cell(rect, new int[] {r}, new Geometry[] {whole},
                            new double[] {GeodesicArea.km2(whole)}, GF.createPolygon(), 0);
                }
                Geometry piece = Polygons.polygonal(OverlayNGRobust.overlay(blockPart(r, i, j), rect,
                        OverlayNG.INTERSECTION));
                if (!piece.isEmpty()) {
                    idx.add(r);
                    pieces.add(piece.norm());
                }
            }
            Geometry outside = pieces.isEmpty() ? rect : Polygons.polygonal(
                    OverlayNGRobust.overlay(rect, OverlayNGRobust.union(pieces), OverlayNG.DIFFERENCE)).norm();
            double[] km2 = new double[pieces.size()];
            for (int p = 0; p < km2.length; p++) {
                km2[p] = GeodesicArea.km2(pieces.get(p));
            }
            return new Cell(rect, idx.stream().mapToInt(Integer::intValue).toArray(),
                    pieces.toArray(Geometry[]::new), km2, outside, GeodesicArea.km2(outside));
        });
    }

    /**
     * Part {@code r} cut to the block of {@value #BLOCK} × {@value #BLOCK} cells holding cell (i, j): a cell
     * cut from the block's piece instead of the whole part costs in proportion to the part's boundary near
     * it, not its whole boundary. Blocks and cells share their edges, so the cell's piece is the same.
     */
    private Geometry blockPart(int r, int i, int j) {
        int bi = Math.floorDiv(i, BLOCK);
        int bj = Math.floorDiv(j, BLOCK);
        Geometry[] row = blocks.computeIfAbsent(key(bi, bj), k -> new Geometry[regions.size()]);
        synchronized (row) {
            if (row[r] == null) {
                Geometry block = GF.toGeometry(new Envelope(bi * BLOCK * CELL_DEG, (bi + 1) * BLOCK * CELL_DEG,
                        bj * BLOCK * CELL_DEG, (bj + 1) * BLOCK * CELL_DEG));
                row[r] = Polygons.polygonal(OverlayNGRobust.overlay(regions.get(r), block, OverlayNG.INTERSECTION));
            }
            return row[r];
        }
    }

    private static void addRing(LinearRing ring, boolean shell, Map<Long, long[]> edges) {
        Coordinate[] cs = ring.getCoordinates();
        // Held territory on the left: a counter-clockwise shell, a clockwise hole.
        boolean forward = shell == Orientation.isCCW(cs);
        for (int k = 0; k + 1 < cs.length; k++) {
            Coordinate a = forward ? cs[k] : cs[k + 1];
            Coordinate b = forward ? cs[k + 1] : cs[k];
            long h1 = edgeHash1(a, b);
            long h2 = edgeHash2(a, b);
            // A tiny margin puts an edge lying on a cell border into both cells.
            int ia = index(Math.min(a.x, b.x) - 1e-9);
            int ib = index(Math.max(a.x, b.x) + 1e-9);
            int ja = index(Math.min(a.y, b.y) - 1e-9);
            int jb = index(Math.max(a.y, b.y) + 1e-9);
            for (int i = ia; i <= ib; i++) {
                for (int j = ja; j <= jb; j++) {
                    long[] acc = edges.computeIfAbsent(key(i, j), q -> new long[3]);
                    acc[0] += h1;
                    acc[1] ^= h2 * 0x2545F4914F6CDD1DL + (h2 >>> 29);
                    acc[2]++;
                }
            }
        }
    }

    /** First hash of an oriented edge a → b (exact coordinates). */
    static long edgeHash1(Coordinate a, Coordinate b) {
        long x0 = Double.doubleToLongBits(a.x);
        long y0 = Double.doubleToLongBits(a.y);
        long x1 = Double.doubleToLongBits(b.x);
        long y1 = Double.doubleToLongBits(b.y);
        return mix(mix(mix(mix(0x9E3779B97F4A7C15L ^ x0) ^ y0) ^ x1) ^ y1);
    }

    /** Second, independent hash of the same edge. */
    static long edgeHash2(Coordinate a, Coordinate b) {
        long x0 = Double.doubleToLongBits(a.x);
        long y0 = Double.doubleToLongBits(a.y);
        long x1 = Double.doubleToLongBits(b.x);
        long y1 = Double.doubleToLongBits(b.y);
        return mix(mix(mix(mix(0xC2B2AE3D27D4EB4FL + y1) + x1) + y0) + x0);
    }

    // SplitMix64's finaliser (Steele, Lea & Flood 2014): a well-mixed 64-bit hash step.
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static int index(double deg) {
        return (int) Math.floor(deg / CELL_DEG);
    }

    private static long key(int i, int j) {
        return ((long) i << 32) ^ (j & 0xFFFFFFFFL);
    }
}
