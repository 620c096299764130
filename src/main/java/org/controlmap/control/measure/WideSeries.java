package org.controlmap.control.measure;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.controlmap.region.Region;

/**
 * A {@link ControlSeries} as one row per date, for charting tools and
 * spreadsheets (Datawrapper, Flourish, Excel) that want a column per line:
 * {@code date}, then one column per region held at any date of the series
 * (catalogue order, named "ISO name", e.g. {@code UA-09 Luhansk}), then
 * {@code Ukraine} (the total of its 27 units). Cells are held km² on the
 * series' basis, to 3 decimals ({@link ControlSeries#rows()}); a region not
 * held on a date is {@code 0.000}. Ground outside every region has no column.
 * Header row, no index column, '\n' line ends, UTF-8; fields quoted as
 * RFC 4180 asks when they hold a comma or a quote. Same series, same bytes.
 */
public final class WideSeries {

    /** Header of the total column. */
    public static final String TOTAL = "Ukraine";

    private WideSeries() {
    }

    /** Writes the table; the stream is flushed, not closed. */
    public static void write(ControlSeries series, OutputStream out) throws IOException {
        List<ControlSeries.Row> rows = series.rows();
        Set<String> held = new HashSet<>();
        Map<LocalDate, Map<String, Double>> byDate = new LinkedHashMap<>();
        for (ControlSeries.Point p : series.points()) {
            byDate.put(p.date(), new HashMap<>());
        }
        for (ControlSeries.Row r : rows) {
            held.add(r.iso());
            byDate.computeIfAbsent(r.date(), d -> new HashMap<>()).put(r.iso(), r.km2());
        }
        List<String> isos = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("date"));
        for (Region r : series.regions()) {
            if (held.contains(r.iso())) {
                isos.add(r.iso());
                header.add(r.iso() + " " + r.nameEn());
            }
            if (series.districts() != null) {
                for (org.controlmap.region.UserRegions.District d : series.districts().districts().of(r)) {
                    if (held.contains(d.id())) {
                        isos.add(d.id());
                        header.add(d.id() + " " + d.name());
                    }
                }
            }
        }
        isos.add("UA");
        header.add(TOTAL);
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(line(header));
        for (Map.Entry<LocalDate, Map<String, Double>> e : byDate.entrySet()) {
            List<String> cells = new ArrayList<>(List.of(e.getKey().toString()));
            for (String iso : isos) {
                cells.add(SeriesFormat.km2(e.getValue().getOrDefault(iso, 0.0)).toPlainString());
            }
            w.write(line(cells));
        }
        w.flush();
    }

    private static String line(List<String> cells) {
        List<String> quoted = new ArrayList<>(cells.size());
        for (String c : cells) {
            quoted.add(c.contains(",") || c.contains("\"") || c.contains("\n")
                    ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
        }
        return String.join(",", quoted) + "\n";
    }
}
