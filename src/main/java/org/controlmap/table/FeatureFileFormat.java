package org.controlmap.table;

import org.controlmap.io.FileKind;

import java.nio.file.Path;

import org.controlmap.geodata.GeoPackageWriter;

import org.controlmap.geodata.GeoJsonWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
public enum FeatureFileFormat implements FileKind {
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

    @Override
    public List<String> extensions() {
        return List.of(extension);
    }

    /** The format for a file name ("held.gpkg" → GPKG; ".json" is a table, not GeoJSON), or null. */
    public static FeatureFileFormat forFileName(String name) {
        return forFileName(name, false);
    }

    /** As {@link #forFileName(String)}, and ".csv" → {@link #CSV} when {@code csv}. */
    public static FeatureFileFormat forFileName(String name, boolean csv) {
        return FileKind.of(Path.of(name), csv ? values() : new FeatureFileFormat[] {GEOJSON, GPKG});
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

    /**
     * The features as a table for {@link TableFormat#CSV}: every layer's columns, first seen first; a row per
     * feature, empty where its layer lacks a column; no geometry.
     */
    private static void writeCsv(List<GeoPackageWriter.Layer> layers, OutputStream out) throws IOException {
        List<Column<GeoJsonWriter.Feature>> cols = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        List<GeoJsonWriter.Feature> rows = new ArrayList<>();
        for (GeoPackageWriter.Layer l : layers) {
            for (GeoPackageWriter.Column c : l.columns()) {
                if (!seen.contains(c.name())) {
                    seen.add(c.name());
                    cols.add(new Column<>(c.name(), c.name(), c.numeric(), false, f -> f.properties().get(c.name()),
                            f -> String.valueOf(f.properties().get(c.name()))));
                }
            }
            rows.addAll(l.features());
        }
        TableFormat.CSV.write(new Table<>("", Map.of(), cols, rows, null, List.of(), "features"), out);
    }
}
