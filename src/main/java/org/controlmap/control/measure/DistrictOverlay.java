package org.controlmap.control.measure;

import org.controlmap.control.Controller;

import java.util.Map;

import java.util.ArrayList;
import java.util.List;
import org.controlmap.geodata.GeodesicArea;
import org.controlmap.InputException;
import org.controlmap.geodata.Polygons;
import org.controlmap.region.UserRegions;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Measures held ground against the user's districts ({@link UserRegions}): per district, the geodesic km² on
 * WGS84 ({@link GeodesicArea}) of its counted part ∩ held ground. Districts are always clipped, whatever the
 * attribution: ground that nearest attribution moves in from beyond the boundaries, or coast and border gaps
 * it counts as held, stay on the parent region's row (its {@code mismatch_km2}), as does held ground in the
 * parent that no district covers. So a parent's districts add up to at most its row, never more.
 *
 * <p>One file ({@link #km2(Geometry, String)}) goes through prepared districts, as {@link ControlOverlay}
 * does for regions; a series ({@link #km2(Geometry, CellMeter.Batch, String)}) through a {@link CellMeter}
 * over the counted parts, so a few hundred districts cost about what the bundled regions do per snapshot.
 * Thread-safe.
 */
public final class DistrictOverlay {
    private final UserRegions districts;
    private final List<Geometry> parts;
    private final List<Envelope> envelopes = new ArrayList<>();
    private final List<PreparedGeometry> prepared = new ArrayList<>();
    private volatile CellMeter cells;

    public DistrictOverlay(UserRegions districts) {
        this.districts = districts;
        this.parts = districts.countedParts();
        for (Geometry g : parts) {
            envelopes.add(g.getEnvelopeInternal());
            prepared.add(PreparedGeometryFactory.prepare(g));
        }
    }

    /** The districts, in file order: the order of every array this returns. */
    public UserRegions districts() {
        return districts;
    }

    /** Held km² per district (counted part ∩ held), geodesic. */
    public double[] km2(Geometry held, String name) {
        double[] out = new double[parts.size()];
        if (held.isEmpty()) {
            return out;
        }
        PreparedGeometry heldPrepared = PreparedGeometryFactory.prepare(held);
        Envelope he = held.getEnvelopeInternal();
        for (int i = 0; i < parts.size(); i++) {
            Geometry d = parts.get(i);
            if (d.isEmpty() || !he.intersects(envelopes.get(i)) || !prepared.get(i).intersects(held)) {
                continue;
            }
            UserRegions.District district = districts.districts().get(i);
            if (he.covers(envelopes.get(i)) && heldPrepared.covers(d)) {
                out[i] = district.countedKm2();
                continue;
            }
            try {
                out[i] = GeodesicArea.km2(Polygons.polygonal(OverlayNGRobust.overlay(d, held,
                        OverlayNG.INTERSECTION)));
            } catch (RuntimeException e) {
                throw new InputException(name + ": cannot intersect its polygons with district '" + district.id()
                        + "' (" + e.getMessage() + ")", e);
            }
        }
        return out;
    }

    /**
     * The held ground of district {@code i}: its counted part ∩ {@code held}, lon/lat, polygonal (empty when
     * it holds none). Its geodesic area is what {@link #km2(Geometry, String)} gives for it; for GIS outputs.
     */
    public Geometry shape(int i, Geometry held, String name) {
        Geometry d = parts.get(i);
        if (d.isEmpty() || held.isEmpty() || !held.getEnvelopeInternal().intersects(envelopes.get(i))
                || !prepared.get(i).intersects(held)) {
            return d.getFactory().createMultiPolygon();
        }
        try {
            return Polygons.polygonal(OverlayNGRobust.overlay(d, held, OverlayNG.INTERSECTION));
        } catch (RuntimeException e) {
            throw new InputException(name + ": cannot intersect its polygons with district '"
                    + districts.districts().get(i).id() + "' (" + e.getMessage() + ")", e);
        }
    }

    /** As {@link #km2(Geometry, String)}, with cells remembered across the snapshots of a batch. */
    double[] km2(Geometry held, CellMeter.Batch batch, String name) {
        double[] all = cells().km2(held, batch, name);
        return java.util.Arrays.copyOf(all, parts.size());
    }

    private CellMeter cells() {
        CellMeter c = cells;
        if (c == null) {
            synchronized (this) {
                if (cells == null) {
                    cells = new CellMeter(parts);
                }
                c = cells;
            }
        }
        return c;
    }

    /**
     * Who holds most of district {@code i}, and how much, from held km² per side (indexed like the
     * districts); a null side and 0 km² when nobody holds any of it.
     */
    public record Holding(Controller side, double km2) {
        public static Holding largest(Map<Controller, double[]> held, int i) {
            Controller side = null;
            double km2 = 0;
            for (Map.Entry<Controller, double[]> e : held.entrySet()) {
                if (e.getValue()[i] > km2) {
                    side = e.getKey();
                    km2 = e.getValue()[i];
                }
            }
            return new Holding(side, km2);
        }
    }
}
