package org.controlmap.table;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.controlmap.control.measure.ControlSeries;
import org.controlmap.region.Region;

/**
 * A {@link ControlSeries} as one row per date, for charting tools and
 * spreadsheets (Datawrapper, Flourish, Excel) that want a column per line:
 * {@code date}, then one column per region held at any date of the series
 * (catalogue order, named "ISO name", e.g. {@code UA-09 Luhansk}), then
 * {@code Ukraine} (the total of its 27 units). Cells are held km² on the
 * series' basis, to 3 decimals ({@link ControlSeries#rows()}); a region not
 * held on a date is {@code 0.000}. Ground outside every region has no column.
 * Written as CSV by {@link TableFormat}: header row, no index column.
 */
public final class WideSeriesTable {

    /** Header of the total column. */
    public static final String TOTAL = "Ukraine";

    private WideSeriesTable() {
    }

    /** One date's held km² by ISO code. */
    private record DateRow(LocalDate date, Map<String, Double> km2) {
    }

    /** The table to write. */
    public static Table<?> table(ControlSeries series) {
        Set<String> held = new HashSet<>();
        Map<LocalDate, Map<String, Double>> byDate = new LinkedHashMap<>();
        for (ControlSeries.Point p : series.points()) {
            byDate.put(p.date(), new HashMap<>());
        }
        for (ControlSeries.Row r : series.rows()) {
            held.add(r.iso());
            byDate.computeIfAbsent(r.date(), d -> new HashMap<>()).put(r.iso(), r.km2());
        }
        List<Column<DateRow>> cols = new ArrayList<>();
        cols.add(Column.text("date", "Date", r -> r.date().toString()));
        for (Region region : series.regions()) {
            if (held.contains(region.iso())) {
                cols.add(cell(region.iso() + " " + region.nameEn(), region.iso()));
            }
        }
        cols.add(cell(TOTAL, "UA"));
        List<DateRow> rows = new ArrayList<>();
        byDate.forEach((d, km2) -> rows.add(new DateRow(d, km2)));
        return new Table<>("Held km² by date, a column per region. Source: " + series.source() + ".", Map.of(),
                cols, rows, null, List.of(), "wide-series");
    }

    private static Column<DateRow> cell(String header, String iso) {
        return Column.number(header, header, 3, r -> r.km2().getOrDefault(iso, 0.0), 0);
    }
}
