package org.controlmap.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of the km² table ({@link AreaTable}) for {@link TableFormat}
 * and the GIS outputs ({@link HeldGround}): machines get
 * {@code iso_3166_2,name,area_km2,official_area_km2,basis,controller,controlled_pct,controlled_km2,
 * mismatch_km2,front_km,figure,note} (km² to three decimals, percent to two);
 * readers get the region first, whole km², one-decimal shares, the side by
 * its country's name, and the mismatch column only when the table has one.
 */
public final class AreaColumns {
    private AreaColumns() {
    }

    /** Machine names of the columns, in order: the CSV header and the GIS attributes. */
    public static final List<String> KEYS = List.of("iso_3166_2", "name", "area_km2", "official_area_km2", "basis",
            "controller", "controlled_pct", "controlled_km2", "mismatch_km2", "front_km", "figure", "note");

    /** The table to write. */
    public static Table<AreaTable.Row> table(AreaTable t) {
        List<Column<AreaTable.Row>> cols = new ArrayList<>();
        cols.add(Column.text("iso_3166_2", "ISO", AreaTable.Row::iso));
        cols.add(Column.text("name", "Region", AreaTable.Row::name));
        cols.add(Column.number("area_km2", "Area km² (boundary)", 3, AreaTable.Row::areaKm2, 0));
        cols.add(Column.number("official_area_km2", "Official km²", 3, AreaTable.Row::officialAreaKm2, 0));
        cols.add(Column.text("basis", null, r -> t.basis().label()));
        cols.add(new Column<>("controller", "Held by", false, false,
                r -> r.controller() == null ? null : r.controller().name(),
                r -> r.controller() == null ? "" : r.controller().countryName()));
        cols.add(Column.number("controlled_pct", "Share", 2, AreaTable.Row::controlledPct, AreaColumns::share));
        cols.add(Column.number("controlled_km2", "Held km²", 3, AreaTable.Row::controlledKm2, AreaColumns::held));
        cols.add(Column.number("mismatch_km2", t.mismatch() ? "Mismatch km²" : null, 3, AreaTable.Row::mismatchKm2,
                AreaColumns::mismatch));
        cols.add(Column.number("front_km", null, 3, r -> r == t.total() ? t.frontKm() : Double.NaN, 0));
        cols.add(Column.text("figure", "Figure in source", AreaTable.Row::figure));
        cols.add(Column.text("note", "Note", AreaTable.Row::note));
        List<AreaTable.Row> rows = new ArrayList<>(t.rows());
        rows.add(t.total());
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("title", t.title());
        about.put("date", t.date() == null ? null : t.date().toString());
        about.put("source", t.source());
        about.put("basis", t.basis().label());
        if (!cols.stream().map(Column::key).toList().equals(KEYS)) {
            throw new IllegalStateException("columns out of step with AreaColumns.KEYS");
        }
        return new Table<>(t.caption(), about, cols, rows, t.total(), t.notes(), "areas",
                List.of("name", "iso_3166_2", "area_km2", "official_area_km2", "controller", "controlled_pct",
                        "controlled_km2", "mismatch_km2", "figure", "note"));
    }

    /** A row's share as the Markdown and HTML tables write it ("80.0%", "<0.1%", "–" when nobody holds it). */
    public static String share(AreaTable.Row r) {
        if (Double.isNaN(r.controlledPct())) {
            return "";
        }
        if (r.controller() == null) {
            return "–";
        }
        // One decimal, but never let a real share print as 0.0%.
        return r.controlledPct() > 0 && r.controlledPct() < 0.05 ? "<0.1%" : Column.grouped(r.controlledPct(), 1) + "%";
    }

    /** A row's held km² as the Markdown and HTML tables write it ("21,347", "<1", "–" when nobody holds it). */
    public static String held(AreaTable.Row r) {
        if (r.controller() == null) {
            return "–";
        }
        return r.controlledKm2() > 0 && r.controlledKm2() < 0.5 ? "<1" : Column.grouped(r.controlledKm2(), 0);
    }

    private static String mismatch(AreaTable.Row r) {
        if (Double.isNaN(r.mismatchKm2()) || r.mismatchKm2() == 0) {
            return Double.isNaN(r.mismatchKm2()) ? "" : "–";
        }
        return r.mismatchKm2() < 0.5 ? "<1" : Column.grouped(r.mismatchKm2(), 0);
    }
}
