package org.controlmap.control.measure;

import static org.controlmap.geodata.Polygons.polygonal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.controlmap.control.Allocation;
import org.controlmap.control.Attribution;
import org.controlmap.control.Controller;
import org.controlmap.geodata.GeodesicArea;
import org.controlmap.InputException;
import org.controlmap.region.Region;
import org.controlmap.region.RegionCatalogue;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Measures control polygons against a fixed set of regions: per region, the
 * held km² = geodesic area on WGS84 ({@link GeodesicArea}, GeographicLib) of
 * region ∩ held territory, computed with JTS OverlayNG in longitude/latitude
 * (edges are straight in lon/lat when intersecting and geodesic when measured,
 * as in geopandas/shapely + pyproj; on DeepStateMap's densely sampled edges
 * the difference is far below 0.01%).
 *
 * <p>Boundaries from different sources never match exactly; how the mismatch is
 * booked is the {@link Attribution}. Under {@link Attribution#NEAREST} (the
 * default) Russian-held ground is booked to Ukraine's regions only: inside a
 * region to it, outside every region to the nearest within the limit
 * ({@link MismatchZones}), and coast and border gaps count as held
 * ({@link CoastGaps}); what is farther stays {@code outside}. Under
 * {@link Attribution#CLIP}, and for Ukrainian-held ground under either, every
 * region is clipped as it stands: held territory in no region is reported per
 * side as {@link Allocation.OutsideArea}, and a Russian oblast under a
 * Russian-held polygon gets its own row with a note saying it is the polygon
 * extending past the border, not occupation.
 *
 * <p>Speed: regions are prepared once ({@link PreparedGeometry}); per
 * measurement a region whose bounding box misses the held territory, or that
 * the prepared region test finds disjoint from it, costs no overlay; a region
 * the held territory covers entirely is taken whole (its area is known); only
 * the rest are intersected, and OverlayNG clips both inputs to the common
 * bounding box first. Measuring is thread-safe: {@code series} measures
 * several snapshots at once with one overlay. Held territory of
 * {@link HeldPieces#LARGE_VERTICES} vertices or more (a 200 MB snapshot) is
 * cut per region to the box of the region and its mismatch zone before the
 * per-region steps ({@link HeldPieces}), and its front is probed through a
 * {@link StripLocator}: no index over the whole shape is held.
 */
public final class ControlOverlay {
    private static final GeometryFactory GF = new GeometryFactory();

    private final List<Slot> slots = new ArrayList<>();
    private final List<Region> regions;
    private final List<Region> home;
    private final int[] homeIndex;
    private final double ukraineGeodesicKm2;
    private final double ukraineOfficialKm2;
    private final List<Geometry> shapes = new ArrayList<>();
    private volatile PreparedGeometry allRegionsPrepared;
    private final Map<Double, Nearest> nearest = new HashMap<>();
    private volatile CoastGaps gaps;
    private volatile CellMeter clipCells;
    /**
     * Fewest vertices of held territory measured in pieces ({@link HeldPieces}); tests lower it to compare
     * both paths on one shape.
     */
    int largeVertices = HeldPieces.LARGE_VERTICES;

    private record Slot(Region region, Envelope envelope, PreparedGeometry prepared) {
    }

    /** What nearest attribution at one limit needs: the zones, prepared, and a cell meter over regions + zones. */
    private record Nearest(MismatchZones zones, List<Slot> zoneSlots, CellMeter cells) {
    }

    /**
     * An overlay for the given regions (assumed not to overlap one another).
     *
     * @param regions             the regions, in the order rows should come out
     * @param ukraineOfficialKm2  Ukraine's official area, km², for totals on the official basis
     */
    public ControlOverlay(List<Region> regions, double ukraineOfficialKm2) {
        double ua = 0;
        List<Region> h = new ArrayList<>();
        List<Integer> hi = new ArrayList<>();
        for (Region r : regions) {
            Geometry g = r.geometry();
            slots.add(slot(r, g));
            shapes.add(g);
            if ("UA".equals(r.country())) {
                ua += r.areaKm2();
                h.add(r);
                hi.add(slots.size() - 1);
            }
        }
        this.regions = List.copyOf(regions);
        this.home = List.copyOf(h);
        this.homeIndex = hi.stream().mapToInt(Integer::intValue).toArray();
        this.ukraineGeodesicKm2 = ua;
        this.ukraineOfficialKm2 = ukraineOfficialKm2;
    }

    private static Slot slot(Region r, Geometry g) {
        // Envelopes are cached lazily by JTS; compute them now so threads only read.
        return new Slot(r, g.getEnvelopeInternal(), PreparedGeometryFactory.prepare(g));
    }

    /** An overlay for all regions of a catalogue (27 Ukrainian units, then the Russian oblasts). */
    public static ControlOverlay of(RegionCatalogue catalogue) {
        return new ControlOverlay(catalogue.regions(), catalogue.ukraineOfficialKm2());
    }

    /** The regions, in row order. */
    public List<Region> regions() {
        return regions;
    }

    /** Geodesic area of the Ukrainian regions, km². */
    public double ukraineGeodesicKm2() {
        return ukraineGeodesicKm2;
    }

    /** Ukraine's official area, km²: what a measured Ukraine total's percent is a share of. */
    public double ukraineOfficialKm2() {
        return ukraineOfficialKm2;
    }

    /** The union of all regions, lon/lat: what "outside every region" is outside of under clip. */
    public Geometry allRegions() {
        return allRegionsPrepared().getGeometry();
    }

    // Built on first use: the union costs a few hundred ms and series does not need it.
    private PreparedGeometry allRegionsPrepared() {
        PreparedGeometry p = allRegionsPrepared;
        if (p == null) {
            synchronized (this) {
                if (allRegionsPrepared == null) {
                    Geometry u = shapes.isEmpty() ? GF.createMultiPolygon() : OverlayNGRobust.union(shapes);
                    u.getEnvelopeInternal();
                    allRegionsPrepared = PreparedGeometryFactory.prepare(u);
                }
                p = allRegionsPrepared;
            }
        }
        return p;
    }

    private Nearest nearest(double limitKm) {
        synchronized (nearest) {
            return nearest.computeIfAbsent(limitKm, k -> {
                MismatchZones z = MismatchZones.of(home, k);
                List<Slot> zs = new ArrayList<>();
                List<Geometry> parts = new ArrayList<>();
                for (int i = 0; i < home.size(); i++) {
                    zs.add(slot(home.get(i), z.zones().get(i)));
                    parts.add(home.get(i).geometry());
                }
                parts.addAll(z.zones());
                return new Nearest(z, zs, new CellMeter(parts));
            });
        }
    }

    CoastGaps gaps() {
        CoastGaps g = gaps;
        if (g == null) {
            synchronized (this) {
                if (gaps == null) {
                    gaps = CoastGaps.of(home);
                }
                g = gaps;
            }
        }
        return g;
    }

    /**
     * The front of Russian-held territory (see {@link FrontLine}): its boundary where it faces free
     * Ukrainian ground, not the coast, the state border or a coast or border gap.
     */
    public Geometry front(Geometry held, PreparedGeometry heldPrepared, String name) {
        return front(held, heldPrepared, name, new Geometry[home.size()]);
    }

    /** As {@link #front(Geometry, PreparedGeometry, String)}, with the gaps of home regions already found. */
    private Geometry front(Geometry held, PreparedGeometry heldPrepared, String name, Geometry[] fills) {
        if (held.isEmpty()) {
            return GF.createMultiLineString();
        }
        CoastGaps g = gaps();
        List<Polygon> gapParts = new ArrayList<>();
        List<PreparedGeometry> homePrepared = new ArrayList<>();
        for (int k = 0; k < home.size(); k++) {
            Slot s = slots.get(homeIndex[k]);
            homePrepared.add(s.prepared);
            Geometry f = fills[k];
            if (f == null && s.envelope.intersects(held.getEnvelopeInternal()) && s.prepared.intersects(held)) {
                f = fill(g, k, held, heldPrepared, name);
            }
            if (f != null) {
                @SuppressWarnings("unchecked")
                List<Polygon> ps = (List<Polygon>) (List<?>) PolygonExtracter.getPolygons(f);
                gapParts.addAll(ps);
            }
        }
        PreparedGeometry gapsPrepared = gapParts.isEmpty() ? null
                : PreparedGeometryFactory.prepare(GF.createMultiPolygon(gapParts.toArray(Polygon[]::new)));
        if (large(held)) {
            // A probe per edge, millions of them: the strip locator answers as the prepared shape would,
            // without its 100 bytes of index a segment.
            StripLocator locator = new StripLocator(held);
            return FrontLine.lines(held, FrontLine.freeGround(homePrepared,
                    p -> locator.containsInterior(p.getCoordinate()), gapsPrepared));
        }
        return FrontLine.lines(held, FrontLine.freeGround(homePrepared, heldPrepared, gapsPrepared));
    }

    /** Whether {@code side}'s ground is booked by nearest attribution: Russian-held ground, when asked for. */
    static boolean nearest(Controller side, MeasureOptions o) {
        return o.attribution() == Attribution.NEAREST && side == Controller.RU;
    }

    /** Measures each side's held territory against every region. */
    public Measurement measure(ControlPolygons control, MeasureOptions options) {
        List<Measurement.RegionPart> parts = new ArrayList<>();
        Map<Controller, Geometry> outsideShapes = new EnumMap<>(Controller.class);
        Geometry front = GF.createMultiLineString();
        for (Controller c : control.controllers()) {
            Geometry held = control.held(c);
            PreparedGeometry heldPrepared = PreparedGeometryFactory.prepare(held);
            Geometry[] fills = new Geometry[home.size()];
            if (nearest(c, options)) {
                measureNearest(c, held, heldPrepared, options, control.name(), parts, outsideShapes, fills);
            } else {
                for (Slot s : slots) {
                    Geometry clipped = clip(s, heldPrepared, control.name());
                    double km2 = km2(s, clipped);
                    checkWithin(s.region, km2);
                    if (km2 > 0) {
                        parts.add(new Measurement.RegionPart(s.region, c, km2, 0, 0, clipped));
                    }
                }
                outsideShapes.put(c, outside(held, control.name()));
            }
            if (c == Controller.RU) {
                front = front(held, heldPrepared, control.name(), fills);
            }
        }
        Map<Region, Integer> order = new HashMap<>();
        for (int i = 0; i < regions.size(); i++) {
            order.put(regions.get(i), i);
        }
        parts.sort((a, b) -> {
            int ia = order.get(a.region());
            int ib = order.get(b.region());
            return ia != ib ? Integer.compare(ia, ib) : a.controller().compareTo(b.controller());
        });
        Double frontKm = control.controllers().contains(Controller.RU) ? FrontLine.km(front) : null;
        return new Measurement(MeasuredAllocation.of(parts, outsideShapes, options, frontKm), List.copyOf(parts),
                outsideShapes, front);
    }

    private void measureNearest(Controller c, Geometry held, PreparedGeometry heldPrepared, MeasureOptions o,
            String name, List<Measurement.RegionPart> parts, Map<Controller, Geometry> outsideShapes,
            Geometry[] fills) {
        Nearest n = nearest(o.limitKm());
        CoastGaps g = gaps();
        boolean large = large(held);
        for (int k = 0; k < home.size(); k++) {
            Slot s = slots.get(homeIndex[k]);
            Slot z = n.zoneSlots.get(k);
            Geometry h = held;
            PreparedGeometry hp = heldPrepared;
            if (large) {
                // Region, zone and coast band all lie in this box: the held ground cut to it is all they see.
                Envelope box = new Envelope(s.envelope);
                box.expandToInclude(z.envelope);
                h = HeldPieces.cut(held, box);
                hp = PreparedGeometryFactory.prepare(h);
            }
            Geometry inside = clip(s, hp, name);
            double insideKm2 = km2(s, inside);
            checkWithin(s.region, insideKm2);
            Geometry moved = clip(z, hp, name);
            double movedKm2 = GeodesicArea.km2(moved);
            Geometry filled = inside.isEmpty() ? GF.createMultiPolygon() : fill(g, k, h, hp, name);
            fills[k] = filled;
            double filledKm2 = GeodesicArea.km2(filled);
            if (insideKm2 + movedKm2 > 0) {
                Region r = s.region;
                parts.add(new Measurement.RegionPart(r, c, insideKm2, movedKm2, filledKm2,
                        () -> filled.isEmpty() ? inside : union(inside, filled, name, r)));
            }
        }
        outsideShapes.put(c, beyond(held, n.zones, name, large));
    }

    /**
     * One side's held ground booked to every region, with no shapes kept.
     *
     * @param gaps whether coast and border gaps count (held territory: yes; a change between two
     *             snapshots, which is no held territory of its own: no)
     */
    public Booking book(Geometry held, Controller side, MeasureOptions o, boolean gaps, String name) {
        int n = slots.size();
        Booking b = Booking.empty(n);
        if (held.isEmpty()) {
            return b;
        }
        PreparedGeometry heldPrepared = PreparedGeometryFactory.prepare(held);
        if (!nearest(side, o)) {
            for (int i = 0; i < n; i++) {
                Slot s = slots.get(i);
                Geometry clipped = clip(s, heldPrepared, name);
                b.inside()[i] = km2(s, clipped);
            }
            return new Booking(b.inside(), b.moved(), b.filled(), GeodesicArea.km2(outside(held, name)));
        }
        Nearest near = nearest(o.limitKm());
        CoastGaps g = gaps();
        for (int k = 0; k < home.size(); k++) {
            int i = homeIndex[k];
            Slot s = slots.get(i);
            Geometry inside = clip(s, heldPrepared, name);
            b.inside()[i] = km2(s, inside);
            b.moved()[i] = GeodesicArea.km2(clip(near.zoneSlots.get(k), heldPrepared, name));
            b.filled()[i] = !gaps || inside.isEmpty() ? 0 : GeodesicArea.km2(fill(g, k, held, heldPrepared, name));
        }
        double outsideKm2 = GeodesicArea.km2(beyond(held, near.zones, name, large(held)));
        return new Booking(b.inside(), b.moved(), b.filled(), outsideKm2);
    }

    /**
     * Like {@link #book} but measured with cell memory shared by the snapshots
     * of one batch ({@link CellMeter}): the path of {@code series}.
     */
    Booking book(Geometry held, Controller side, MeasureOptions o, CellMeter.Batch batch, String name) {
        int n = slots.size();
        if (large(held)) {
            // Cells and whole-shape indexes cost ~100 bytes a segment of a 6.2M-vertex shape: measure it in
            // pieces as areas does (same figures as areas, to the last digit).
            return booking(measure(ControlPolygons.of(side, held, name), o), side, o);
        }
        if (!nearest(side, o)) {
            double[] km2 = clipCells().km2(held, batch, name);
            double frontKm = side == Controller.RU && o.front()
                    ? FrontLine.km(front(held, PreparedGeometryFactory.prepare(held), name)) : Double.NaN;
            return new Booking(java.util.Arrays.copyOf(km2, n), new double[n], new double[n], km2[n], frontKm);
        }
        Nearest near = nearest(o.limitKm());
        double[] km2 = near.cells.km2(held, batch, name);
        Booking b = Booking.empty(n);
        int h = home.size();
        PreparedGeometry heldPrepared = null;
        CoastGaps g = gaps();
        CoastGaps.Edges edges = null;
        Geometry[] fills = new Geometry[h];
        for (int k = 0; k < h; k++) {
            int i = homeIndex[k];
            b.inside()[i] = km2[k];
            b.moved()[i] = km2[h + k];
            if (km2[k] > 0) {
                if (heldPrepared == null) {
                    heldPrepared = PreparedGeometryFactory.prepare(held);
                    edges = g.new Edges(held);
                }
                try {
                    CoastGaps.Fill f = g.filled(k, held, heldPrepared, edges);
                    b.filled()[i] = f.km2();
                    fills[k] = f.shape();
                } catch (RuntimeException e) {
                    throw new InputException(name + ": cannot find the coast and border gaps of its polygons ("
                            + e.getMessage() + ")", e);
                }
            }
        }
        double frontKm = Double.NaN;
        if (o.front()) {
            PreparedGeometry hp = heldPrepared != null ? heldPrepared : PreparedGeometryFactory.prepare(held);
            for (int k = 0; k < h; k++) {
                if (fills[k] == null) {
                    fills[k] = GF.createMultiPolygon(); // no held ground in the region: no gap either
                }
            }
            frontKm = FrontLine.km(front(held, hp, name, fills));
        }
        return new Booking(b.inside(), b.moved(), b.filled(), km2[2 * h], frontKm);
    }

    /** Whether {@code held} is measured in pieces ({@link HeldPieces}): {@link #largeVertices} or more. */
    private boolean large(Geometry held) {
        return held.getNumPoints() >= largeVertices;
    }

    /** {@code m}'s figures for one side as a {@link Booking} over this overlay's slots. */
    private Booking booking(Measurement m, Controller side, MeasureOptions o) {
        Booking b = Booking.empty(slots.size());
        Map<Region, Integer> index = new HashMap<>();
        for (int i = 0; i < slots.size(); i++) {
            index.put(slots.get(i).region, i);
        }
        for (Measurement.RegionPart p : m.parts()) {
            if (p.controller() == side) {
                int i = index.get(p.region());
                b.inside()[i] = p.insideKm2();
                b.moved()[i] = p.movedKm2();
                b.filled()[i] = p.filledKm2();
            }
        }
        Double front = m.allocation().frontKm();
        double frontKm = o.front() && side == Controller.RU && front != null ? front : Double.NaN;
        return new Booking(b.inside(), b.moved(), b.filled(), m.outsideKm2(side), frontKm);
    }

    private CellMeter clipCells() {
        CellMeter c = clipCells;
        if (c == null) {
            synchronized (this) {
                if (clipCells == null) {
                    clipCells = new CellMeter(shapes);
                }
                c = clipCells;
            }
        }
        return c;
    }

    /** Geodesic area of a slot's clipped part: a region taken whole has its area measured already. */
    private static double km2(Slot s, Geometry clipped) {
        return clipped == s.region.geometry() ? s.region.areaKm2() : GeodesicArea.km2(clipped);
    }

    private static void checkWithin(Region r, double km2) {
        if (km2 > r.areaKm2() * (1 + 1e-9) + 1e-6) {
            throw new IllegalStateException("measured " + km2 + " km² in " + r + ", more than its area " + r.areaKm2()
                    + " km²");
        }
    }

    private static Geometry fill(CoastGaps g, int k, Geometry held, PreparedGeometry heldPrepared, String name) {
        try {
            return g.fill(k, held, heldPrepared);
        } catch (RuntimeException e) {
            throw new InputException(name + ": cannot find the coast and border gaps of its polygons ("
                    + e.getMessage() + ")", e);
        }
    }

    /** Region ∩ held, for the region's own slot or its mismatch zone's; the region itself when covered whole. */
    static Geometry clip(Slot s, PreparedGeometry heldPrepared, String name) {
        Geometry held = heldPrepared.getGeometry();
        Geometry shape = s.prepared.getGeometry();
        if (held.isEmpty() || shape.isEmpty()) {
            return GF.createMultiPolygon();
        }
        Envelope he = held.getEnvelopeInternal();
        if (!he.intersects(s.envelope) || !s.prepared.intersects(held)) {
            return GF.createMultiPolygon();
        }
        if (he.covers(s.envelope) && heldPrepared.covers(shape)) {
            return shape;
        }
        try {
            return polygonal(OverlayNGRobust.overlay(shape, held, OverlayNG.INTERSECTION));
        } catch (RuntimeException e) {
            throw new InputException(name + ": cannot intersect its polygons with " + s.region + " ("
                    + e.getMessage() + ")", e);
        }
    }

    private static Geometry union(Geometry a, Geometry b, String name, Region r) {
        try {
            return polygonal(OverlayNGRobust.overlay(a, b, OverlayNG.UNION));
        } catch (RuntimeException e) {
            throw new InputException(name + ": cannot add the coast gaps of " + r + " (" + e.getMessage() + ")", e);
        }
    }

    /** Held ground in no region (clip). */
    private Geometry outside(Geometry held, String name) {
        if (held.isEmpty() || allRegionsPrepared().containsProperly(held)) {
            return GF.createMultiPolygon();
        }
        try {
            return polygonal(OverlayNGRobust.overlay(held, allRegions(), OverlayNG.DIFFERENCE));
        } catch (RuntimeException e) {
            throw new InputException(name + ": cannot subtract the regions from its polygons (" + e.getMessage()
                    + ")", e);
        }
    }

    /** Held ground beyond the reach of nearest attribution. */
    private static Geometry beyond(Geometry held, MismatchZones zones, String name, boolean large) {
        if (held.isEmpty() || zones.reachPrepared().containsProperly(held)) {
            return GF.createMultiPolygon();
        }
        try {
            return large ? HeldPieces.minus(held, zones.reach(), zones.reachPrepared())
                    : polygonal(OverlayNGRobust.overlay(held, zones.reach(), OverlayNG.DIFFERENCE));
        } catch (RuntimeException e) {
            throw new InputException(name + ": cannot subtract the regions and their mismatch zones from its"
                    + " polygons (" + e.getMessage() + ")", e);
        }
    }
}
