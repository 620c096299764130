package org.controlmap.control.measure;

import org.controlmap.geodata.Polygons;
import java.util.ArrayList;
import java.util.List;
import org.controlmap.control.Controller;
import org.controlmap.InputException;
import org.controlmap.region.Region;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Territory that changed hands between two snapshots of one side's held
 * territory: gained (held in the later snapshot, not in the earlier) and lost
 * (held earlier, not later), per region, in geodesic km² on WGS84. Gained is
 * B − A and lost is A − B, computed with OverlayNG, so the gains from A to B
 * are the losses from B to A by construction, and per region
 * gained − lost = held(B) − held(A) up to round-off.
 *
 * @param controller whose territory is compared (RU: gains are Russian advances, losses Ukrainian recoveries)
 * @param from       the earlier snapshot
 * @param to         the later snapshot
 * @param gained     B − A, lon/lat
 * @param lost       A − B, lon/lat
 * @param later      the later held territory (what the change map draws under the changes)
 * @param rows       per region with any change (catalogue order), then {@code UA} (total of Ukraine's units,
 *                   always present), then {@code outside} when not zero
 * @param fromFrontKm length of the earlier front of Russian-held ground ({@link FrontLine}), km; NaN when the
 *                   side compared is Ukraine
 * @param toFrontKm  the same for the later snapshot
 */
public record ControlChange(Controller controller, String from, String to, Geometry gained, Geometry lost,
        Geometry later, List<Row> rows, double fromFrontKm, double toFrontKm) {

    /**
     * One region's change.
     *
     * @param iso       ISO 3166-2 code, {@code UA} for the total of Ukraine, or {@code outside}
     * @param name      English name ("Ukraine", "outside every region" for the special rows)
     * @param gainedKm2 km² held in the later snapshot only
     * @param lostKm2   km² held in the earlier snapshot only
     */
    public record Row(String iso, String name, double gainedKm2, double lostKm2) {
        /** Gained minus lost, km². */
        public double netKm2() {
            return gainedKm2 - lostKm2;
        }
    }

    /** Compares one side's territory in two snapshots, region by region. */
    public static ControlChange between(ControlOverlay overlay, ControlPolygons a, ControlPolygons b,
            Controller controller, MeasureOptions options) {
        Geometry ha = a.held(controller);
        Geometry hb = b.held(controller);
        Geometry gained = difference(hb, ha, b.name(), a.name());
        Geometry lost = difference(ha, hb, a.name(), b.name());
        Booking bg = overlay.book(gained, controller, options, false, b.name() + " − " + a.name());
        Booking bl = overlay.book(lost, controller, options, false, a.name() + " − " + b.name());
        double[] g = withOutside(bg);
        double[] l = withOutside(bl);
        List<Region> regions = overlay.regions();
        List<Row> rows = new ArrayList<>();
        double ug = 0;
        double ul = 0;
        for (int i = 0; i < regions.size(); i++) {
            Region r = regions.get(i);
            if ("UA".equals(r.country())) {
                ug += g[i];
                ul += l[i];
            }
            if (Math.round(g[i] * 1000) > 0 || Math.round(l[i] * 1000) > 0) {
                rows.add(new Row(r.iso(), r.nameEn(), g[i], l[i]));
            }
        }
        rows.add(new Row("UA", "Ukraine", ug, ul));
        int o = regions.size();
        if (Math.round(g[o] * 1000) > 0 || Math.round(l[o] * 1000) > 0) {
            rows.add(new Row("outside", "outside every region", g[o], l[o]));
        }
        double fa = Double.NaN;
        double fb = Double.NaN;
        if (controller == Controller.RU) {
            fa = FrontLine.km(overlay.front(ha, PreparedGeometryFactory.prepare(ha), a.name()));
            fb = FrontLine.km(overlay.front(hb, PreparedGeometryFactory.prepare(hb), b.name()));
        }
        return new ControlChange(controller, a.name(), b.name(), gained, lost, hb, List.copyOf(rows), fa, fb);
    }

    /**
     * This change with a row per district of {@code districts} that gained or lost ground, after its region's
     * row (file order): the gained and lost ground clipped to each district's counted part, as
     * {@link DistrictOverlay} measures it. The region rows and the total stay as they are.
     */
    public ControlChange withDistricts(DistrictOverlay districts) {
        double[] g = districts.km2(gained, to + " − " + from);
        double[] l = districts.km2(lost, from + " − " + to);
        List<org.controlmap.region.UserRegions.District> ds = districts.districts().districts();
        List<Row> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(r);
            for (int k = 0; k < ds.size(); k++) {
                org.controlmap.region.UserRegions.District d = ds.get(k);
                if (d.parent().iso().equals(r.iso()) && (Math.round(g[k] * 1000) > 0 || Math.round(l[k] * 1000) > 0)) {
                    out.add(new Row(d.id(), d.name(), g[k], l[k]));
                }
            }
        }
        return new ControlChange(controller, from, to, gained, lost, later, List.copyOf(out), fromFrontKm,
                toFrontKm);
    }

    /** Held km² per region (inside plus moved to it), then outside every region. */
    private static double[] withOutside(Booking b) {
        double[] out = new double[b.inside().length + 1];
        for (int i = 0; i < b.inside().length; i++) {
            out[i] = b.heldKm2(i);
        }
        out[out.length - 1] = b.outside();
        return out;
    }

    private static Geometry difference(Geometry x, Geometry y, String nx, String ny) {
        try {
            return Polygons.polygonal(OverlayNGRobust.overlay(x, y, OverlayNG.DIFFERENCE));
        } catch (RuntimeException e) {
            throw new InputException(nx + ": cannot compare its polygons with " + ny + " (" + e.getMessage() + ")",
                    e);
        }
    }
}
