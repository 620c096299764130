package org.controlmap.control.measure;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import org.controlmap.control.NumberText;
import org.controlmap.control.Controller;

/**
 * Writes a {@link ControlChange} as a table. Columns name the sides: for RU,
 * {@code iso_3166_2,region,gained_by_ru_km2,regained_by_ua_km2,net_ru_km2}
 * (km² to 3 decimals); Markdown adds a caption line with the dates and the
 * source, and names the sides by country; JSON carries the same rows with the
 * two snapshots named and dated. Same input, same bytes.
 */
public enum ChangeFormat {
    CSV, MD, JSON;

    /**
     * What the two snapshots describe, for captions.
     *
     * @param from   the earlier snapshot's date, or null when unknown
     * @param to     the later snapshot's date, or null when unknown
     * @param source credit for the snapshots, or null
     */
    public record Dating(LocalDate from, LocalDate to, String source) {
    }

    /** Writes the table without dates or credit; the stream is flushed, not closed. */
    public void write(ControlChange change, OutputStream out) throws IOException {
        write(change, new Dating(null, null, null), out);
    }

    /** Writes the table; the stream is flushed, not closed. */
    public void write(ControlChange change, Dating dating, OutputStream out) throws IOException {
        String side = change.controller().name().toLowerCase(Locale.ROOT);
        String other = (change.controller() == Controller.RU ? Controller.UA : Controller.RU).name()
                .toLowerCase(Locale.ROOT);
        String gainedCol = "gained_by_" + side + "_km2";
        String lostCol = "regained_by_" + other + "_km2";
        String netCol = "net_" + side + "_km2";
        if (this == JSON) {
            JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("from", change.from());
            g.writeStringField("to", change.to());
            g.writeStringField("from_date", dating.from() == null ? null : dating.from().toString());
            g.writeStringField("to_date", dating.to() == null ? null : dating.to().toString());
            g.writeStringField("source", dating.source());
            g.writeStringField("controller", change.controller().name());
            g.writeStringField("area", "geodesic on WGS84 (GeographicLib)");
            if (!Double.isNaN(change.toFrontKm())) {
                g.writeObjectFieldStart("front_km");
                g.writeNumberField("from", SeriesFormat.km2(change.fromFrontKm()));
                g.writeNumberField("to", SeriesFormat.km2(change.toFrontKm()));
                g.writeEndObject();
            }
            g.writeArrayFieldStart("rows");
            for (ControlChange.Row r : change.rows()) {
                g.writeStartObject();
                g.writeStringField("iso_3166_2", r.iso());
                g.writeStringField("region", r.name());
                g.writeNumberField(gainedCol, SeriesFormat.km2(r.gainedKm2()));
                g.writeNumberField(lostCol, SeriesFormat.km2(r.lostKm2()));
                g.writeNumberField(netCol, SeriesFormat.km2(r.netKm2()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
            g.flush();
            return;
        }
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        if (this == CSV) {
            w.write("iso_3166_2,region," + gainedCol + "," + lostCol + "," + netCol + ",front_km_from,front_km_to\n");
            for (ControlChange.Row r : change.rows()) {
                boolean ua = "UA".equals(r.iso()) && !Double.isNaN(change.toFrontKm());
                w.write(r.iso() + "," + csv(r.name()) + "," + SeriesFormat.km2(r.gainedKm2()).toPlainString() + ","
                        + SeriesFormat.km2(r.lostKm2()).toPlainString() + ","
                        + SeriesFormat.km2(r.netKm2()).toPlainString() + ","
                        + (ua ? SeriesFormat.km2(change.fromFrontKm()).toPlainString() : "") + ","
                        + (ua ? SeriesFormat.km2(change.toFrontKm()).toPlainString() : "") + "\n");
            }
        } else {
            String held = change.controller().countryName();
            String otherName = (change.controller() == Controller.RU ? Controller.UA : Controller.RU).countryName();
            w.write("Territory held by " + held + ": " + when(dating.from(), change.from()) + " → "
                    + when(dating.to(), change.to()) + " (km², geodesic on WGS84)"
                    + (dating.source() == null ? "" : ". Source: " + dating.source()) + "\n\n");
            w.write("| ISO 3166-2 | Region | Gained by " + held + " | Regained by " + otherName + " | Net for "
                    + held + " |\n");
            w.write("|---|---|---:|---:|---:|\n");
            for (ControlChange.Row r : change.rows()) {
                // For reading, not re-parsing: grouped, one decimal (the CSV and JSON keep three).
                w.write("| " + r.iso() + " | " + r.name().replace("|", "\\|") + " | "
                        + NumberText.grouped(r.gainedKm2(), 1) + " | " + NumberText.grouped(r.lostKm2(), 1) + " | "
                        + NumberText.grouped(r.netKm2(), 1) + " |\n");
            }
            if (!Double.isNaN(change.toFrontKm())) {
                w.write("\nFront line: " + NumberText.grouped(change.fromFrontKm(), 0) + " km → "
                        + NumberText.grouped(change.toFrontKm(), 0) + " km (geodesic, simplified at 500 m; "
                        + "docs/front-line.md)\n");
            }
        }
        w.flush();
    }

    /** A snapshot in the caption: its date, or its name and that it has none. */
    private static String when(LocalDate date, String name) {
        return date != null ? date.toString() : name + " (no date in the data)";
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
