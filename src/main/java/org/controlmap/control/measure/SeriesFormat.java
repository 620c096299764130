package org.controlmap.control.measure;

import org.controlmap.control.Attribution;
import org.controlmap.control.NumberText;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link ControlSeries} as a table: CSV with columns
 * {@code date,iso_3166_2,controlled_km2,controlled_pct,mismatch_km2,front_km} (km²
 * to 3 decimals, percent to 2; percent empty on {@code outside} rows, mismatch
 * empty under clip, front_km only on {@code UA} rows and with {@code --front}), or JSON with the same
 * rows plus what they were measured from. Output is byte-for-byte the same for
 * the same input.
 */
public enum SeriesFormat {
    CSV, JSON;

    /** Writes the series; the stream is flushed, not closed. */
    public void write(ControlSeries series, OutputStream out) throws IOException {
        if (this == CSV) {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write("date,iso_3166_2,controlled_km2,controlled_pct,mismatch_km2,front_km\n");
            for (ControlSeries.Row r : series.rows()) {
                w.write(r.date() + "," + r.iso() + "," + km2(r.km2()).toPlainString() + ","
                        + (r.pct() == null ? "" : pct(r.pct()).toPlainString()) + ","
                        + (r.mismatchKm2() == null ? "" : km2(r.mismatchKm2()).toPlainString()) + ","
                        + (r.frontKm() == null ? "" : km2(r.frontKm()).toPlainString()) + "\n");
            }
            w.flush();
            return;
        }
        JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeStringField("source", series.source());
        g.writeStringField("controller", series.controller().name());
        g.writeStringField("basis", series.basis().label());
        g.writeStringField("attribution", series.attribution().label());
        g.writeStringField("area", "geodesic on WGS84 (GeographicLib), of region ∩ held polygons"
                + (series.attribution() == Attribution.NEAREST
                        ? ", plus held ground outside every region booked to the nearest (mismatch_km2)" : ""));
        g.writeStringField("ukraine_pct", "share of Ukraine's official area, "
                + NumberText.grouped(Math.round(series.overlay().ukraineOfficialKm2())) + " km²");
        g.writeArrayFieldStart("rows");
        for (ControlSeries.Row r : series.rows()) {
            g.writeStartObject();
            g.writeStringField("date", r.date().toString());
            g.writeStringField("iso_3166_2", r.iso());
            g.writeNumberField("controlled_km2", km2(r.km2()));
            if (r.pct() == null) {
                g.writeNullField("controlled_pct");
            } else {
                g.writeNumberField("controlled_pct", pct(r.pct()));
            }
            if (r.mismatchKm2() == null) {
                g.writeNullField("mismatch_km2");
            } else {
                g.writeNumberField("mismatch_km2", km2(r.mismatchKm2()));
            }
            if (r.frontKm() != null) {
                g.writeNumberField("front_km", km2(r.frontKm()));
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw('\n');
        g.flush();
    }

    static BigDecimal km2(double v) {
        return BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_UP);
    }

    static BigDecimal pct(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }
}
