package org.controlmap.control.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.controlmap.control.Allocation;
import org.controlmap.control.Controller;
import org.controlmap.control.NumberText;
import org.controlmap.control.RegionControl;
import org.controlmap.geodata.GeodesicArea;
import org.controlmap.region.AreaBasis;
import org.controlmap.region.Region;
import org.locationtech.jts.geom.Geometry;

/**
 * What a measurement says in words and rows: the {@link Allocation} a table shows (notes on the basis, on
 * ground nearest attribution moved in, on Russian ground) and the one-line warnings about ground it left
 * outside every region or moved in from far away. {@link ControlOverlay} measures; this writes it up.
 */
final class MeasuredAllocation {

    private MeasuredAllocation() {
    }

    /**
     * The warning for held ground that nearest attribution left outside every region (more than
     * {@code limitKm} from Ukraine), when it amounts to half a km² or more (what a table shows as a figure);
     * empty otherwise.
     */
    public static Optional<String> beyondLimit(String name, double outsideKm2, double limitKm) {
        if (outsideKm2 < 0.5) {
            return Optional.empty();
        }
        return Optional.of(name + ": " + NumberText.grouped(Math.round(outsideKm2)) + " km² of its polygons"
                + " lie farther than " + NumberText.plain(limitKm) + " km from every Ukrainian region and stay in"
                + " the 'outside' row (--nearest-limit-km sets the limit)");
    }

    /**
     * Share of the held km² that nearest attribution may move in from beyond the boundaries before it is
     * more than a boundary mismatch: DeepStateMap's polygons move 1.5–1.7 %; a polygon that also marks
     * ground in Russia or the sea moves far more.
     */
    static final double MOVED_WARN_SHARE = 0.05;

    /**
     * The warning for a polygon whose ground beyond every boundary is more than a mismatch of drawings
     * ({@link #MOVED_WARN_SHARE} of what was booked); empty otherwise.
     */
    public static Optional<String> tooMuchMoved(String name, double movedKm2, double bookedKm2) {
        if (!(bookedKm2 > 0) || movedKm2 <= MOVED_WARN_SHARE * bookedKm2) {
            return Optional.empty();
        }
        return Optional.of(name + ": " + NumberText.grouped(Math.round(movedKm2)) + " km² ("
                + Math.round(100 * movedKm2 / bookedKm2) + "% of the total) lie beyond the regions' boundaries and"
                + " were booked to the nearest region, more than two drawings of one border differ by; if the"
                + " polygons also mark ground outside Ukraine, use --attribution clip");
    }

    /**
     * The table rows of measured parts: each part's share and km² on the basis asked (official basis: the
     * share applied to the official area, said in the note), with notes on ground booked by nearest
     * attribution and on Russian ground; the km² each side holds outside every region.
     */
    static Allocation of(List<Measurement.RegionPart> parts, Map<Controller, Geometry> outside, MeasureOptions o,
            Double frontKm) {
        List<RegionControl> rows = new ArrayList<>();
        for (Measurement.RegionPart p : parts) {
            Region r = p.region();
            double pct = p.pct();
            List<String> notes = new ArrayList<>();
            double km2 = p.km2();
            boolean booked = ControlOverlay.nearest(p.controller(), o);
            if (o.basis() == AreaBasis.OFFICIAL) {
                km2 = pct / 100 * r.officialAreaKm2();
                notes.add("official basis: measured " + NumberText.plain(round3(p.km2())) + " km² against the "
                        + NumberText.plain(round3(r.areaKm2())) + " km² boundary, share applied to the official "
                        + NumberText.plain(round3(r.officialAreaKm2())) + " km²");
            }
            if (booked && p.mismatchKm2() > 0) {
                notes.add(mismatchNote(p));
            }
            if (p.controller() == Controller.RU && "RU".equals(r.country())) {
                notes.add("Russian territory: the RU-held polygon extends past the Natural Earth border "
                        + "(boundary mismatch, not occupation)");
            }
            rows.add(new RegionControl(r, p.controller(), pct, km2, o.basis(), "measured", String.join("; ", notes),
                    null, booked ? p.mismatchKm2() : null));
        }
        List<Allocation.OutsideArea> out = new ArrayList<>();
        outside.forEach((c, g) -> {
            double km2 = GeodesicArea.km2(g);
            if (km2 > 0) {
                out.add(new Allocation.OutsideArea(c, km2));
            }
        });
        return new Allocation(List.copyOf(rows), List.copyOf(out), o.basis(), o.date(), o.source(), true,
                o.attribution(), frontKm);
    }

    /** "412.3 km² of the polygon beyond the boundary booked here; 31.0 km² of coast and border gaps counted held". */
    static String mismatchNote(Measurement.RegionPart p) {
        List<String> s = new ArrayList<>();
        if (p.movedKm2() > 0) {
            s.add(NumberText.plain(round1(p.movedKm2())) + " km² of the polygon beyond the boundary (sea, coast or"
                    + " across the border) booked here as the nearest region");
        }
        if (p.filledKm2() > 0) {
            s.add(NumberText.plain(round1(p.filledKm2())) + " km² of thin coast or border strips the polygon leaves"
                    + " out counted as held");
        }
        return String.join("; ", s);
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
