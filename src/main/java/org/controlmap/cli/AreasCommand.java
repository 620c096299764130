package org.controlmap.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.controlmap.control.Allocation;
import org.controlmap.control.Controller;
import org.controlmap.control.Scenario;
import org.controlmap.control.ScenarioAllocation;
import org.controlmap.control.measure.ControlFile;
import org.controlmap.geodata.InputException;
import org.controlmap.io.AtomicOutput;
import org.controlmap.region.AreaBasis;
import org.controlmap.region.RegionCatalogue;
import org.controlmap.table.AreaTable;
import org.controlmap.table.TableFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "areas", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Table of km² per region: geodesic and official area, who holds how much.",
            "Without options: the bundled scenario (Reuters, November 2024), CSV on stdout.",
            "With --control FILE: km² measured from control polygons (region ∩ polygons, geodesic)."})
final class AreasCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Scenario file (YAML or JSON, see docs/scenario-format.md). Default: the bundled one.")
    Path scenario;

    @Option(names = "--control", paramLabel = "FILE",
            description = "Measure control polygons (GeoJSON or .geojson.gz, e.g. a DeepStateMap export) instead "
                    + "of restating a scenario.")
    Path control;

    @Option(names = "--controller", paramLabel = "RU|UA",
            description = "With --control: side holding polygons that have no 'controller' property. Default: RU.")
    Controller controller;

    @Option(names = "--snap-km", paramLabel = "D",
            description = "With --control: treat gaps and overlaps narrower than D km along region boundaries as "
                    + "following the boundary. Default: 0 (exact intersection).")
    double snapKm;

    @Option(names = "--basis", paramLabel = "official|geometry",
            description = "What percentages are shares of: official areas (default for scenarios) or the "
                    + "geodesic area of the boundaries (default with --control).")
    AreaBasis basis;

    @Option(names = "--format", paramLabel = "csv|md|json|html",
            description = "Output format. Default: from the -o extension, else csv.")
    TableFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path output;

    @Override
    public Integer call() throws IOException {
        if (control != null && scenario != null) {
            throw new InputException("give --scenario or --control, not both");
        }
        if (control == null && (controller != null || snapKm != 0)) {
            throw new InputException((controller != null ? "--controller" : "--snap-km") + " needs --control");
        }
        if (!(snapKm >= 0) || Double.isInfinite(snapKm)) {
            throw new InputException("--snap-km must be a number of km ≥ 0, not " + snapKm);
        }
        TableFormat fmt = format;
        if (output != null) {
            AtomicOutput.checkWritable(output);
            AtomicOutput.checkNotInput(output, scenario, control);
            if (fmt == null) {
                fmt = TableFormat.forFileName(output.getFileName().toString());
                if (fmt == null) {
                    throw new InputException(output + ": unknown table format; use .csv, .md, .json or .html, "
                            + "or --format");
                }
            }
        }
        if (fmt == null) {
            fmt = TableFormat.CSV;
        }
        RegionCatalogue catalogue = RegionCatalogue.bundled();
        AreaTable table;
        if (control != null) {
            ControlFile file = ControlFile.read(control, controller == null ? Controller.RU : controller,
                    w -> spec.commandLine().getErr().println("controlmap: warning: " + w));
            Allocation measured = file.measure(catalogue, basis == null ? AreaBasis.GEOMETRY : basis, snapKm)
                    .allocation();
            table = AreaTable.of(measured, catalogue, List.of());
        } else {
            Scenario s = Scenarios.load(scenario, catalogue, spec);
            Allocation allocation = ScenarioAllocation.allocate(s, catalogue,
                    basis == null ? AreaBasis.OFFICIAL : basis);
            table = AreaTable.of(allocation, catalogue, s.totals());
        }
        TableFormat f = fmt;
        if (output != null) {
            AtomicOutput.write(output, false, out -> f.write(table, out));
        } else {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            f.write(table, buf);
            spec.commandLine().getOut().print(buf.toString(StandardCharsets.UTF_8));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
