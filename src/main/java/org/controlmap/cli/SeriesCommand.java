package org.controlmap.cli;

import org.controlmap.io.FileKind;
import org.controlmap.render.MapFormat;
import org.controlmap.table.SeriesTable;
import org.controlmap.table.Table;
import org.controlmap.table.TableFormat;
import org.controlmap.table.WideSeriesTable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.controlmap.control.Controller;
import org.controlmap.control.measure.ControlOverlay;
import org.controlmap.control.measure.ControlSeries;
import org.controlmap.control.measure.DistrictOverlay;
import org.controlmap.control.measure.SnapshotFiles;
import org.controlmap.InputException;
import org.controlmap.io.AtomicOutput;
import org.controlmap.io.OutputSet;
import org.controlmap.region.AreaBasis;
import org.controlmap.region.Region;
import org.controlmap.region.RegionCatalogue;
import org.controlmap.region.UserRegions;
import org.controlmap.render.chart.SeriesChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "series", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Held km² per region over time, from dated snapshots of control polygons.",
            "Each snapshot is dated by its features' 'date' property, else by YYYYMMDD or YYYY-MM-DD in its "
                    + "file name, else by the file's own date, as_of, datetime, timestamp, updated or updated_at "
                    + "property (features that disagree: the latest, with a warning). Rows: date,iso_3166_2,"
                    + "controlled_km2,controlled_pct,mismatch_km2 for each region held in part, a UA row with the "
                    + "total of Ukraine (percent of its official 603,628 km², as DeepStateMap publishes it), and an "
                    + "'outside' row for held territory booked to no region."})
final class SeriesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", arity = "1..*",
            description = "Snapshot files (.geojson, .geojson.gz, .kml, .kmz, .gpkg, .fgb), directories of them, or glob patterns; or one "
                    + "FeatureCollection whose features carry a 'date'.")
    List<String> inputs;

    @Option(names = "--controller", paramLabel = "RU|UA", defaultValue = "RU",
            description = "Side whose territory is measured; also the side of features without a 'controller' "
                    + "property. Default: RU.")
    Controller controller;

    @Option(names = "--basis", paramLabel = "geometry|official", defaultValue = "geometry",
            description = "What region percentages are shares of: official areas (default for scenarios) or "
                    + "the geodesic area of the boundaries (default with control polygons, whose Ukraine total is always a share of the "
                    + "official 603,628 km², as DeepStateMap publishes it).")
    AreaBasis basis;

    @Mixin
    AttributionOptions attribution = new AttributionOptions();

    @Mixin
    SelectionOptions selection = new SelectionOptions();

    @Option(names = "--front",
            description = "Also measure the length of the front on every date (front_km on the UA rows; see "
                    + "docs/front-line.md). Costs tens of milliseconds a snapshot.")
    boolean front;

    @Option(names = "--format", paramLabel = "csv|md|json|html",
            description = "Output format. Default: from the -o extension, else csv.")
    TableFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path output;

    @Option(names = "--wide", paramLabel = "FILE.csv",
            description = "Also write one row per date with a column per region held at any date and the Ukraine "
                    + "total (date,UA-09 Luhansk,…,Ukraine; km² to 3 decimals), as Datawrapper and spreadsheets "
                    + "take it.")
    Path wide;

    @Option(names = "--chart", paramLabel = "FILE.svg|FILE.png",
            description = "Also draw the total (and --regions) over time.")
    Path chart;

    @Option(names = "--regions", paramLabel = "ISO,...|FILE", split = ",",
            description = "Regions to draw on the chart besides the total, e.g. UA-14,UA-23. A polygon file "
                    + "(.geojson, .json, .kml, .kmz, .gpkg, .fgb, or an existing dir/file) instead: your own districts, "
                    + "measured as rows under the bundled region holding most of each (docs/regions.md).")
    List<String> regions = new ArrayList<>();

    @Option(names = "--id-field", paramLabel = "PROP",
            description = "With --regions FILE: the property holding each district's unique id. Default: id.")
    String idField;

    @Option(names = "--name-field", paramLabel = "PROP",
            description = "With --regions FILE: the property holding each district's name. Default: name.")
    String nameField;

    @Option(names = "--source", paramLabel = "TEXT",
            description = "Credit for the figures (JSON and chart), instead of DeepStateMap's for its daily "
                    + "exports or else the file names.")
    String source;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "Not accepted: each snapshot has its own date, so rename the file or give it a date "
                    + "property instead.")
    String date;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads, 1 to 64 (more on machines with over 16 cores: 4 per core). "
                    + "Default: the number of cores.")
    Integer threads;

    @Override
    public Integer call() throws IOException {
        attribution.validate(true);
        selection.selection(); // a malformed --where is refused before any work
        if (date != null) {
            throw new InputException("--date: series takes each snapshot's date from its file name or its "
                    + "properties; rename the file or give it a date property");
        }
        Workers.check(threads);
        // Every file a directory or pattern stands for, so that no output overwrites one.
        List<Path> read = output != null || chart != null || wide != null ? SnapshotFiles.expand(inputs)
                : List.of();
        if (output != null) {
            AtomicOutput.checkWritable(output);
            AtomicOutput.checkNotInput(output, read);
        }
        TableFormat fmt = TableFormat.choose(format, output, TableFormat.values());
        if (chart != null) {
            AtomicOutput.checkWritable(chart);
            AtomicOutput.checkNotInput(chart, read);
            MapFormat.of(chart, MapFormat.SVG, MapFormat.PNG);
        }
        if (wide != null) {
            AtomicOutput.checkWritable(wide);
            AtomicOutput.checkNotInput(wide, read);
            if (FileKind.of(wide, new TableFormat[] {TableFormat.CSV}) == null) {
                throw new InputException(wide + ": --wide writes CSV; name the file .csv");
            }
        }
        RegionCatalogue catalogue = RegionCatalogue.bundled();
        Path districtFile = null;
        List<String> codes = new ArrayList<>();
        for (String r : regions) {
            if (isRegionsFile(r)) {
                if (districtFile != null) {
                    throw new InputException("--regions " + r + ": one boundary file, please (also given: "
                            + districtFile + ")");
                }
                districtFile = Path.of(r);
            } else {
                codes.add(r);
            }
        }
        RegionsOptions.fieldsNeedFile(districtFile != null, idField, nameField, "--regions FILE");
        if (districtFile != null) {
            for (Path out : new Path[] {output, wide, chart}) {
                if (out != null) {
                    AtomicOutput.checkNotInput(out, districtFile);
                }
            }
        }
        if (districtFile != null && basis == AreaBasis.OFFICIAL) {
            throw new InputException("--regions: your districts have no official areas; use --basis geometry");
        }
        UserRegions districts = districtFile == null ? null
                : RegionsOptions.read(districtFile, idField, nameField, catalogue, spec);
        List<Region> chosen = new ArrayList<>();
        for (String r : codes) {
            if (districts != null && districts.districts().stream().anyMatch(d -> d.id().equals(r))) {
                UserRegions.District d = districts.districts().stream().filter(x -> x.id().equals(r)).findFirst()
                        .orElseThrow();
                chosen.add(new Region(d.id(), d.parent().country(), "district", d.name(), d.name(), d.name(),
                        d.geometry(), d.areaKm2(), Double.NaN, ""));
                continue;
            }
            List<Region> rs = catalogue.resolve(r);
            if (rs.size() != 1) {
                throw new InputException("--regions " + r + ": " + (rs.isEmpty() ? "no such region"
                        + catalogue.suggest(r).map(s -> " (did you mean " + s + "?)").orElse("")
                        : "a group; name its regions one by one"));
            }
            chosen.add(rs.get(0));
        }
        ControlSeries series = ControlSeries.measure(inputs, selection.selection(), ControlOverlay.of(catalogue),
                districts == null ? null : new DistrictOverlay(districts), controller,
                attribution.options(basis).withFront(front), source, Workers.of(threads), Terminal.progress("series"),
                w -> spec.commandLine().getErr().println("controlmap: warning: " + w));
        TableFormat f = fmt;
        Table<?> table = SeriesTable.table(series);
        // The table, the wide table and the chart are replaced together or not at all.
        try (OutputSet files = new OutputSet()) {
            if (output != null) {
                files.add(output, false, out -> f.write(table, out));
            } else {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                f.write(table, buf);
                spec.commandLine().getOut().print(buf.toString(StandardCharsets.UTF_8));
                spec.commandLine().getOut().flush();
            }
            if (wide != null) {
                files.add(wide, false, out -> TableFormat.CSV.write(WideSeriesTable.table(series), out));
            }
            if (chart != null) {
                SeriesChart.of(series, chosen).write(chart, files);
            }
            files.commit();
        }
        return 0;
    }

    /**
     * Whether a --regions value names a boundary file rather than a region: by its extension, or as an
     * existing file given with a directory ("./districts", never a bare "UA-14").
     */
    static boolean isRegionsFile(String value) {
        String n = value.toLowerCase(Locale.ROOT);
        for (String ext : new String[] {".geojson", ".json", ".geojson.gz", ".kml", ".kmz", ".gpkg", ".fgb"}) {
            if (n.endsWith(ext)) {
                return true;
            }
        }
        try {
            return value.contains("/") && java.nio.file.Files.isRegularFile(Path.of(value));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }
}
