package org.controlmap.table;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.controlmap.geodata.GeoJsonWriter;
import org.controlmap.geodata.GeoPackageWriter;

/**
 * GIS files of what a measured table stands on ({@link HeldGround}): the held
 * ground per row and the front line, longitude/latitude on WGS84 (EPSG:4326),
 * with attributes named and rounded as the CSV columns ({@link TableFormat#COLUMNS}).
 *
 * <ul>
 * <li>{@link #GEOJSON}: one RFC 7946 FeatureCollection ({@link GeoJsonWriter}, coordinates to 7 decimals):
 * the held features in table order, then the front line as the last feature (the Ukraine row, the only
 * one with a line geometry). Same input, same bytes.</li>
 * <li>{@link #GPKG}: a GeoPackage with two feature tables, {@value #HELD_TABLE} (MultiPolygon) and
 * {@value #FRONT_TABLE} (MultiLineString), each with an {@code fid} key, a {@code geom} column in
 * EPSG:4326, the table's columns (text, or REAL for numbers; NULL where the CSV cell is empty) and an
 * R-tree spatial index ({@link GeoPackageWriter}, which says what stays the same run to run). Rows go in
 * in table order.</li>
 * </ul>
 */
public enum HeldGroundFormat {
    GEOJSON("geojson"),
    GPKG("gpkg");

    /** Feature table of the held ground, one row per held table row. */
    public static final String HELD_TABLE = "held_ground";
    /** Feature table of the front line, one row (the Ukraine total). */
    public static final String FRONT_TABLE = "front_line";

    private final String extension;

    HeldGroundFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** The format for a file name ("held.gpkg" → GPKG; ".json" is a table, not GeoJSON), or null. */
    public static HeldGroundFormat forFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".geojson")) {
            return GEOJSON;
        }
        return n.endsWith(".gpkg") ? GPKG : null;
    }

    /** Writes the file's bytes to {@code out} (flushed, not closed). */
    public void write(HeldGround g, LocalDate date, OutputStream out) throws IOException {
        if (this == GEOJSON) {
            List<GeoJsonWriter.Feature> fs = features(g.held());
            fs.add(new GeoJsonWriter.Feature(g.front().attributes(), g.front().geometry()));
            GeoJsonWriter.write(fs, out);
            return;
        }
        List<GeoPackageWriter.Column> cols = new ArrayList<>();
        for (String c : TableFormat.COLUMNS) {
            cols.add(new GeoPackageWriter.Column(c, numeric(c)));
        }
        GeoPackageWriter.write(List.of(
                new GeoPackageWriter.Layer(HELD_TABLE, "Held ground per region, measured from control polygons "
                        + "(controlmap areas)", "MULTIPOLYGON", cols, features(g.held())),
                new GeoPackageWriter.Layer(FRONT_TABLE, "Front line of the held ground, front_km long (controlmap "
                        + "areas)", "MULTILINESTRING", cols, features(List.of(g.front())))), date, out);
    }

    private static List<GeoJsonWriter.Feature> features(List<HeldGround.Feature> fs) {
        List<GeoJsonWriter.Feature> out = new ArrayList<>();
        for (HeldGround.Feature f : fs) {
            out.add(new GeoJsonWriter.Feature(f.attributes(), f.geometry()));
        }
        return out;
    }

    /** Columns the CSV writes as numbers. */
    static boolean numeric(String column) {
        return column.endsWith("_km2") || column.endsWith("_pct") || column.equals("front_km");
    }
}
