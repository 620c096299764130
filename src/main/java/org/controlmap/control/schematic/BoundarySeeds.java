package org.controlmap.control.schematic;

import static org.controlmap.control.schematic.SchematicLayout.GF;
import static org.controlmap.control.schematic.SchematicLayout.NEAR_DEG;
import static org.controlmap.control.schematic.SchematicLayout.TOUCH_M;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.controlmap.geodata.LocalProjection;
import org.controlmap.region.CountryOutline;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Where on a region's boundary a schematic piece may grow from, in the region's
 * plane ({@link LocalProjection}, metres): for each part of the region, the
 * stretches of its boundary within {@value SchematicLayout#TOUCH_M} m of held
 * ground (the holder's country, pieces laid out before, whole neighbours), each
 * with its tier of preference and the label of what it touches, and the coast
 * runs that continue them. {@link SchematicLayout} picks the part and the tier
 * and grows the piece; the rules are in its class comment.
 */
final class BoundarySeeds {
    // Held ground a small share grows from, most preferred first (SchematicLayout's class comment, "Shapes"):
    // a neighbour's piece (the front continues across the region border), a neighbour held whole
    // (Crimea), the holder's own country, a whole neighbouring region whose piece stops short.
    static final int TIER_PIECE = 0;
    static final int TIER_WHOLE = 1;
    static final int TIER_HOME = 2;
    static final int TIER_NEIGHBOUR = 3;
    // The coast next to held ground: part of a band, never what a small share grows from alone.
    static final int TIER_COAST = 4;
    // How far (metres) beyond a boundary segment land is looked for: more than the few hundred metres by
    // which the country outlines and the region boundaries disagree.
    private static final double COAST_PROBE_M = 2 * TOUCH_M;
    // Coast runs this close (metres) to held ground, or to each other, continue it.
    private static final double COAST_JOIN_M = 3 * TOUCH_M;

    /** Something a piece can grow from: a country or a piece laid out before. */
    record Source(String label, Geometry lonLat) {
    }

    private final LocalProjection proj;
    private final Geometry regionP;
    private final Envelope near;
    private final Geometry nearBox;
    final List<List<LineString>> lines = new ArrayList<>();
    final List<Set<String>> labels = new ArrayList<>();
    // Per part, each line's tier and source label (parallel to lines).
    private final List<List<Integer>> tiers = new ArrayList<>();
    private final List<List<String>> lineLabels = new ArrayList<>();

    BoundarySeeds(LocalProjection proj, Geometry regionLL, Geometry regionP) {
        this.proj = proj;
        this.regionP = regionP;
        near = new Envelope(regionLL.getEnvelopeInternal());
        near.expandBy(NEAR_DEG);
        nearBox = GF.toGeometry(near);
        for (int k = 0; k < regionP.getNumGeometries(); k++) {
            lines.add(new ArrayList<>());
            labels.add(new LinkedHashSet<>());
            tiers.add(new ArrayList<>());
            lineLabels.add(new ArrayList<>());
        }
    }

    /** Adds the boundary within {@value SchematicLayout#TOUCH_M} m of the source, of a tier; true if there is any. */
    boolean add(Source s, int tier) {
        if (!s.lonLat().getEnvelopeInternal().intersects(near)) {
            return false;
        }
        Geometry clipped = OverlayNGRobust.overlay(s.lonLat(), nearBox, OverlayNG.INTERSECTION);
        if (clipped.isEmpty()) {
            return false;
        }
        Geometry zone = SeedShapes.buffer(proj.project(clipped), TOUCH_M);
        boolean any = false;
        for (int k = 0; k < regionP.getNumGeometries(); k++) {
            Geometry part = regionP.getGeometryN(k);
            if (!part.getEnvelopeInternal().intersects(zone.getEnvelopeInternal())) {
                continue;
            }
            List<LineString> shared =
                    SeedShapes.lines(OverlayNGRobust.overlay(part.getBoundary(), zone, OverlayNG.INTERSECTION));
            if (!shared.isEmpty()) {
                lines.get(k).addAll(shared);
                for (int i = 0; i < shared.size(); i++) {
                    tiers.get(k).add(tier);
                    lineLabels.get(k).add(s.label());
                }
                labels.get(k).add(s.label());
                any = true;
            }
        }
        return any;
    }

    /**
     * Adds the coast runs of part k that meet its held ground (lines of
     * the other tiers): the sea behind held ground is not a front, so a
     * band runs along the coast between held stretches rather than
     * leaving it to the other side (Zaporizhzhia's Azov coast between
     * Kherson's and Donetsk's pieces). Not named in grownFrom: the
     * coast is not held ground, only next to it.
     */
    void addCoast(int k, List<LineString> coast) {
        if (lines.get(k).isEmpty() || coast.isEmpty()) {
            return;
        }
        // Runs within COAST_JOIN_M of held ground or of a run taken, repeatedly: the probe
        // breaks a coast into runs at spits and islets a few hundred metres long.
        List<LineString> taken = new ArrayList<>(lines.get(k));
        List<LineString> left = new ArrayList<>(coast);
        boolean grew = true;
        while (grew && !left.isEmpty()) {
            grew = false;
            IndexedFacetDistance held = new IndexedFacetDistance(GF.buildGeometry(List.copyOf(taken)));
            for (java.util.Iterator<LineString> it = left.iterator(); it.hasNext(); ) {
                LineString c = it.next();
                if (held.distance(c) <= COAST_JOIN_M) {
                    taken.add(c);
                    lines.get(k).add(c);
                    tiers.get(k).add(TIER_COAST);
                    lineLabels.get(k).add("coast");
                    it.remove();
                    grew = true;
                }
            }
        }
    }

    /** The most preferred tier with lines on part k (lowest number), or -1. */
    int firstTier(int k) {
        return tiers.get(k).stream().mapToInt(Integer::intValue).min().orElse(-1);
    }

    /** The lines of part k of one tier. */
    List<LineString> linesOf(int k, int tier) {
        List<LineString> out = new ArrayList<>();
        for (int i = 0; i < lines.get(k).size(); i++) {
            if (tiers.get(k).get(i) == tier) {
                out.add(lines.get(k).get(i));
            }
        }
        return out;
    }

    /** The labels of part k's lines of one tier, in the order added. */
    Set<String> labelsOf(int k, int tier) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < lines.get(k).size(); i++) {
            if (tiers.get(k).get(i) == tier) {
                out.add(lineLabels.get(k).get(i));
            }
        }
        return out;
    }

    /** The part with the longest seed, or -1 when nothing touches. */
    int bestPart() {
        int best = -1;
        double bestLen = 0;
        for (int k = 0; k < lines.size(); k++) {
            double len = 0;
            for (LineString l : lines.get(k)) {
                len += l.getLength();
            }
            if (len > bestLen) {
                bestLen = len;
                best = k;
            }
        }
        return best;
    }

    /**
     * The coast of one part of a region, in the plane: the runs of its boundary
     * with no land within {@value #COAST_PROBE_M} m outside (land: any of the
     * country outlines, Ukraine's being the union of its regions). Empty
     * without outlines, which could not tell coast from land.
     */
    static List<LineString> coast(List<CountryOutline> outlines, LocalProjection proj, Geometry regionLL,
            Polygon partP) {
        List<LineString> out = new ArrayList<>();
        if (outlines.isEmpty()) {
            return out;
        }
        Envelope near = new Envelope(regionLL.getEnvelopeInternal());
        near.expandBy(NEAR_DEG);
        Geometry box = GF.toGeometry(near);
        List<IndexedPointInAreaLocator> land = new ArrayList<>();
        for (CountryOutline o : outlines) {
            if (o.geometry().getEnvelopeInternal().intersects(near)) {
                land.add(new IndexedPointInAreaLocator(
                        proj.project(OverlayNGRobust.overlay(o.geometry(), box, OverlayNG.INTERSECTION))));
            }
        }
        org.locationtech.jts.geom.prep.PreparedGeometry inPart =
                org.locationtech.jts.geom.prep.PreparedGeometryFactory.prepare(partP);
        for (int r = 0; r <= partP.getNumInteriorRing(); r++) {
            Coordinate[] ring = (r == 0 ? partP.getExteriorRing() : partP.getInteriorRingN(r - 1)).getCoordinates();
            int n = ring.length - 1;
            boolean[] sea = new boolean[n];
            for (int i = 0; i < n; i++) {
                double dx = ring[i + 1].x - ring[i].x;
                double dy = ring[i + 1].y - ring[i].y;
                double len = Math.hypot(dx, dy);
                if (len == 0) {
                    continue;
                }
                double mx = (ring[i].x + ring[i + 1].x) / 2;
                double my = (ring[i].y + ring[i + 1].y) / 2;
                // Both sides: the one outside the part decides.
                for (int side = -1; side <= 1; side += 2) {
                    Coordinate probe = new Coordinate(mx - side * dy / len * COAST_PROBE_M,
                            my + side * dx / len * COAST_PROBE_M);
                    org.locationtech.jts.geom.Point pt = GF.createPoint(probe);
                    if (!inPart.contains(pt)) {
                        sea[i] = land.stream().allMatch(l -> l.locate(probe) == Location.EXTERIOR);
                        break;
                    }
                }
            }
            List<Coordinate> run = new ArrayList<>();
            // Start at a land segment so runs are not split at the ring's seam.
            int start = 0;
            while (start < n && sea[start]) {
                start++;
            }
            if (start == n) {
                out.add(GF.createLineString(ring));
                continue;
            }
            for (int k = 1; k <= n; k++) {
                int i = (start + k) % n;
                if (sea[i]) {
                    if (run.isEmpty()) {
                        run.add(ring[i].copy());
                    }
                    run.add(ring[i + 1].copy());
                } else if (!run.isEmpty()) {
                    if (run.size() > 1) {
                        out.add(GF.createLineString(run.toArray(Coordinate[]::new)));
                    }
                    run = new ArrayList<>();
                }
            }
            if (run.size() > 1) {
                out.add(GF.createLineString(run.toArray(Coordinate[]::new)));
            }
        }
        return out;
    }
}
