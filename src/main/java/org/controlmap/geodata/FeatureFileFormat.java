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
 * </ul>
 */
public enum FeatureFileFormat {
    GEOJSON("geojson"),
    GPKG("gpkg");

    private final String extension;

    FeatureFileFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** The format for a file name ("held.gpkg" → GPKG; ".json" is a table, not GeoJSON), or null. */
    public static FeatureFileFormat forFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (FeatureFileFormat f : values()) {
            if (n.endsWith("." + f.extension)) {
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
        List<GeoJsonWriter.Feature> all = new ArrayList<>();
        for (GeoPackageWriter.Layer l : layers) {
            all.addAll(l.features());
        }
        GeoJsonWriter.write(all, out);
    }
}
