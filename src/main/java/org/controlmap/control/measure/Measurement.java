package org.controlmap.control.measure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.controlmap.control.Allocation;
import org.controlmap.control.Controller;
import org.controlmap.region.Region;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Control polygons measured against the regions: the figures for tables
 * ({@link #allocation()}) and the clipped shapes for maps and change maps.
 *
 * @param allocation per-region control (measured, basis as asked) and the km² outside every region
 * @param parts      each region a side holds part of, with the exact km² (geodesic, WGS84) and the shape
 *                   of region ∩ held territory (after boundary snapping when asked), in catalogue order
 *                   then RU before UA
 * @param outside    per side, the held territory that lies in no region (empty geometry when none)
 * @param front      the front of Russian-held territory ({@link FrontLine}), lon/lat lines, as drawn; empty
 *                   when none is held
 */
public record Measurement(Allocation allocation, List<RegionPart> parts, Map<Controller, Geometry> outside,
        Geometry front) {

    private static final GeometryFactory GF = new GeometryFactory();

    /**
     * One region's held part.
     *
     * @param region     the region
     * @param controller who holds it
     * @param insideKm2  geodesic area on WGS84 of region ∩ held territory, km²
     * @param movedKm2   held ground outside every region booked to this one (nearest attribution), km²
     * @param filledKm2  ground of the region along the coast or state border that the polygon leaves out,
     *                   counted as held (nearest attribution), km²
     * @param shape      what is drawn as held ({@link #clipped()}), built on first use
     */
    public record RegionPart(Region region, Controller controller, double insideKm2, double movedKm2,
            double filledKm2, Supplier<Geometry> shape) {

        public RegionPart {
            shape = new Once<>(shape);
        }

        /** A part whose shape is already built. */
        public RegionPart(Region region, Controller controller, double insideKm2, double movedKm2,
                double filledKm2, Geometry clipped) {
            this(region, controller, insideKm2, movedKm2, filledKm2, () -> clipped);
        }

        /**
         * What is drawn as held: region ∩ held territory, with the filled ground, longitude/latitude
         * degrees. Built on the first call, not when measuring: a table never asks for it, and for a
         * snapshot of millions of vertices the union of a region's part with its coast-gap fills is a
         * third of the run (bench/large).
         */
        public Geometry clipped() {
            return shape.get();
        }

        /** Held km² booked to the region: inside it plus moved to it. */
        public double km2() {
            return insideKm2 + movedKm2;
        }

        /** Ground reattributed to the region, km²: moved in plus filled. */
        public double mismatchKm2() {
            return movedKm2 + filledKm2;
        }

        /** Share held, percent (see {@link Booking#pct}). */
        public double pct() {
            return Booking.pct(insideKm2, movedKm2, filledKm2, region.areaKm2());
        }
    }

    /** Held part of each region by ISO code, catalogue order; regions the side does not touch are absent. */
    public Map<String, Geometry> clipped(Controller controller) {
        Map<String, Geometry> m = new LinkedHashMap<>();
        for (RegionPart p : parts) {
            if (p.controller() == controller) {
                m.put(p.region().iso(), p.clipped());
            }
        }
        return m;
    }

    /** Measured km² a side holds of a region (0 when none). */
    public double km2(String iso, Controller controller) {
        for (RegionPart p : parts) {
            if (p.controller() == controller && p.region().iso().equals(iso)) {
                return p.km2();
            }
        }
        return 0;
    }

    /** Measured km² a side holds of the 27 units of Ukraine. */
    public double ukraineKm2(Controller controller) {
        double sum = 0;
        for (RegionPart p : parts) {
            if (p.controller() == controller && "UA".equals(p.region().country())) {
                sum += p.km2();
            }
        }
        return sum;
    }

    /** Held territory outside every region, km² (0 when none). */
    public double outsideKm2(Controller controller) {
        return allocation.outside().stream().filter(o -> o.controller() == controller)
                .mapToDouble(Allocation.OutsideArea::km2).sum();
    }

    /** Held territory outside every region, as a shape (empty when none). */
    public Geometry outsideShape(Controller controller) {
        Geometry g = outside.get(controller);
        return g == null ? GF.createMultiPolygon() : g;
    }

    /** A supplier asked at most once; the first caller builds, later ones (any thread) get the same value. */
    private static final class Once<T> implements Supplier<T> {
        private Supplier<T> build;
        private T value;

        Once(Supplier<T> build) {
            this.build = build;
        }

        @Override
        public synchronized T get() {
            if (build != null) {
                value = build.get();
                build = null;
            }
            return value;
        }
    }
}
