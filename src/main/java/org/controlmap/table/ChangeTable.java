package org.controlmap.table;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.controlmap.control.Controller;
import org.controlmap.control.NumberText;
import org.controlmap.control.measure.ControlChange;

/**
 * The columns of a {@link ControlChange} for {@link TableFormat}. Columns
 * name the sides: for RU,
 * {@code iso_3166_2,region,gained_by_ru_km2,regained_by_ua_km2,net_ru_km2,front_km_from,front_km_to}
 * (km² to 3 decimals; the front's lengths on the {@code UA} row only).
 * Readers get a caption with the dates and the source, the sides by country
 * and the front's lengths in a note; JSON starts with the two snapshots named
 * and dated.
 */
public final class ChangeTable {
    private ChangeTable() {
    }

    /**
     * What the two snapshots describe, for captions.
     *
     * @param from   the earlier snapshot's date, or null when unknown
     * @param to     the later snapshot's date, or null when unknown
     * @param source credit for the snapshots, or null
     */
    public record Dating(LocalDate from, LocalDate to, String source) {
        /** Neither dates nor credit. */
        public static final Dating UNKNOWN = new Dating(null, null, null);
    }

    /** The table to write. */
    public static Table<ControlChange.Row> table(ControlChange change, Dating dating) {
        Controller other = change.controller() == Controller.RU ? Controller.UA : Controller.RU;
        String side = change.controller().name().toLowerCase(Locale.ROOT);
        String held = change.controller().countryName();
        boolean front = !Double.isNaN(change.toFrontKm());
        List<Column<ControlChange.Row>> cols = new ArrayList<>();
        cols.add(Column.text("iso_3166_2", "ISO 3166-2", ControlChange.Row::iso));
        cols.add(Column.text("region", "Region", ControlChange.Row::name));
        cols.add(Column.number("gained_by_" + side + "_km2", "Gained by " + held, 3, ControlChange.Row::gainedKm2, 1));
        cols.add(Column.number("regained_by_" + other.name().toLowerCase(Locale.ROOT) + "_km2",
                "Regained by " + other.countryName(), 3, ControlChange.Row::lostKm2, 1));
        cols.add(Column.number("net_" + side + "_km2", "Net for " + held, 3, ControlChange.Row::netKm2, 1));
        cols.add(Column.<ControlChange.Row>number("front_km_from", null, 3, r -> front && r.iso().equals("UA") ? change.fromFrontKm()
                : Double.NaN, 0).omittedWhenNull());
        cols.add(Column.<ControlChange.Row>number("front_km_to", null, 3, r -> front && r.iso().equals("UA") ? change.toFrontKm()
                : Double.NaN, 0).omittedWhenNull());
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("from", change.from());
        about.put("to", change.to());
        about.put("from_date", dating.from() == null ? null : dating.from().toString());
        about.put("to_date", dating.to() == null ? null : dating.to().toString());
        about.put("source", dating.source());
        about.put("controller", change.controller().name());
        about.put("area", "geodesic on WGS84 (GeographicLib)");
        List<String> notes = new ArrayList<>();
        if (front) {
            Map<String, Object> km = new LinkedHashMap<>();
            km.put("from", Column.fixed(change.fromFrontKm(), 3));
            km.put("to", Column.fixed(change.toFrontKm(), 3));
            about.put("front_km", km);
            notes.add("Front line: " + NumberText.grouped(change.fromFrontKm(), 0) + " km → "
                    + NumberText.grouped(change.toFrontKm(), 0) + " km (geodesic, simplified at 500 m; "
                    + "docs/front-line.md)");
        }
        String caption = "Territory held by " + held + ": " + when(dating.from(), change.from()) + " → "
                + when(dating.to(), change.to()) + " (km², geodesic on WGS84)"
                + (dating.source() == null ? "" : ". Source: " + dating.source());
        return new Table<>(caption, about, cols, change.rows(), null, notes, "changes");
    }

    /** A snapshot in the caption: its date, or its name and that it has none. */
    private static String when(LocalDate date, String name) {
        return date != null ? date.toString() : name + " (no date in the data)";
    }
}
