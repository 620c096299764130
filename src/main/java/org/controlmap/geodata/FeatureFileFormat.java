package org.controlmap.geodata;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The GIS files controlmap writes features to, chosen by the output's name:
 * one writer for every command that writes geometry ({@code areas -o
 * held.gpkg}, {@code diff --changes}).
 *
 * <ul>
 * <li>{@link #GEOJSON}: one RFC 7946 FeatureCollection ({@link GeoJsonWriter}): every layer's features,
 * layer after layer. Same input, same bytes.</li>
 * <li>{@link #GPKG}: a GeoPackage with one feature table per layer ({@link GeoPackageWriter}: EPSG:4326,
 * typed columns, an R-tree spatial index; it says what stays the same from run to run).</li>
 * <li>{@link #CSV}: the attributes without the geometry, a header of the layers' columns and a row per
 * feature (RFC 4180, UTF-8, LF line ends): for a spreadsheet, where the attributes say where (a
 * change's centroid and nearest towns). Only where a command asks for it ({@link #forFileName(String,
 * boolean)}): {@code areas -o held.csv} is the table.</li>
 * </ul>
 */
public enum FeatureFileFormat {
    GEOJSON("geojson"),
    GPKG("gpkg"),
    CSV("csv");

    private final String extension;

    FeatureFileFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** The format for a file name ("held.gpkg" → GPKG; ".json" is a table, not GeoJSON), or null. */
    public static FeatureFileFormat forFileName(String name) {
        return forFileName(name, false);
    }

    /** As {@link #forFileName(String)}, and ".csv" → {@link #CSV} when {@code csv}. */
    public static FeatureFileFormat forFileName(String name, boolean csv) {
        String n = name.toLowerCase(Locale.ROOT);
        for (FeatureFileFormat f : values()) {
            if ((csv || f != CSV) && n.endsWith("." + f.extension)) {
                return f;
            }
        }
        return null;
    }

    /**
     * Writes the layers' features to {@code out} (flushed, not closed).
     *
     * @param date the date the data describes, a GeoPackage's {@code last_change}; may be null
     */
    public void write(List<GeoPackageWriter.Layer> layers, LocalDate date, OutputStream out) throws IOException {
        if (this == GPKG) {
            GeoPackageWriter.write(layers, date, out);
            return;
        }
        if (this == CSV) {
            writeCsv(layers, out);
            return;
        }
        List<GeoJsonWriter.Feature> all = new ArrayList<>();
        for (GeoPackageWriter.Layer l : layers) {
            all.addAll(l.features());
        }
        GeoJsonWriter.write(all, out);
    }

    /** Header: every layer's columns, first seen first; a row per feature, empty where a layer lacks a column. */
    private static void writeCsv(List<GeoPackageWriter.Layer> layers, OutputStream out) throws IOException {
        List<String> cols = new ArrayList<>();
        for (GeoPackageWriter.Layer l : layers) {
            for (GeoPackageWriter.Column c : l.columns()) {
                if (!cols.contains(c.name())) {
                    cols.add(c.name());
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cols.size(); i++) {
            sb.append(i > 0 ? "," : "").append(csvField(cols.get(i)));
        }
        sb.append('\n');
        for (GeoPackageWriter.Layer l : layers) {
            for (GeoJsonWriter.Feature f : l.features()) {
                for (int i = 0; i < cols.size(); i++) {
                    Object v = f.properties().get(cols.get(i));
                    String text = v == null ? "" : v instanceof java.math.BigDecimal d ? d.toPlainString()
                            : v.toString();
                    sb.append(i > 0 ? "," : "").append(csvField(text));
                }
                sb.append('\n');
            }
        }
        out.write(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.flush();
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break, quotes doubled. */
    private static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
