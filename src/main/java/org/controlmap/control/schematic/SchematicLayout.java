package org.controlmap.control.schematic;

import static org.controlmap.control.schematic.BoundarySeeds.TIER_COAST;
import static org.controlmap.control.schematic.BoundarySeeds.TIER_HOME;
import static org.controlmap.control.schematic.BoundarySeeds.TIER_PIECE;
import static org.controlmap.control.schematic.BoundarySeeds.TIER_WHOLE;
import static org.controlmap.control.schematic.BoundarySeeds.TIER_NEIGHBOUR;


import org.controlmap.geodata.LocalProjection;
import java.util.ArrayList;
import java.util.concurrent.Executor;
import java.util.List;
import org.controlmap.control.Allocation;
import org.controlmap.control.Controller;
import org.controlmap.control.RegionControl;
import org.controlmap.geodata.GeodesicArea;
import org.controlmap.geodata.Polygons;
import org.controlmap.geodata.Rivers;
import org.controlmap.region.CountryOutline;
import org.controlmap.region.Region;
import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Lays out a schematic control map: for each region a side holds part of, one
 * contiguous piece with exactly the stated share of the region's geodesic
 * area, grown from the side that faces the holder. Area is to scale; the
 * piece's inner edge is not a real front line (the legend says so).
 *
 * <h2>Method</h2>
 * A piece is {@code region ∩ SeedShapes.buffer(seed, d)}, keeping the component connected
 * to the seed, with the distance {@code d} (metres) found by a bracketing root
 * search on area ({@link PieceSearch}): the bracket is opened upwards (secant
 * steps, doubling) and narrowed by false position with the Illinois
 * modification (Dowell and Jarratt, BIT 11, 1971), a bisection variant that
 * converges superlinearly on smooth monotone functions such as this one, in
 * 4–10 steps instead of bisection's 15–25. Buffers and the search run in a {@link LocalProjection}
 * (Lambert azimuthal equal-area on WGS84 centred on the region, metres), never
 * in degrees. The search evaluates cheap buffers of a coarser seed (within d/32
 * of the drawn one); the distance it finds is buffered in full, unprojected,
 * intersected with the region's own lon/lat geometry (so the piece lies exactly
 * inside it and shares its vertices) and measured with {@link GeodesicArea},
 * then corrected by up to three secant steps on full pieces (or, failing those,
 * searched again with full pieces). The search aims at 0.01 % and stops when the
 * geodesic area is that close to the target, when it is within
 * {@value #AREA_TOLERANCE} (relative) after a few corrections, or after
 * {@value #MAX_ITERATIONS} area evaluations.
 *
 * <h2>Where a piece grows from (the seed)</h2>
 * Regions are laid out in rounds ({@code LayoutOrder}): whole regions, then regions
 * bordering the holder's country in descending share, then the rest, each next
 * the one beside the most-held piece already laid out (then descending share),
 * so held ground spreads from the holder's country as it did (Kherson after
 * Crimea, Zaporizhzhia after Donetsk and Kherson, whatever a tenth of a
 * percent between their shares says). The seed is the part of the region's boundary that lies within
 * {@value #TOUCH_M} m (the tolerance absorbs the small mismatch between the
 * country outlines and the region boundaries, which come from different
 * Natural Earth layers) of:
 * <ol>
 *   <li>the holder's own country, when the region is in the other country
 *       (Russia's outline, without Crimea and Sevastopol, for Russian control in
 *       Ukraine; Ukraine's for Ukrainian control of Kursk); and</li>
 *   <li>the pieces of the same holder already laid out in neighbouring regions,
 *       so that pieces continue across region borders (in the bundled scenario
 *       Donetsk grows from Russia and Luhansk's piece, Zaporizhzhia from
 *       Kherson's and Donetsk's pieces, Mykolaiv from Kherson's); and</li>
 *   <li>only for a region that does not border the holder's country: the whole
 *       border with a neighbour laid out before whose piece stops short of the
 *       region (were Kherson held less than Zaporizhzhia, whose piece grows
 *       from Donetsk and may not reach Kherson, Kherson would grow from Crimea,
 *       which it touches only across the Perekop and Chonhar isthmuses and the
 *       Arabat Spit, and from its whole border with Zaporizhzhia).</li>
 * </ol>
 * A seed in several stretches grows from all of them at once (every band
 * touching the seed is kept), so the piece meets each neighbouring piece; if
 * the bands have not joined when they hold the target, the stretches are
 * joined along the region's boundary the shorter way round
 * ({@link SeedShapes#joinedAlongBoundary}) and the piece grows from that line, so it is
 * still one polygon that meets them all (in the bundled scenario,
 * Zaporizhzhia's piece runs along the Azov coast from Kherson's piece to
 * Donetsk's).
 * The coast next to held ground, and coast continuing it within
 * {@value #TOUCH_M}·3 m, is part of the seed too: the sea behind held ground
 * is not a front (Zaporizhzhia's Azov coast, Kherson's Black Sea coast from
 * the Perekop isthmus to the Kinburn spit). Coast is the region's boundary
 * with no country outline within 2 km outside it.
 * When none of these touch the region, the piece grows from the point of the
 * region's boundary nearest to them (the holder's country and pieces; distance
 * measured in the region's projection), and when there are none at all, from
 * the region's interior point (JTS {@link InteriorPointArea}).
 *
 * <h2>Shapes</h2>
 * A share that would make a band thinner than {@value #MIN_BAND_M} m along the
 * whole seed grows instead from the middle stretch of the seed, as a compact
 * piece about half as deep as that stretch is long ({@link SeedShapes#compact}): a
 * hairline along a border reads as a highlighted border, not as held ground.
 * Such a share grows from the most preferred held ground alone: a
 * neighbour's piece, else a region held whole (Crimea), else the holder's
 * country (Kharkiv's few percent next to Luhansk's piece, east of the Oskil
 * as at Kupiansk, not on the Belgorod border; Dnipropetrovsk's sliver next to
 * Donetsk's piece), from the end of that stretch where it meets less
 * preferred held ground if it does (Kharkiv's at the corner of Luhansk's
 * piece and Russia), else from its middle.
 *
 * <p>Rivers ({@link #bundledRivers()}: the Dnipro) are barriers: a piece
 * grows only on the side of the river its seed runs along, and crosses it
 * only when its share is larger than that side ({@link #behindRivers}).
 * Kherson's piece, grown from Crimea, stays on the left bank.
 *
 * <p>How well this matches real control lines is measured by
 * {@code bench/realism/run.sh} (intersection over union of each piece with the
 * held ground of DeepStateMap snapshots laid out at their own shares); the
 * rules above are kept because they raise it.
 * A share of {@value #WHOLE_SHARE} or more draws the whole region, all its
 * parts (a MultiPolygon for regions with islands). Otherwise the piece grows
 * within the region's part (polygon) the seed touches most, and is one
 * Polygon; only if the target is larger than that part (a region whose islands
 * hold more than the uncontrolled share) does it grow over all parts and may be
 * a MultiPolygon. Where keeping only the connected component makes the area
 * jump (the buffer crossed a bay or a gap between two arms of the region and
 * rejoins the piece the long way round), the search restarts from the piece
 * just below the jump.
 *
 * <p>Accuracy and cost on the bundled regions (Reuters scenario, 9 pieces):
 * geodesic areas within 0.007 % of their targets, 3–10 area evaluations per
 * piece (Zaporizhzhia 3 with two bands, then 6 from the joined seed), 1–3 of
 * them in full;
 * about 0.13 s for all nine once the JIT has warmed up; in a fresh JVM with
 * the launcher's C1-only JIT, on a 2-core machine, about 0.3 s laid out on two
 * threads (the longest chain is Luhansk, Donetsk, Zaporizhzhia) while the base
 * map is laid out on a third, against 0.3–0.4 s one at a time.
 *
 * <p>Deterministic: the same input gives the same geometries. Instances keep no
 * state between calls.
 */
public final class SchematicLayout {
    /** Share at and above which the whole region is drawn. */
    public static final double WHOLE_SHARE = 0.999;
    /** Relative accuracy of a piece's geodesic area against its target. */
    public static final double AREA_TOLERANCE = 5e-4;
    /** Cap on area evaluations per piece. */
    public static final int MAX_ITERATIONS = 60;
    /** How close (metres) a boundary must come to another geometry to count as shared with it. */
    public static final double TOUCH_M = 1000;
    /** Thinnest band (metres) a share is drawn as along its whole seed; thinner ones grow as a compact piece. */
    public static final double MIN_BAND_M = 10_000;

    static final String WHOLE = "whole region";

    static final int QUADRANT_SEGMENTS = 8;
    // Context (outlines, neighbouring pieces) is clipped to the region's
    // bounding box grown by this much before projecting.
    static final double NEAR_DEG = 0.2;
    static final GeometryFactory GF = new GeometryFactory();

    /** Half the width (metres) of the strip a river barrier cuts out of a region (see {@link #behindRivers}). */
    static final double RIVER_HALF_M = 250;

    private final List<CountryOutline> outlines;
    private final List<Geometry> rivers;
    private final Executor workers;

    /** Pieces laid out one after another on the caller's thread. */
    public SchematicLayout(List<CountryOutline> outlines) {
        this(outlines, Runnable::run);
    }

    /**
     * @param outlines country outlines, lon/lat (see {@link CountryOutline#bundled()})
     * @param workers  runs pieces that do not depend on each other side by side; the pieces are the same
     *                 whatever it is
     */
    public SchematicLayout(List<CountryOutline> outlines, Executor workers) {
        this(outlines, List.of(), workers);
    }

    /**
     * @param outlines country outlines, lon/lat
     * @param rivers   river lines (lon/lat) a piece does not cross unless its share leaves no other way (see
     *                 {@link #behindRivers}); {@link #bundledRivers()} for the bundled regions
     * @param workers  as in {@link #SchematicLayout(List, Executor)}
     */
    public SchematicLayout(List<CountryOutline> outlines, List<Geometry> rivers, Executor workers) {
        this.outlines = List.copyOf(outlines);
        this.rivers = List.copyOf(rivers);
        this.workers = workers;
    }

    /** A layout against the bundled country outlines, with the bundled rivers as barriers. */
    public static SchematicLayout bundled() {
        return new SchematicLayout(CountryOutline.bundled(), bundledRivers(), Runnable::run);
    }

    /**
     * The rivers pieces of the bundled regions do not cross: the Dnipro, the front line of the south since
     * November 2022 ({@link Rivers#bundled()}; its line runs through the former Kakhovka reservoir).
     */
    public static List<Geometry> bundledRivers() {
        return Rivers.bundled().river("Dnipro").map(r -> List.of(r.lines())).orElse(List.of());
    }

    /**
     * The schematic pieces of an allocation: one per row with a share above 0,
     * in the allocation's row order (catalogue order). Rows are laid out in
     * descending share; among equal shares, first the region next to the
     * most-held region already laid out, then in row order.
     *
     * <p>A piece depends only on the pieces of the same holder in regions near
     * its own (its seeds touch nothing else), so pieces with no such piece in
     * common are laid out concurrently on the workers (see {@link PieceSchedule}); each piece is laid out from exactly the pieces it
     * would see laid out one after another, so the result is the same.
     */
    public List<SchematicPiece> pieces(Allocation allocation) {
        List<RegionControl> rows = allocation.rows();
        SchematicPiece[] byRow = new PieceSchedule(rows, LayoutOrder.of(rows, outlines), this::layOut).run(workers);
        List<SchematicPiece> out = new ArrayList<>();
        for (SchematicPiece p : byRow) {
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * One row's piece, from the pieces laid out before it; {@code complete}
     * when those are all of them of the same holder (else only those in near
     * regions). Null when the piece grows from the nearest point and the
     * pieces are not complete: lay it out again with all of them.
     */
    private SchematicPiece layOut(RegionControl row, List<SchematicPiece> placed, boolean complete) {
        Region region = row.region();
        Controller holder = row.controller();
        double share = Math.min(1, row.share());
        double targetKm2 = share * region.areaKm2();
        Geometry regionLL = region.geometry();
        if (share >= WHOLE_SHARE) {
            return new SchematicPiece(region, holder, regionLL, targetKm2, region.areaKm2(), WHOLE);
        }
        LocalProjection proj = LocalProjection.centredOn(regionLL);
        Geometry regionP = proj.project(regionLL);

        // Seeds in order of preference (see the class comment): the holder's
        // country, the pieces laid out before, and only when the region does
        // not border the holder's country, whole neighbours whose pieces stop short.
        BoundarySeeds seeds = new BoundarySeeds(proj, regionLL, regionP);
        List<BoundarySeeds.Source> home = home(region, holder);
        boolean bordersHome = false;
        for (BoundarySeeds.Source s : home) {
            bordersHome |= seeds.add(s, TIER_HOME);
        }
        List<BoundarySeeds.Source> sources = new ArrayList<>(home);
        for (SchematicPiece p : placed) {
            if (p.controller() == holder) {
                BoundarySeeds.Source piece = new BoundarySeeds.Source(p.region().nameEn(), p.geometry());
                sources.add(piece);
                if (!seeds.add(piece, p.whole() ? TIER_WHOLE : TIER_PIECE) && !bordersHome && !p.whole()) {
                    seeds.add(new BoundarySeeds.Source(p.region().nameEn(), p.region().geometry()), TIER_NEIGHBOUR);
                }
            }
        }
        int parts = regionP.getNumGeometries();
        int best = seeds.bestPart();
        if (best >= 0) {
            seeds.addCoast(best, BoundarySeeds.coast(outlines, proj, regionLL, (Polygon) regionP.getGeometryN(best)));
        }

        Geometry seed;
        String grownFrom;
        if (best >= 0) {
            Geometry all = SeedShapes.merged(seeds.lines.get(best));
            int tier = seeds.firstTier(best);
            if (SeedShapes.thin(all, targetKm2 * 1e6) && tier >= 0) {
                // Too small a share for a band along all the held ground: it grows
                // from the most preferred held ground alone (see preferred).
                List<LineString> others = new ArrayList<>();
                for (int t = tier + 1; t < TIER_COAST; t++) {
                    others.addAll(seeds.linesOf(best, t));
                }
                seed = SeedShapes.compact(SeedShapes.merged(seeds.linesOf(best, tier)), targetKm2 * 1e6,
                        others.isEmpty() ? null : GF.buildGeometry(others));
                grownFrom = String.join(" + ", seeds.labelsOf(best, tier));
            } else {
                seed = SeedShapes.compact(all, targetKm2 * 1e6);
                grownFrom = String.join(" + ", seeds.labels.get(best));
            }
        } else if (!complete) {
            return null;
        } else if (!sources.isEmpty()) {
            Geometry territory = GF.buildGeometry(sources.stream().map(s -> proj.project(s.lonLat())).toList());
            Coordinate nearest = DistanceOp.nearestPoints(regionP, territory)[0];
            seed = GF.createPoint(nearest);
            best = partNearest(regionP, seed);
            grownFrom = "nearest point to " + String.join(" + ", sources.stream().map(s -> s.label()
                    .replace("border with ", "")).toList());
        } else {
            best = Polygons.largestIndex(regionP);
            seed = GF.createPoint(InteriorPointArea.getInteriorPoint(regionP.getGeometryN(best)));
            grownFrom = "region centre";
        }

        Geometry growP = regionP.getGeometryN(best);
        Geometry growLL = regionLL.getGeometryN(best);
        boolean allParts = false;
        if (parts > 1 && targetKm2 > GeodesicArea.km2(growLL) * (1 - AREA_TOLERANCE)) {
            growP = regionP;
            growLL = regionLL;
            allParts = true;
        }
        // A seed in several stretches (say the pieces of two neighbours) grows from
        // all of them at once, so the piece meets each of those pieces. If the bands
        // have not joined when they hold the target, the stretches are joined along
        // the region's boundary the short way round (see joinedAlongBoundary).
        if (!allParts) {
            Geometry behind = behindRivers(proj, growLL, growP, seed, targetKm2);
            if (behind != null) {
                growLL = behind;
                growP = proj.project(behind);
            }
        }
        PieceSearch g = new PieceSearch(proj, growP, growLL, seed, targetKm2, allParts, seed.getNumGeometries() > 1);
        Geometry piece = g.solve();
        if (piece == null) {
            seed = SeedShapes.joinedAlongBoundary((Polygon) growP, seed);
            g = new PieceSearch(proj, growP, growLL, seed, targetKm2, allParts, false);
            piece = g.solve();
        }
        return new SchematicPiece(region, holder, piece, targetKm2, g.areaKm2(), grownFrom);
    }

    /**
     * The side of the rivers the seed is on: the part (lon/lat) grown in, less a strip
     * 2 × {@value #RIVER_HALF_M} m wide along each river through it, keeping the
     * piece of it along which most of the seed runs. Null, to grow in the whole
     * part, when no river cuts the part in two or the share is larger than the
     * seed's side (a share that leaves no other way crosses the river). Held
     * ground along the Dnipro has stopped at the river since 2022, so a piece
     * grown from Crimea stays on Kherson's left bank.
     */
    private Geometry behindRivers(LocalProjection proj, Geometry partLL, Geometry partP, Geometry seed,
            double targetKm2) {
        Envelope box = new Envelope(partLL.getEnvelopeInternal());
        List<Geometry> through = new ArrayList<>();
        for (Geometry r : rivers) {
            if (r.getEnvelopeInternal().intersects(box) && r.intersects(partLL)) {
                through.add(OverlayNGRobust.overlay(r, GF.toGeometry(box), OverlayNG.INTERSECTION));
            }
        }
        if (through.isEmpty()) {
            return null;
        }
        Geometry strip = SeedShapes.buffer(proj.project(GF.buildGeometry(through)), RIVER_HALF_M);
        Geometry sides = OverlayNGRobust.overlay(partP, strip, OverlayNG.DIFFERENCE);
        if (sides.getNumGeometries() < 2) {
            return null;
        }
        Geometry near = SeedShapes.buffer(seed, RIVER_HALF_M + TOUCH_M);
        Geometry best = null;
        double bestLen = 0;
        for (int i = 0; i < sides.getNumGeometries(); i++) {
            Geometry side = sides.getGeometryN(i);
            double len = seed.getNumPoints() > 1 && seed.getLength() > 0
                    ? OverlayNGRobust.overlay(seed, SeedShapes.buffer(side, TOUCH_M), OverlayNG.INTERSECTION).getLength()
                    : near.intersects(side) ? 1 : 0;
            if (len > bestLen) {
                bestLen = len;
                best = side;
            }
        }
        if (best == null) {
            return null;
        }
        // In lon/lat, cut from the region's own geometry so the piece shares its vertices.
        Geometry sideLL = OverlayNGRobust.overlay(partLL, proj.unproject(SeedShapes.buffer(best, 10)), OverlayNG.INTERSECTION);
        sideLL = Polygons.largest(sideLL);
        if (!(sideLL instanceof Polygon) || GeodesicArea.km2(sideLL) < targetKm2 * (1 + 10 * AREA_TOLERANCE)) {
            return null;
        }
        return sideLL;
    }

    /** The holder's side of the region: its country, minus the region itself if the region is in it. */
    private List<BoundarySeeds.Source> home(Region region, Controller holder) {
        List<BoundarySeeds.Source> sources = new ArrayList<>();
        for (CountryOutline o : outlines) {
            if (!o.iso().equals(holder.name()) || o.geometry().isEmpty()) {
                continue;
            }
            Geometry home = o.geometry();
            if (region.country().equals(holder.name())) {
                home = OverlayNGRobust.overlay(home, region.geometry(), OverlayNG.DIFFERENCE);
            }
            sources.add(new BoundarySeeds.Source("border with " + holder.countryName(), home));
        }
        return sources;
    }

    private static int partNearest(Geometry regionP, Geometry p) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int k = 0; k < regionP.getNumGeometries(); k++) {
            double d = regionP.getGeometryN(k).distance(p);
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return best;
    }
}
