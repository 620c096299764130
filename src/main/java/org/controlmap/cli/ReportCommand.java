package org.controlmap.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.controlmap.control.Scenario;
import org.controlmap.control.measure.ControlFile;
import org.controlmap.control.measure.ControlOverlay;
import org.controlmap.control.measure.ControlSeries;
import org.controlmap.control.measure.SnapshotFiles;
import org.controlmap.InputException;
import org.controlmap.io.AtomicOutput;
import org.controlmap.region.AreaBasis;
import org.controlmap.region.RegionCatalogue;
import org.controlmap.render.MapMode;
import org.controlmap.render.MapOptions;
import org.controlmap.report.ReportBundle;
import org.controlmap.report.ReportInputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "report", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"A bundle for an editor in one directory: index.html (map, area table, the report's "
                + "figures checked, captions, alt text, method and licence notes, print CSS for A4) and beside it "
                + "map.svg, map.png, map.pdf, areas.csv, areas.md and check.json, each with the bytes render, "
                + "areas and check write for the same options; with SNAPSHOTs also chart.svg and series.csv, as "
                + "series writes them.",
            "Without --scenario or --control: the bundled scenario (Reuters, November 2024). The files are "
                    + "replaced together or not at all."})
final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Parameters(paramLabel = "SNAPSHOT", arity = "0..*",
            description = "Dated control snapshots for the chart over time, as series takes them: files, "
                    + "directories of them, or glob patterns.")
    List<String> snapshots = new ArrayList<>();

    // A String, not a Path: the shared converter refuses names ending in '/', which here are welcome.
    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true,
            description = "Directory to write the bundle into (created if missing; its parent must exist). "
                    + "Other files in it are left alone.")
    String output;

    @Mixin
    MapLookOptions look = new MapLookOptions();

    @Mixin
    MapPageOptions page = new MapPageOptions();

    @Option(names = "--basis", paramLabel = "official|geometry",
            description = "What region percentages are shares of: official areas (default for scenarios) or the "
                    + "geodesic area of the boundaries (default with control polygons and for the series).")
    AreaBasis basis;

    @Override
    public Integer call() {
        input.validate(true, input.control != null || !snapshots.isEmpty());
        MapMode mapMode = look.mode(input.control != null);
        int dpi = page.dpi(RenderCommand.DEFAULT_DPI);
        int width = page.width(MapOptions.DEFAULT_WIDTH, dpi);
        String language = look.language();
        String credit = page.credit();
        List<String> notes = page.notes();
        Path dir = checkDirectory();
        List<Path> read = new ArrayList<>(snapshots.isEmpty() ? List.of() : SnapshotFiles.expand(snapshots));
        for (Path p : input.inputs()) {
            if (p != null) {
                read.add(p);
            }
        }
        for (String name : List.of("index.html", "map.svg", "map.png", "map.pdf", "areas.csv", "areas.md",
                "check.json", "chart.svg", "series.csv")) {
            Path target = dir.resolve(name);
            AtomicOutput.checkNotInput(target, read);
            if (Files.isDirectory(target)) {
                throw new InputException(target + ": is a directory, not an output file");
            }
        }

        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        RegionCatalogue catalogue = RegionCatalogue.bundled();
        Scenario scenario = input.scenario(catalogue, spec);
        ControlFile file = input.controlFile(spec);
        AreaBasis b = basis != null ? basis : file != null ? AreaBasis.GEOMETRY : AreaBasis.OFFICIAL;
        ControlSeries series = null;
        if (!snapshots.isEmpty()) {
            series = ControlSeries.measure(snapshots, input.selection.selection(), ControlOverlay.of(catalogue),
                    input.side(), input.attribution.options(basis != null ? basis : AreaBasis.GEOMETRY),
                    input.source, Workers.shared(), Terminal.progress("report"),
                    w -> InputOptions.warn(spec, w));
        }
        ReportInputs in = new ReportInputs(catalogue, scenario, file, input.side(), input.attribution.options(b),
                new MapOptions(mapMode, language, page.title(), width, null, credit, notes), dpi, series);
        ReportBundle bundle = ReportBundle.of(in, Workers.shared(), w -> InputOptions.warn(spec, w));
        bundle.write(dir);
        spec.commandLine().getOut().println("wrote " + dir.resolve("index.html") + " and "
                + (bundle.files().size() - 1) + " files beside it");
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The bundle's directory: an existing directory, or a new one in an existing, writable parent. */
    private Path checkDirectory() {
        Path dir = Path.of(output);
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new InputException(output + ": not a directory; -o names the directory of the bundle");
            }
            if (!Files.isWritable(dir)) {
                throw new InputException(output + ": directory is not writable");
            }
            return dir;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new InputException(output + ": cannot create the directory: " + parent + " does not exist");
        }
        if (!Files.isWritable(parent)) {
            throw new InputException(output + ": cannot create the directory: " + parent + " is not writable");
        }
        return dir;
    }

}
