package org.controlmap.control.measure;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.controlmap.control.Allocation;
import org.controlmap.control.Controller;
import org.controlmap.control.RegionControl;
import org.controlmap.control.NumberText;
import org.controlmap.geodata.GeodesicArea;
import org.controlmap.geodata.InputException;
import org.controlmap.region.AreaBasis;
import org.controlmap.region.Region;
import org.controlmap.region.RegionCatalogue;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
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
 * <p>Boundaries from different sources never match exactly, so nothing is
 * dropped: held territory in no region is reported per side as
 * {@link Allocation.OutsideArea}; a Russian region under a Russian-held polygon
 * (DeepStateMap's polygons spill a few hundred km² past the Natural Earth
 * border into Belgorod and Kursk) gets its own row like any other region, with
 * a note saying it is the polygon extending past the border, not occupation.
 *
 * <p>Speed: regions are prepared once ({@link PreparedGeometry}); per
 * measurement a region whose bounding box misses the held territory, or that
 * the prepared region test finds disjoint from it, costs no overlay; a region
 * the held territory covers entirely is taken whole (its area is known); only
 * the rest are intersected, and OverlayNG clips both inputs to the common
 * bounding box first. Measuring is thread-safe: {@code series} measures
 * several snapshots at once with one overlay.
 */
public final class ControlOverlay {
    private static final GeometryFactory GF = new GeometryFactory();

    private final List<Slot> slots = new ArrayList<>();
    private final double ukraineGeodesicKm2;
    private final double ukraineOfficialKm2;
    private final List<Geometry> shapes = new ArrayList<>();
    private volatile PreparedGeometry allRegionsPrepared;

    private record Slot(Region region, Envelope envelope, PreparedGeometry prepared) {
    }

    /**
     * An overlay for the given regions (assumed not to overlap one another).
     *
     * @param regions             the regions, in the order rows should come out
     * @param ukraineOfficialKm2  Ukraine's official area, km², for totals on the official basis
     */
    public ControlOverlay(List<Region> regions, double ukraineOfficialKm2) {
        double ua = 0;
        for (Region r : regions) {
            Geometry g = r.geometry();
            // Envelopes are cached lazily by JTS; compute them now so threads only read.
            Envelope env = g.getEnvelopeInternal();
            slots.add(new Slot(r, env, PreparedGeometryFactory.prepare(g)));
            shapes.add(g);
            if ("UA".equals(r.country())) {
                ua += r.areaKm2();
            }
        }
        this.ukraineGeodesicKm2 = ua;
        this.ukraineOfficialKm2 = ukraineOfficialKm2;
    }

    /** An overlay for all regions of a catalogue (27 Ukrainian units, then the Russian oblasts). */
    public static ControlOverlay of(RegionCatalogue catalogue) {
        return new ControlOverlay(catalogue.regions(), catalogue.ukraineOfficialKm2());
    }

    /** Shortcut: {@code ControlOverlay.of(catalogue).measure(control, options)}. */
    public static Measurement measure(RegionCatalogue catalogue, ControlPolygons control, MeasureOptions options) {
        return of(catalogue).measure(control, options);
    }

    private volatile CellMeter cells;

    /** The cell-cached meter over the same regions, for long series (built on first use). */
    CellMeter cells() {
        CellMeter c = cells;
        if (c == null) {
            synchronized (this) {
                if (cells == null) {
                    cells = new CellMeter(regions());
                }
                c = cells;
            }
        }
        return c;
    }

    /** The regions, in row order. */
    public List<Region> regions() {
        return slots.stream().map(Slot::region).toList();
    }

    /** Geodesic area of the Ukrainian regions, km²: what a Ukraine total's percent is a share of (geometry basis). */
    public double ukraineGeodesicKm2() {
        return ukraineGeodesicKm2;
    }

    /** Ukraine's official area, km² (official basis). */
    public double ukraineOfficialKm2() {
        return ukraineOfficialKm2;
    }

    /** The union of all regions, lon/lat: what "outside every region" is outside of. */
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

    /** Measures each side's held territory against every region. */
    public Measurement measure(ControlPolygons control, MeasureOptions options) {
        List<Measurement.RegionPart> parts = new ArrayList<>();
        Map<Controller, Geometry> outsideShapes = new EnumMap<>(Controller.class);
        for (Controller c : control.controllers()) {
            Geometry held = control.held(c);
            PreparedGeometry heldPrepared = PreparedGeometryFactory.prepare(held);
            for (Slot s : slots) {
                Geometry clipped = clip(s, heldPrepared, options.snapKm(), control.name());
                if (clipped.isEmpty()) {
                    continue;
                }
                double km2 = clipped == s.region.geometry() ? s.region.areaKm2() : GeodesicArea.km2(clipped);
                if (km2 > s.region.areaKm2() * (1 + 1e-9) + 1e-6) {
                    throw new IllegalStateException("measured " + km2 + " km² in " + s.region
                            + ", more than its area " + s.region.areaKm2() + " km²");
                }
                if (km2 > 0) {
                    parts.add(new Measurement.RegionPart(s.region, c, km2, clipped));
                }
            }
            outsideShapes.put(c, outside(held, options.snapKm(), control.name()));
        }
        parts.sort((a, b) -> {
            int ia = slots.indexOf(slotOf(a.region()));
            int ib = slots.indexOf(slotOf(b.region()));
            return ia != ib ? Integer.compare(ia, ib) : a.controller().compareTo(b.controller());
        });
        return new Measurement(allocation(parts, outsideShapes, options), List.copyOf(parts), outsideShapes);
    }

    /**
     * Held km² per region for one side only, with no shapes kept: the lean path
     * of {@code series}, which measures hundreds of snapshots.
     *
     * @return km² per region in row order (same indices as {@link #regions()}), then the km² outside every
     *         region as the last element
     */
    public double[] km2(Geometry held, double snapKm, String name) {
        double[] out = new double[slots.size() + 1];
        PreparedGeometry heldPrepared = PreparedGeometryFactory.prepare(held);
        for (int i = 0; i < slots.size(); i++) {
            Slot s = slots.get(i);
            Geometry clipped = clip(s, heldPrepared, snapKm, name);
            // A region taken whole has its area measured already.
            out[i] = clipped == s.region.geometry() ? s.region.areaKm2() : GeodesicArea.km2(clipped);
        }
        out[slots.size()] = GeodesicArea.km2(outside(held, snapKm, name));
        return out;
    }

    private Slot slotOf(Region r) {
        for (Slot s : slots) {
            if (s.region == r) {
                return s;
            }
        }
        throw new IllegalArgumentException("not a region of this overlay: " + r);
    }

    private Geometry clip(Slot s, PreparedGeometry heldPrepared, double snapKm, String name) {
        Geometry held = heldPrepared.getGeometry();
        if (held.isEmpty()) {
            return GF.createMultiPolygon();
        }
        Envelope he = held.getEnvelopeInternal();
        if (snapKm > 0) {
            // Gaps along the boundary may be filled even where the held territory stops short of it.
            Envelope grown = new Envelope(he);
            grown.expandBy(BoundarySnap.degreesFor(snapKm, he));
            if (!grown.intersects(s.envelope)) {
                return GF.createMultiPolygon();
            }
            Geometry exact = intersection(s, held, name);
            try {
                return BoundarySnap.snapToRegion(s.region.geometry(), held, exact, snapKm);
            } catch (RuntimeException e) {
                throw new InputException(name + ": --snap-km " + NumberText.plain(snapKm)
                        + ": cannot snap its polygons to the boundary of " + s.region + " (" + e.getMessage() + ")", e);
            }
        }
        if (!he.intersects(s.envelope) || !s.prepared.intersects(held)) {
            return GF.createMultiPolygon();
        }
        if (he.covers(s.envelope) && heldPrepared.covers(s.region.geometry())) {
            return s.region.geometry();
        }
        return intersection(s, held, name);
    }

    private static Geometry intersection(Slot s, Geometry held, String name) {
        if (!held.getEnvelopeInternal().intersects(s.envelope)) {
            return GF.createMultiPolygon();
        }
        try {
            return polygonal(OverlayNGRobust.overlay(s.region.geometry(), held, OverlayNG.INTERSECTION));
        } catch (RuntimeException e) {
            throw new InputException(name + ": cannot intersect its polygons with " + s.region + " ("
                    + e.getMessage() + ")", e);
        }
    }

    private Geometry outside(Geometry held, double snapKm, String name) {
        if (held.isEmpty() || allRegionsPrepared().containsProperly(held)) {
            return GF.createMultiPolygon();
        }
        Geometry out;
        try {
            out = polygonal(OverlayNGRobust.overlay(held, allRegions(), OverlayNG.DIFFERENCE));
        } catch (RuntimeException e) {
            throw new InputException(name + ": cannot subtract the regions from its polygons (" + e.getMessage()
                    + ")", e);
        }
        if (snapKm <= 0) {
            return out;
        }
        try {
            return BoundarySnap.trimAlongBoundary(out, allRegions(), snapKm);
        } catch (RuntimeException e) {
            throw new InputException(name + ": --snap-km " + NumberText.plain(snapKm)
                    + ": cannot snap its polygons outside every region to the regions' outline (" + e.getMessage()
                    + ")", e);
        }
    }

    /** Keeps the polygonal parts of an overlay result (intersections may add stray lines or points). */
    static Geometry polygonal(Geometry g) {
        if (g instanceof Polygonal || g.isEmpty()) {
            return g;
        }
        List<Geometry> polys = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry p = g.getGeometryN(i);
            if (p instanceof Polygonal && !p.isEmpty()) {
                polys.add(p);
            }
        }
        return polys.isEmpty() ? GF.createMultiPolygon() : GF.buildGeometry(polys);
    }

    private Allocation allocation(List<Measurement.RegionPart> parts, Map<Controller, Geometry> outside,
            MeasureOptions o) {
        List<RegionControl> rows = new ArrayList<>();
        for (Measurement.RegionPart p : parts) {
            Region r = p.region();
            double pct = Math.min(100, 100 * p.km2() / r.areaKm2());
            List<String> notes = new ArrayList<>();
            double km2 = p.km2();
            if (o.basis() == AreaBasis.OFFICIAL) {
                km2 = pct / 100 * r.officialAreaKm2();
                notes.add("official basis: measured " + NumberText.plain(round3(p.km2())) + " km² of the "
                        + NumberText.plain(round3(r.areaKm2())) + " km² boundary, scaled to the official "
                        + NumberText.plain(round3(r.officialAreaKm2())) + " km²");
            }
            if (p.controller() == Controller.RU && "RU".equals(r.country())) {
                notes.add("Russian territory: the RU-held polygon extends past the Natural Earth border "
                        + "(boundary mismatch, not occupation)");
            }
            if (o.snapKm() > 0) {
                notes.add("gaps and overlaps under " + NumberText.plain(o.snapKm())
                        + " km along region boundaries snapped to the boundary");
            }
            rows.add(new RegionControl(r, p.controller(), pct, km2, o.basis(), "measured",
                    String.join("; ", notes), null));
        }
        List<Allocation.OutsideArea> out = new ArrayList<>();
        outside.forEach((c, g) -> {
            double km2 = GeodesicArea.km2(g);
            if (km2 > 0) {
                out.add(new Allocation.OutsideArea(c, km2));
            }
        });
        return new Allocation(List.copyOf(rows), List.copyOf(out), o.basis(), o.date(), o.source(), true);
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
