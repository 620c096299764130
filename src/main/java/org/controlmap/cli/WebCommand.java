package org.controlmap.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import org.controlmap.control.Allocation;
import org.controlmap.control.Scenario;
import org.controlmap.control.ScenarioAllocation;
import org.controlmap.control.measure.ControlFile;
import org.controlmap.control.measure.MeasureOptions;
import org.controlmap.control.measure.Measurement;
import org.controlmap.control.measure.SnapshotFiles;
import org.controlmap.control.measure.SnapshotSequence;
import org.controlmap.geodata.FeatureSelection;
import org.controlmap.InputException;
import org.controlmap.io.AtomicOutput;
import org.controlmap.io.FileKind;
import org.controlmap.region.AreaBasis;
import org.controlmap.region.CountryOutline;
import org.controlmap.region.RegionCatalogue;
import org.controlmap.render.ControlMap;
import org.controlmap.render.MapMode;
import org.controlmap.render.MapOptions;
import org.controlmap.render.MapScene;
import org.controlmap.render.anim.FrameLayout;
import org.controlmap.table.AreaTable;
import org.controlmap.web.WebPage;
import org.controlmap.web.WebTimeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "web", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"One self-contained interactive HTML page: the map (inline SVG, a tooltip per region on "
                + "hover and keyboard focus), the area table, source, date and method notes, and the map's SVG and "
                + "PNG and the table's CSV as downloads inside the page.",
            "Give a scenario or --control FILE as render takes them, or dated snapshots as series takes them: "
                    + "then a date slider redraws the held ground and Ukraine's held km² of each date. The page "
                    + "fetches nothing (a Content-Security-Policy says so), opens from file:// and works in an "
                    + "iframe."})
final class WebCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SNAPSHOT", arity = "0..*",
            description = "Dated snapshots for the slider: files, directories of them, or glob patterns, as series "
                    + "takes them. Without them: --scenario or --control, else the bundled scenario.")
    List<String> snapshots = new ArrayList<>();

    @Mixin
    InputOptions input;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.html", required = true,
            description = "The page to write (.html or .htm).")
    Path output;

    @Option(names = "--basis", paramLabel = "official|geometry",
            description = "What region percentages are shares of: official areas (default for scenarios) or the "
                    + "geodesic area of the boundaries (default with control polygons).")
    AreaBasis basis;

    @Option(names = "--title", paramLabel = "TEXT", description = "Title instead of the default one.")
    String title;

    @Option(names = "--width", paramLabel = "PX", defaultValue = "1600",
            description = "Width of the map's drawing in pixels, 400–4000 (the page scales it to the window; text "
                    + "and the PNG download follow it). Default: 1600.")
    int width;

    @Option(names = "--threads", paramLabel = "N",
            description = "With snapshots: frames drawn at once, 1 to 64 (more on machines with over 16 cores: 4 per "
                    + "core). Default: the number of cores.")
    Integer threads;

    @Override
    public Integer call() throws IOException {
        boolean series = !snapshots.isEmpty();
        if (series) {
            if (input.scenario != null || input.control != null) {
                throw new InputException("give snapshots or --scenario/--control, not both");
            }
            if (input.date != null) {
                throw new InputException("--date: with snapshots each has its own date, from its file name or "
                        + "its properties");
            }
            input.attribution.validate(true);
        } else {
            input.validate(false);
        }
        if (!FileKind.hasExtension(output, List.of("html", "htm"))) {
            throw new InputException(output + ": web writes one HTML page; name it .html");
        }
        if (width < 400 || width > 4000) {
            throw new InputException("--width " + width + ": must be between 400 and 4000 px");
        }
        Workers.check(threads);
        AtomicOutput.checkWritable(output);
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        RegionCatalogue catalogue = RegionCatalogue.bundled();
        byte[] page;
        if (series) {
            // What a folder or pattern holds that is not read (subfolders, dangling links, pipes) is said, as
            // series says it.
            List<Path> files = SnapshotFiles.expand(snapshots,
                    w -> spec.commandLine().getErr().println("controlmap: warning: " + w));
            AtomicOutput.checkNotInput(output, files);
            page = timeline(catalogue, files);
        } else {
            AtomicOutput.checkNotInput(output, input.inputs());
            page = single(catalogue);
        }
        AtomicOutput.write(output, false, out -> out.write(page));
        spec.commandLine().getOut().println("wrote " + output + " (" + page.length + " bytes)");
        spec.commandLine().getOut().flush();
        return 0;
    }

    private byte[] single(RegionCatalogue catalogue) throws IOException {
        MapMode mode = input.control != null ? MapMode.POLYGONS : MapMode.SCHEMATIC;
        ControlMap map = ControlMap.start(catalogue.regions(), CountryOutline.bundled(),
                new MapOptions(mode, "en", title, width), Workers.shared());
        ControlFile file = input.controlFile(spec);
        MapScene scene;
        AreaTable table;
        List<String> notes = new ArrayList<>();
        if (file == null) {
            Scenario s = input.scenario(catalogue, spec);
            Allocation allocation = ScenarioAllocation.allocate(s, catalogue,
                    basis == null ? AreaBasis.OFFICIAL : basis);
            scene = map.scenario(allocation, false).scene();
            table = AreaTable.of(allocation, catalogue, s.totals());
            notes.add("The map is schematic: each region's held share is drawn to scale as one piece; its edge "
                    + "is not a real front (controlmap render, docs/scenario-format.md).");
        } else {
            Measurement m = file.measure(catalogue, input.attribution.options(basis == null ? AreaBasis.GEOMETRY
                    : basis), w -> InputOptions.warn(spec, w));
            scene = map.measured(m, false).scene();
            table = AreaTable.of(m.allocation(), catalogue, List.of());
            notes.add(measuredNote());
        }
        return WebPage.of(scene, table, notes);
    }

    private byte[] timeline(RegionCatalogue catalogue, List<Path> files) throws IOException {
        ForkJoinPool pool = Workers.of(threads);
        int n = pool.getParallelism();
        List<String> warnings = new ArrayList<>();
        try {
            // --where, --layer and --max-input-mb pick and bound what is read, as series and animate read them.
            FeatureSelection picked = input.selection.selection();
            List<SnapshotSequence.Snapshot> all = SnapshotSequence.list(files, picked, pool, warnings::add);
            String credit = input.source != null ? input.source : SnapshotSequence.credit(files);
            MeasureOptions options = input.attribution.options(basis == null ? AreaBasis.GEOMETRY : basis);
            String heading = title != null ? title : FrameLayout.defaultTitle(input.side(), all.get(0).date(),
                    all.get(all.size() - 1).date());
            WebTimeline timeline = WebTimeline.build(all, picked, catalogue, CountryOutline.bundled(),
                    input.side(), options, heading, credit, width, pool, n, Terminal.progress("web"), warnings::add);
            List<String> notes = new ArrayList<>();
            notes.add(measuredNote());
            notes.add("Each date's held km² (the slider's figure, and the tooltips') are those of controlmap series "
                    + "over the same snapshots; the drawn ground is simplified to "
                    + "0.8 px of the " + width + "-px map, which changes no figure. The dashed line is the front on "
                    + all.get(0).date() + ", the first date.");
            return WebPage.of(timeline, notes);
        } finally {
            for (String w : warnings) {
                spec.commandLine().getErr().println("controlmap: warning: " + w);
            }
            spec.commandLine().getErr().flush();
        }
    }

    private String measuredNote() {
        return "Held km² are measured geodesically on the WGS84 ellipsoid from the control polygons, with "
                + (input.attribution.attribution == null ? "nearest" : input.attribution.attribution.name()
                        .toLowerCase(Locale.ROOT)) + " attribution (docs/mismatch.md).";
    }
}
