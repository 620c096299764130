package org.controlmap.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.controlmap.control.Attribution;
import org.controlmap.control.NumberText;
import org.controlmap.control.measure.ControlSeries;

/**
 * The columns of a {@link ControlSeries} for {@link TableFormat}, one row per
 * date and region: {@code date,iso_3166_2,controlled_km2,controlled_pct,mismatch_km2,front_km}
 * (km² to 3 decimals, percent to 2; percent empty on {@code outside} rows,
 * mismatch empty under clip, front_km only on {@code UA} rows and with
 * {@code --front}, and left out of JSON rows that have none). JSON starts
 * with what the rows were measured from.
 */
public final class SeriesTable {
    private SeriesTable() {
    }

    /** The table to write. */
    public static Table<ControlSeries.Row> table(ControlSeries series) {
        boolean nearest = series.attribution() == Attribution.NEAREST;
        List<Column<ControlSeries.Row>> cols = new ArrayList<>();
        cols.add(Column.text("date", "Date", r -> r.date().toString()));
        cols.add(Column.text("iso_3166_2", "ISO", ControlSeries.Row::iso));
        cols.add(Column.number("controlled_km2", "Held km²", 3, ControlSeries.Row::km2, 0));
        cols.add(Column.number("controlled_pct", "Share", 2, r -> r.pct() == null ? Double.NaN : r.pct(),
                r -> r.pct() == null ? "" : Column.grouped(r.pct(), 1) + "%"));
        cols.add(Column.number("mismatch_km2", nearest ? "Mismatch km²" : null, 3,
                r -> r.mismatchKm2() == null ? Double.NaN : r.mismatchKm2(), 0));
        cols.add(Column.<ControlSeries.Row>number("front_km", "Front km", 3, r -> r.frontKm() == null ? Double.NaN : r.frontKm(), 0)
                .omittedWhenNull());
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("source", series.source());
        about.put("controller", series.controller().name());
        about.put("basis", series.basis().label());
        about.put("attribution", series.attribution().label());
        about.put("area", "geodesic on WGS84 (GeographicLib), of region ∩ held polygons"
                + (nearest ? ", plus held ground outside every region booked to the nearest (mismatch_km2)" : ""));
        about.put("ukraine_pct", "share of Ukraine's official area, "
                + NumberText.grouped(Math.round(series.overlay().ukraineOfficialKm2())) + " km²");
        String caption = "Territory held by " + series.controller().countryName() + ", by date and region, measured "
                + "from control polygons. Source: " + series.source() + ". Region percentages are shares of "
                + (series.basis() == org.controlmap.region.AreaBasis.OFFICIAL ? "official areas" : "geodesic areas of the boundaries") + "; Ukraine's (UA) is of its official area.";
        return new Table<>(caption, about, cols, series.rows(), null, List.of(), "series");
    }
}
