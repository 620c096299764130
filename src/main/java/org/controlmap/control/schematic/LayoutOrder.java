package org.controlmap.control.schematic;

import java.util.ArrayList;
import java.util.List;
import org.controlmap.control.RegionControl;
import org.controlmap.region.CountryOutline;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;

/**
 * The order a scenario's rows are laid out in ({@link SchematicLayout}): it
 * depends only on the rows (shares, holders, region adjacency), never on the
 * pieces' shapes, so every thread sees the same order.
 */
final class LayoutOrder {
    // Regions of one catalogue share their borders exactly; the tolerance
    // (degrees, about 1 km) only guards against a hairline gap in other data.
    private static final double ADJACENT_DEG = 0.01;

    private LayoutOrder() {
    }

    /**
     * The order rows are laid out in (row indices): repeatedly {@link #next}.
     * It depends only on the rows (shares, holders, region adjacency), not on
     * the pieces' shapes.
     */
    static List<Integer> of(List<RegionControl> rows, List<CountryOutline> outlines) {
        int[] rank = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            rank[i] = rank(rows.get(i), outlines);
        }
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).share() > 0 && !rows.get(i).region().geometry().isEmpty()) {
                todo.add(i);
            }
        }
        List<Integer> order = new ArrayList<>();
        while (!todo.isEmpty()) {
            int next = next(rows, rank, todo, order);
            todo.remove(Integer.valueOf(next));
            order.add(next);
        }
        return order;
    }

    /**
     * The row to lay out next, among those of the lowest {@link #rank}: in
     * rank 1 (next to the holder's country, which supports them all alike)
     * the highest share; in rank 2 the one next to the most-held region
     * already laid out (its support), then the highest share (so Kherson,
     * next to all-held Crimea, goes before Zaporizhzhia, next to 70 %-held
     * Donetsk, even when Zaporizhzhia is held a little more, and
     * Zaporizhzhia then grows from both); then catalogue order.
     */
    private static int next(List<RegionControl> rows, int[] rank, List<Integer> todo, List<Integer> placed) {
        int first = todo.stream().mapToInt(i -> rank[i]).min().orElseThrow();
        int best = -1;
        double bestSupport = -1;
        double bestShare = -1;
        for (int i : todo) {
            RegionControl r = rows.get(i);
            if (rank[i] != first) {
                continue;
            }
            double support = 0;
            if (first == 2) {
                for (int j : placed) {
                    RegionControl p = rows.get(j);
                    if (p.controller() == r.controller() && pieceShare(p) > support
                            && adjacent(p.region().geometry(), r.region().geometry())) {
                        support = pieceShare(p);
                    }
                }
            }
            if (support > bestSupport || support == bestSupport && r.share() > bestShare) {
                bestSupport = support;
                bestShare = r.share();
                best = i;
            }
        }
        return best;
    }

    /**
     * Which round a row is laid out in: 0 for whole regions, 1 for regions
     * bordering the holder's own country, 2 for the rest. Held ground spreads
     * from the holder's country, so a region next to it is laid out before
     * one that can only be reached through it, whatever their shares: then
     * Zaporizhzhia grows from Donetsk's piece as well as from Kherson's side,
     * even when it is held a little more than Donetsk.
     */
    private static int rank(RegionControl row, List<CountryOutline> outlines) {
        if (Math.min(1, row.share()) >= SchematicLayout.WHOLE_SHARE) {
            return 0;
        }
        for (CountryOutline o : outlines) {
            if (o.iso().equals(row.controller().name()) && !row.region().country().equals(o.iso())
                    && adjacent(o.geometry(), row.region().geometry())) {
                return 1;
            }
        }
        return 2;
    }

    /** {@link SchematicPiece#share()} of the row's piece, computed as the piece computes it. */
    private static double pieceShare(RegionControl row) {
        double areaKm2 = row.region().areaKm2();
        return Math.min(1, row.share()) * areaKm2 / areaKm2;
    }

    /** Whether two regions share a border (within {@value #ADJACENT_DEG}°). */
    static boolean adjacent(Geometry a, Geometry b) {
        Envelope ea = new Envelope(a.getEnvelopeInternal());
        ea.expandBy(ADJACENT_DEG);
        return ea.intersects(b.getEnvelopeInternal()) && IndexedFacetDistance.isWithinDistance(a, b, ADJACENT_DEG);
    }
}
