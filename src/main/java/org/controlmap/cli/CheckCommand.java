package org.controlmap.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.controlmap.control.Allocation;
import org.controlmap.control.Controller;
import org.controlmap.control.Scenario;
import org.controlmap.control.ScenarioAllocation;
import org.controlmap.control.claims.CheckReport;
import org.controlmap.control.claims.CheckReportWriter;
import org.controlmap.control.claims.ClaimCheck;
import org.controlmap.control.measure.ControlOverlay;
import org.controlmap.control.measure.ControlPolygons;
import org.controlmap.control.measure.ControlSeries;
import org.controlmap.control.measure.MeasureOptions;
import org.controlmap.control.measure.SnapshotDates;
import org.controlmap.geodata.InputException;
import org.controlmap.io.AtomicOutput;
import org.controlmap.region.AreaBasis;
import org.controlmap.region.RegionCatalogue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "check", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Checks a report's figures: each statement and headline total as an interval, met or not "
                + "by the measured (--control) or the report's own figures, and whether all can be true at once.",
            "Without options: the bundled scenario (Reuters, November 2024) against its own figures.",
            "Claims that fail are findings: the exit code is 0; bad input exits 2."})
final class CheckCommand implements Callable<Integer> {

    enum Format { TEXT, JSON }

    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Scenario file (YAML or JSON, see docs/scenario-format.md). Default: the bundled one.")
    Path scenario;

    @Option(names = "--control", paramLabel = "FILE",
            description = "GeoJSON (or .geojson.gz) of held territory to measure the claims against.")
    Path control;

    @Option(names = "--controller", paramLabel = "RU|UA", defaultValue = "RU",
            description = "Side holding the --control polygons that have no 'controller' property. Default: RU.")
    Controller controller;

    @Option(names = "--snap-km", paramLabel = "D", defaultValue = "0",
            description = "With --control: treat gaps and overlaps narrower than D km along region boundaries as "
                    + "following the boundary. Default: 0 (exact intersection).")
    double snapKm;

    @Option(names = "--basis", paramLabel = "official|geometry",
            description = "What percentages are shares of. Default: official areas, or with --control the "
                    + "geometry (measured km² as they are; 'official' rescales the measured shares).")
    AreaBasis basis;

    @Option(names = "--format", paramLabel = "text|json",
            description = "Output format. Default: json for an -o name ending .json, else text.")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path output;

    @Override
    public Integer call() throws IOException {
        Format fmt = format;
        if (output != null) {
            AtomicOutput.checkWritable(output);
            AtomicOutput.checkNotInput(output, scenario, control);
            if (fmt == null && output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
                fmt = Format.JSON;
            }
        }
        if (fmt == null) {
            fmt = Format.TEXT;
        }
        if (!(snapKm >= 0) || Double.isInfinite(snapKm)) {
            throw new InputException("--snap-km " + snapKm + ": must be a distance in km, 0 or more");
        }
        RegionCatalogue catalogue = RegionCatalogue.bundled();
        Scenario s = Scenarios.load(scenario, catalogue, spec);
        CheckReport report;
        if (control == null) {
            AreaBasis b = basis == null ? AreaBasis.OFFICIAL : basis;
            Allocation own = ScenarioAllocation.allocate(s, catalogue, b);
            report = ClaimCheck.of(catalogue, b).check(s, own, EnumSet.allOf(Controller.class));
        } else {
            AreaBasis b = basis == null ? AreaBasis.GEOMETRY : basis;
            ControlPolygons polygons = ControlPolygons.read(control, controller,
                    w -> spec.commandLine().getErr().println("controlmap: warning: " + w));
            String name = control.getFileName().toString();
            LocalDate date = SnapshotDates.fromFileName(name).orElse(null);
            String credit = name.toLowerCase(Locale.ROOT).startsWith("deepstatemap_data_")
                    ? ControlSeries.DEEPSTATE_CREDIT : name;
            MeasureOptions options = new MeasureOptions(b, snapKm, date, credit);
            Allocation measured = ControlOverlay.of(catalogue).measure(polygons, options).allocation();
            Set<Controller> drawn = EnumSet.of(controller);
            drawn.addAll(polygons.controllers());
            report = ClaimCheck.of(catalogue, b).check(s, measured, drawn);
        }
        Format f = fmt;
        if (output != null) {
            AtomicOutput.write(output, false, out -> write(report, f, out));
        } else {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            write(report, f, buf);
            spec.commandLine().getOut().print(buf.toString(StandardCharsets.UTF_8));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    private static void write(CheckReport report, Format f, OutputStream out) throws IOException {
        if (f == Format.JSON) {
            CheckReportWriter.json(report, out);
        } else {
            out.write(CheckReportWriter.text(report).getBytes(StandardCharsets.UTF_8));
        }
    }
}
