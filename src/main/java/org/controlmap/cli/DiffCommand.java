package org.controlmap.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.controlmap.control.Controller;
import org.controlmap.control.measure.ChangeAreas;
import org.controlmap.table.FeatureFileFormat;
import org.controlmap.io.FileKind;
import org.controlmap.table.ChangeTable;
import org.controlmap.table.TableFormat;
import org.controlmap.control.measure.ControlChange;
import org.controlmap.control.measure.DistrictOverlay;
import org.controlmap.region.UserRegions;
import org.controlmap.control.measure.ControlOverlay;
import org.controlmap.control.measure.ControlFile;
import org.controlmap.geodata.GeoJsonWriter;
import org.controlmap.InputException;
import org.controlmap.io.AtomicOutput;
import org.controlmap.io.OutputSet;
import org.controlmap.region.CountryOutline;
import org.controlmap.region.AreaBasis;
import org.controlmap.region.RegionCatalogue;
import org.controlmap.render.MapFocus;
import org.controlmap.render.MapFormat;
import org.controlmap.render.MapMode;
import org.controlmap.render.MapOptions;
import org.controlmap.render.MapScene;
import org.controlmap.render.chart.ChangeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "diff", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Territory that changed hands between two snapshots, per region: gained by one side, "
                + "regained by the other, net km² (geodesic, WGS84).",
            "With -o FILE.svg|.png|.pdf: a change map (gains and losses over the later state); the table then "
                    + "goes to stdout.",
            "Each snapshot is dated by --from-date/--to-date, else its file name, else its properties (date, "
                    + "as_of, datetime, timestamp, updated, updated_at)."})
final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "FILE", description = "The earlier snapshot.")
    Path from;

    @Option(names = "--to", required = true, paramLabel = "FILE", description = "The later snapshot.")
    Path to;

    @Option(names = "--controller", paramLabel = "RU|UA", defaultValue = "RU",
            description = "Side whose territory is compared; also the side of features without a 'controller' "
                    + "property. Default: RU.")
    Controller controller;

    @Mixin
    AttributionOptions attribution = new AttributionOptions();

    @Mixin
    SelectionOptions selection = new SelectionOptions();

    @Mixin
    RegionsOptions regions = new RegionsOptions();

    @Option(names = "--format", paramLabel = "csv|md|json|html",
            description = "Table format. Default: from the -o extension when it is a table, else csv.")
    TableFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the change map (.svg, .png, .pdf) or the table (.csv, .md, .json) to FILE.")
    Path output;

    @Option(names = "--changes", paramLabel = "FILE.csv|FILE.geojson|FILE.gpkg",
            description = "Also write the ground that changed hands, one row or feature per connected area gained or "
                    + "lost of 1 km² or more, with its km², region, centroid and the towns it is near "
                    + "(docs/outputs.md).")
    Path changes;

    @Mixin
    FocusOptions frame = new FocusOptions();

    @Mixin
    MapPageOptions page = new MapPageOptions();

    @Option(names = "--source", paramLabel = "TEXT",
            description = "Credit for the snapshots in the table and map, instead of DeepStateMap's for its daily "
                    + "exports or else the file names.")
    String source;

    @Option(names = "--from-date", paramLabel = "YYYY-MM-DD",
            description = "Date of the --from snapshot, instead of the one in its file name or properties.")
    String fromDate;

    @Option(names = "--to-date", paramLabel = "YYYY-MM-DD",
            description = "Date of the --to snapshot, instead of the one in its file name or properties.")
    String toDate;

    // Two snapshots, two dates: one --date could only be wrong for one of them.
    @Option(names = "--date", paramLabel = "YYYY-MM-DD", hidden = true)
    String date;

    @Override
    public Integer call() throws IOException {
        attribution.validate(true);
        regions.validate();
        if (date != null) {
            throw new InputException("--date: diff compares two snapshots; give --from-date and/or --to-date");
        }
        selection.selection(); // a malformed --where is refused before any work
        LocalDate fromDay = fromDate == null ? null : InputOptions.parseDate("--from-date", fromDate);
        LocalDate toDay = toDate == null ? null : InputOptions.parseDate("--to-date", toDate);
        TableFormat fmt = format;
        boolean map = false;
        if (output != null) {
            AtomicOutput.checkWritable(output);
            AtomicOutput.checkNotInput(output, from, to);
            if (FileKind.of(output, TableFormat.values()) == null) {
                MapFormat.of(output); // names the accepted extensions when it is neither
                map = true;
            }
        }
        fmt = TableFormat.choose(fmt, map ? null : output, TableFormat.values());
        if (changes != null) {
            AtomicOutput.checkWritable(changes);
            AtomicOutput.checkNotInput(changes, from, to);
            if (FeatureFileFormat.forFileName(changes.getFileName().toString(), true) == null) {
                throw new InputException(changes + ": --changes writes CSV, GeoJSON or GeoPackage; name the file "
                        + ".csv, .geojson or .gpkg");
            }
        }
        if (regions.file != null) {
            for (Path out : new Path[] {output, changes}) {
                if (out != null) {
                    AtomicOutput.checkNotInput(out, regions.file);
                }
            }
        }
        RegionCatalogue catalogue = RegionCatalogue.bundled();
        MapFocus focus = frame.focus(catalogue);
        if (focus != null && !map) {
            throw new InputException("--focus/--bbox frame the change map: also give -o FILE.svg, .png or .pdf");
        }
        String mapOption = page.given();
        if (mapOption != null && !map) {
            throw new InputException(mapOption + " is for the change map: also give -o FILE.svg, .png or .pdf");
        }
        int dpi = page.dpi(ChangeMap.DPI);
        MapOptions mapOptions = new MapOptions(MapMode.POLYGONS, "en", page.title(),
                page.width((int) ChangeMap.WIDTH, dpi), focus, page.credit(), page.notes());
        ControlFile a = InputOptions.read(from, controller, fromDay, null, selection.selection(), spec);
        if (a.date() == null) {
            InputOptions.warn(spec, a.noDateWarning("--from-date"));
        }
        ControlFile b = InputOptions.read(to, controller, toDay, null, selection.selection(), spec);
        if (b.date() == null) {
            InputOptions.warn(spec, b.noDateWarning("--to-date"));
        }
        if (a.date() != null && b.date() != null && a.date().isAfter(b.date())) {
            InputOptions.warn(spec, "--from " + from + " is dated " + a.date() + ", later than --to " + to + " ("
                    + b.date() + "): gains and losses are the wrong way round; swap --from and --to");
        }
        // DeepStateMap's credit when both are its exports, else both file names (or one, if the same).
        String credit = source != null ? source
                : a.credit().equals(b.credit()) ? a.credit() : a.credit() + ", " + b.credit();
        ChangeTable.Dating dating = new ChangeTable.Dating(a.date(), b.date(), credit);
        UserRegions districts = regions.read(catalogue, spec);
        ControlChange measured = ControlChange.between(ControlOverlay.of(catalogue), a.polygons(), b.polygons(),
                controller, attribution.options(AreaBasis.GEOMETRY));
        // The table gains the districts' rows (--regions FILE); the map and the changes stay per region.
        ControlChange change = districts == null ? measured : measured.withDistricts(new DistrictOverlay(districts));
        TableFormat f = fmt;
        // The files of one run (table or map, and the changes) are replaced together or not at all; the
        // table goes to stdout only once they are in place.
        try (OutputSet files = new OutputSet()) {
            List<ChangeAreas.Area> named = changes != null || map ? ChangeAreas.areas(measured, catalogue.regions())
                    : List.of();
            if (changes != null) {
                List<GeoJsonWriter.Feature> areas = ChangeAreas.features(named, controller, a.date(), b.date());
                FeatureFileFormat gis = FeatureFileFormat.forFileName(changes.getFileName().toString(), true);
                files.add(changes, false, out -> gis.write(List.of(ChangeAreas.layer(areas)), b.date(), out));
            }
            if (output != null && !map) {
                files.add(output, false, out -> f.write(ChangeTable.table(change, dating), out));
            } else if (map) {
                MapFormat mf = MapFormat.of(output);
                MapScene scene = ChangeMap.scene(measured, catalogue.regions(), CountryOutline.bundled(), label(a),
                        label(b), credit, named, mapOptions);
                files.add(output, false, out -> ChangeMap.write(scene, mf, dpi, out));
            }
            files.commit();
        }
        if (output == null || map) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            f.write(ChangeTable.table(change, dating), buf);
            spec.commandLine().getOut().print(buf.toString(StandardCharsets.UTF_8));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    /** The snapshot's date, else its file name. */
    private static String label(ControlFile f) {
        return f.date() != null ? f.date().toString() : f.path().getFileName().toString();
    }
}
