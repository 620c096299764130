package org.controlmap.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;

/**
 * Greedy label placement without overlaps (Imhof's rule that names must not
 * collide, in the simple first-come form of Yoeli, "The logic of automated map
 * lettering", Cartographic Journal 9, 1972): labels are placed one at a time,
 * each at the best free position, and the box it takes is blocked for the rest.
 * All coordinates are pixels; boxes are axis-parallel text boxes.
 */
public final class LabelPlacer {
    private static final GeometryFactory GF = new GeometryFactory();

    private final Envelope frame;
    private final List<Envelope> taken = new ArrayList<>();

    /** Labels must lie inside {@code frame}. */
    public LabelPlacer(Envelope frame) {
        this.frame = frame;
    }

    /** Blocks a box (a placed label, the legend). */
    public void block(Envelope box) {
        taken.add(box);
    }

    /** True when the box is inside the frame and overlaps nothing placed so far. */
    public boolean isFree(Envelope box) {
        if (!frame.contains(box)) {
            return false;
        }
        for (Envelope t : taken) {
            if (t.intersects(box)) {
                return false;
            }
        }
        return true;
    }

    /** The w×h box centred on (cx, cy). */
    public static Envelope box(double cx, double cy, double w, double h) {
        return new Envelope(cx - w / 2, cx + w / 2, cy - h / 2, cy + h / 2);
    }

    /**
     * The free position nearest to {@code preferred} where a {@code w}×{@code h}
     * box lies entirely inside {@code area}, searched on a grid of {@code step}
     * px; null when there is none.
     */
    public Coordinate inside(PreparedGeometry area, Coordinate preferred, double w, double h, double step) {
        Envelope env = area.getGeometry().getEnvelopeInternal();
        if (env.getWidth() < w || env.getHeight() < h) {
            return null;
        }
        List<Coordinate> candidates = new ArrayList<>();
        candidates.add(preferred);
        for (double y = env.getMinY() + h / 2; y <= env.getMaxY() - h / 2; y += step) {
            for (double x = env.getMinX() + w / 2; x <= env.getMaxX() - w / 2; x += step) {
                candidates.add(new Coordinate(x, y));
            }
        }
        // Stable order: by distance, ties by position, so output never depends on sort internals.
        candidates.sort(Comparator.comparingDouble((Coordinate c) -> c.distance(preferred))
                .thenComparingDouble(c -> c.y).thenComparingDouble(c -> c.x));
        for (Coordinate c : candidates) {
            Envelope b = box(c.x, c.y, w, h);
            if (isFree(b) && area.contains(GF.toGeometry(b))) {
                return c;
            }
        }
        return null;
    }

    /**
     * A free position for a box outside {@code own} (the region being
     * labelled), as near to {@code anchor} as possible, for a label with a
     * leader line. Directions pointing away from {@code away} are tried first
     * so labels move out of the crowded middle of the map. Null when nothing is
     * free within {@code maxDist}.
     */
    public Coordinate outside(Geometry own, Coordinate anchor, Coordinate away, double minDist, double maxDist,
            double w, double h, double step) {
        double base = Math.atan2(anchor.y - away.y, anchor.x - away.x);
        int n = 24;
        List<Double> angles = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = (i + 1) / 2 * (i % 2 == 0 ? 1 : -1); // 0, -1, 1, -2, 2, ...
            angles.add(base + k * 2 * Math.PI / n);
        }
        for (double d = minDist; d <= maxDist; d += step) {
            for (double a : angles) {
                double dx = Math.cos(a);
                double dy = Math.sin(a);
                double cx = anchor.x + dx * (d + w / 2);
                double cy = anchor.y + dy * (d + h / 2);
                Envelope b = box(cx, cy, w, h);
                if (isFree(b) && !own.intersects(GF.toGeometry(b))) {
                    return new Coordinate(cx, cy);
                }
            }
        }
        return null;
    }
}
