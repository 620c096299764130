package org.controlmap.control.measure;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Consumer;
import org.controlmap.control.Attribution;
import org.controlmap.control.Controller;
import org.controlmap.geodata.FeatureSelection;
import org.controlmap.geodata.GeoJsonReader;
import org.controlmap.geodata.ReadProgress;
import org.controlmap.region.RegionCatalogue;

/**
 * A control file as the commands take it ({@code --control FILE}): its
 * polygons, the date it describes and the credit every figure made from it
 * must carry.
 *
 * @param path     the file
 * @param polygons territory held, per side
 * @param date     the date given by the user, else the one in the file name (YYYYMMDD or YYYY-MM-DD), else the
 *                 one its properties give ({@link SnapshotDates#fromProperties}); null when none does
 * @param credit   the credit given by the user, else "DeepStateMap via cyterat/deepstate-map-data" for
 *                 DeepStateMap exports (by file name, or by the {@code name} member inside), else the file name
 */
public record ControlFile(Path path, ControlPolygons polygons, LocalDate date, String credit) {

    /** Reads {@code path}; polygons without a {@code controller} property are held by {@code side}. */
    public static ControlFile read(Path path, Controller side, Consumer<String> warnings) {
        return read(path, side, null, null, warnings);
    }

    /**
     * Reads {@code path}, dated and credited as the user says when they do.
     *
     * @param side     the side holding polygons without a {@code controller} property
     * @param date     the date to use instead of the file's own, or null to read it from the name or properties
     * @param source   the credit to use instead of the file's own, or null
     * @param warnings one-line warnings (the reader's; features that disagree on the date). A file with no
     *                 date at all is not warned about here: the caller knows which option would give one,
     *                 see {@link #noDateWarning(String)}
     */
    public static ControlFile read(Path path, Controller side, LocalDate date, String source,
            Consumer<String> warnings) {
        return read(path, side, date, source, FeatureSelection.ALL, warnings);
    }

    /**
     * Reads {@code path} like {@link #read(Path, Controller, LocalDate, String, Consumer)}, keeping only the
     * features {@code selection} picks ({@code --layer}, {@code --where}).
     */
    public static ControlFile read(Path path, Controller side, LocalDate date, String source,
            FeatureSelection selection, Consumer<String> warnings) {
        return read(path, side, date, source, selection, ReadProgress.NONE, warnings);
    }

    /**
     * Reads {@code path} like {@link #read(Path, Controller, LocalDate, String, FeatureSelection, Consumer)},
     * telling {@code progress} how far the reading has come. The features are merged into held ground as they
     * are read ({@link StreamedPolygons}), never all held at once.
     */
    public static ControlFile read(Path path, Controller side, LocalDate date, String source,
            FeatureSelection selection, ReadProgress progress, Consumer<String> warnings) {
        StreamedPolygons.Read read = StreamedPolygons.read(path, side, selection, progress, warnings);
        GeoJsonReader.Document doc = read.document();
        ControlPolygons polygons = read.polygons();
        String name = path.getFileName().toString();
        // DeepStateMap's exports also carry their name inside, as the layer name GDAL writes.
        boolean deepstate = name.toLowerCase(Locale.ROOT).startsWith("deepstatemap_data_")
                || doc.members().get("name") instanceof String layer
                        && layer.toLowerCase(Locale.ROOT).startsWith("deepstatemap_data_");
        String credit = source != null ? source : deepstate ? ControlSeries.DEEPSTATE_CREDIT : name;
        LocalDate d = date;
        if (d == null) {
            d = SnapshotDates.fromFileName(name).orElse(null);
        }
        if (d == null) {
            SnapshotDates.FromProperties p = SnapshotDates.fromProperties(doc, path.toString());
            if (p.warning() != null) {
                warnings.accept(p.warning());
            }
            d = p.date();
        }
        return new ControlFile(path, polygons, d, credit);
    }

    /** The warning for a file without a date, naming the option that gives one ("--date"). */
    public String noDateWarning(String option) {
        return path + ": no date in its name or properties; give " + option + " YYYY-MM-DD";
    }

    /** Per-region km² of these polygons against the catalogue's regions, dated and credited from the file. */
    public Measurement measure(RegionCatalogue catalogue, MeasureOptions options) {
        return measure(catalogue, options, w -> { });
    }

    /**
     * As {@link #measure(RegionCatalogue, MeasureOptions)}, telling {@code warnings} when nearest attribution
     * left held ground outside every region (farther than the limit from Ukraine).
     */
    public Measurement measure(RegionCatalogue catalogue, MeasureOptions options, Consumer<String> warnings) {
        Measurement m = ControlOverlay.of(catalogue).measure(polygons, options.withDate(date).withSource(credit));
        if (options.attribution() == Attribution.NEAREST) {
            MeasuredAllocation.beyondLimit(path.toString(), m.outsideKm2(Controller.RU), options.limitKm())
                    .ifPresent(warnings);
            double moved = m.parts().stream().filter(p -> p.controller() == Controller.RU)
                    .mapToDouble(Measurement.RegionPart::movedKm2).sum();
            MeasuredAllocation.tooMuchMoved(path.toString(), moved, m.ukraineKm2(Controller.RU)).ifPresent(warnings);
        }
        return m;
    }

    /** Held km² per district and side, in the districts' file order (see {@link DistrictOverlay}). */
    public java.util.Map<Controller, double[]> districtKm2(DistrictOverlay districts) {
        java.util.Map<Controller, double[]> out = new java.util.EnumMap<>(Controller.class);
        for (Controller c : polygons.controllers()) {
            out.put(c, districts.km2(polygons.held(c), path.toString()));
        }
        return out;
    }
}
