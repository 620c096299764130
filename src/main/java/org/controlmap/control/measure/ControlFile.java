package org.controlmap.control.measure;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Consumer;
import org.controlmap.control.Controller;
import org.controlmap.region.RegionCatalogue;

/**
 * A control file as the commands take it ({@code --control FILE}): its
 * polygons, the date it describes (from its name, when it has one) and the
 * credit every figure made from it must carry.
 *
 * @param path     the file
 * @param polygons territory held, per side
 * @param date     the date in the file name (YYYYMMDD or YYYY-MM-DD), or null
 * @param credit   "DeepStateMap via cyterat/deepstate-map-data" for DeepStateMap exports, else the file name
 */
public record ControlFile(Path path, ControlPolygons polygons, LocalDate date, String credit) {

    /** Reads {@code path}; polygons without a {@code controller} property are held by {@code side}. */
    public static ControlFile read(Path path, Controller side, Consumer<String> warnings) {
        ControlPolygons polygons = ControlPolygons.read(path, side, warnings);
        String name = path.getFileName().toString();
        String credit = name.toLowerCase(Locale.ROOT).startsWith("deepstatemap_data_")
                ? ControlSeries.DEEPSTATE_CREDIT : name;
        return new ControlFile(path, polygons, SnapshotDates.fromFileName(name).orElse(null), credit);
    }

    /** Per-region km² of these polygons against the catalogue's regions, dated and credited from the file. */
    public Measurement measure(RegionCatalogue catalogue, MeasureOptions options) {
        return ControlOverlay.of(catalogue).measure(polygons, options.withDate(date).withSource(credit));
    }
}
