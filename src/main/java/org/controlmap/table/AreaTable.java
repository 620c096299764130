package org.controlmap.table;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.controlmap.control.Allocation;
import org.controlmap.control.Attribution;
import org.controlmap.control.NumberText;
import org.controlmap.control.ControlStatement;
import org.controlmap.control.Controller;
import org.controlmap.control.RegionControl;
import org.controlmap.region.AreaBasis;
import org.controlmap.region.Region;
import org.controlmap.region.RegionCatalogue;

/**
 * The km² table: one row per region in the catalogue (held or not), rows for
 * control polygons that fall outside every region, and a total row for Ukraine
 * ({@code iso_3166_2} = {@code UA}). All areas are km²: {@code areaKm2} is the
 * geodesic area of the boundary on WGS84; {@code officialAreaKm2} the
 * statistics office's; the controlled share is of the area on {@link #basis()}.
 *
 * @param title   caption headline
 * @param date    the date the figures describe, or null
 * @param source  credit for the control figures
 * @param basis   what percentages are shares of
 * @param rows    region rows in catalogue order, then "outside" rows
 * @param total   the Ukraine total row
 * @param notes   sentences a reader needs to cite the table correctly
 * @param frontKm measured: length of the front of Russian-held ground, km (FrontLine); NaN otherwise
 * @param mismatch whether rows carry reattributed ground ({@link Row#mismatchKm2()}): measured with nearest
 *                attribution
 */
public record AreaTable(String title, LocalDate date, String source, AreaBasis basis, List<Row> rows, Row total,
        List<String> notes, boolean mismatch, boolean measured, double frontKm) {

    /**
     * One line of the table.
     *
     * @param iso             ISO 3166-2 code, "UA" for the total, "outside" for control outside every region
     * @param name            English name
     * @param areaKm2         geodesic area of the geometry, km²; NaN for "outside"
     * @param officialAreaKm2 official area, km²; NaN for "outside"
     * @param controller      who holds the controlled part, or null when nobody does
     * @param controlledPct   share of the area on the table's basis, percent; NaN for "outside"
     * @param controlledKm2   controlled area, km²
     * @param figure          the figure as the source gave it, or ""
     * @param note            why the number is what it is, or ""
     * @param mismatchKm2     ground reattributed to the row (nearest attribution), km²; NaN when none applies
     */
    public record Row(String iso, String name, double areaKm2, double officialAreaKm2, Controller controller,
            double controlledPct, double controlledKm2, String figure, String note, double mismatchKm2) {
    }

    /** Builds the table for an allocation; {@code totals} are the report's headline figures, quoted in the notes. */
    public static AreaTable of(Allocation allocation, RegionCatalogue catalogue, List<ControlStatement> totals) {
        AreaBasis basis = allocation.basis();
        List<Row> rows = new ArrayList<>();
        double heldInUkraine = 0;
        double geometryUkraine = 0;
        double mismatchInUkraine = 0;
        boolean mismatch = allocation.measured() && allocation.attribution() == Attribution.NEAREST;
        for (Region r : catalogue.regions()) {
            RegionControl c = allocation.of(r.iso()).orElse(null);
            if (r.country().equals("UA")) {
                geometryUkraine += r.areaKm2();
                if (c != null && c.controller() == Controller.RU) {
                    heldInUkraine += c.controlledKm2();
                    mismatchInUkraine += c.mismatchKm2() == null ? 0 : c.mismatchKm2();
                }
            }
            double none = mismatch ? 0 : Double.NaN;
            rows.add(c == null
                    ? new Row(r.iso(), r.nameEn(), r.areaKm2(), r.officialAreaKm2(), null, 0, 0, "", "", none)
                    : new Row(r.iso(), r.nameEn(), r.areaKm2(), r.officialAreaKm2(), c.controller(),
                            c.controlledPct(), c.controlledKm2(), c.figure(), c.note(),
                            c.mismatchKm2() == null ? none : c.mismatchKm2()));
        }
        for (Allocation.OutsideArea o : allocation.outside()) {
            rows.add(new Row("outside", "outside every region", Double.NaN, Double.NaN, o.controller(), Double.NaN,
                    o.km2(), "", mismatch
                            ? "control polygons farther than the limit from every Ukrainian region"
                            : "control polygons beyond the bundled boundaries (e.g. sea, or a border drawn "
                                    + "differently)", Double.NaN));
        }
        // Measured data: Ukraine's share is of its official area, as DeepStateMap publishes it.
        double ukraineArea = basis == AreaBasis.OFFICIAL || allocation.measured() ? catalogue.ukraineOfficialKm2()
                : geometryUkraine;
        Row total = new Row("UA", "Ukraine (27 units)", geometryUkraine, catalogue.ukraineOfficialKm2(),
                Controller.RU, 100 * heldInUkraine / ukraineArea, heldInUkraine, "",
                "sum of the Ukrainian rows held by Russia" + (allocation.measured()
                        ? "; percent of the official " + NumberText.grouped(Math.round(ukraineArea)) + " km²" : ""),
                mismatch ? mismatchInUkraine : Double.NaN);
        List<String> notes = new ArrayList<>();
        notes.add("area_km2 is the geodesic area of the Natural Earth boundary on the WGS84 ellipsoid; "
                + "official_area_km2 is the statistics office's figure (State Statistics Service of Ukraine; "
                + "Rosstat).");
        notes.add(allocation.measured()
                ? "Controlled km² are measured: geodesic area of each region intersected with the control polygons"
                        + (basis == AreaBasis.OFFICIAL ? ", rescaled to the official area." : ".")
                        + (mismatch ? " Attribution 'nearest': ground of the polygons beyond the boundaries (sea, "
                                + "coast, across the border) is booked to the nearest Ukrainian region, and thin "
                                + "coast and border strips the polygons leave out count as held; mismatch_km2 "
                                + "shows both per row, and a region's share is its held km² over held plus "
                                + "unheld ground. Use --attribution clip for the strict intersection." : "")
                : "Controlled km² restate the source's figures on the " + basis.label() + " area of each region; "
                        + "a qualified figure (more than, less than, about) is used as it stands.");
        for (ControlStatement t : totals) {
            notes.add("The source's own total: " + t.controller().countryName() + " holds " + t.figureText()
                    + " of " + t.regionText() + (t.quote().isEmpty() ? "" : " (\"" + t.quote() + "\")")
                    + "; `controlmap check` tests it against the rows.");
        }
        String title = allocation.measured()
                ? "Controlled territory by region, measured from control polygons"
                : "Territory held by region, as reported";
        double frontKm = allocation.frontKm() == null ? Double.NaN : allocation.frontKm();
        if (!Double.isNaN(frontKm)) {
            notes.add("front_km (Ukraine row): " + NumberText.grouped(Math.round(frontKm)) + " km, the length of the "
                    + "held ground's boundary where it faces free Ukrainian ground (not the coast or the state "
                    + "border), geodesic on WGS84, simplified at 500 m (docs/front-line.md).");
        }
        return new AreaTable(title, allocation.date(), allocation.source(), basis, List.copyOf(rows), total,
                List.copyOf(notes), mismatch, allocation.measured(), frontKm);
    }

    /**
     * Caption line: title, date, source and basis, for Markdown and HTML. A missing date is said, never
     * left out: the command line warns about it in the same words.
     */
    public String caption() {
        return title + (date == null ? " (no date in the data)" : " (as of " + date + ")") + ". Source: " + source + ". " + convention();
    }

    /** One sentence saying what the percentages are shares of. */
    public String convention() {
        String regions = basis == AreaBasis.OFFICIAL ? "official areas" : "geodesic areas of the boundaries";
        return measured
                ? "Region percentages are shares of " + regions + "; Ukraine's is of its official 603,628 km², as "
                        + "DeepStateMap publishes it."
                : "Percentages are shares of " + regions + ".";
    }
}
