package org.controlmap.cli;

import org.controlmap.io.FileKind;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.controlmap.control.Allocation;
import org.controlmap.control.Scenario;
import org.controlmap.control.ScenarioAllocation;
import org.controlmap.control.measure.ControlFile;
import org.controlmap.control.measure.Measurement;
import org.controlmap.geodata.InputException;
import org.controlmap.io.AtomicOutput;
import org.controlmap.region.AreaBasis;
import org.controlmap.region.RegionCatalogue;
import org.controlmap.table.AreaTable;
import org.controlmap.geodata.FeatureFileFormat;
import org.controlmap.table.HeldGround;
import org.controlmap.table.TableFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    InputOptions input;

    @Option(names = "--basis", paramLabel = "official|geometry",
            description = "What region percentages are shares of: official areas (default for scenarios) or "
                    + "the geodesic area of the boundaries (default with control polygons, whose Ukraine total is always a share of the "
                    + "official 603,628 km², as DeepStateMap publishes it).")
    AreaBasis basis;

    @Option(names = "--format", paramLabel = "csv|md|json|html",
            description = "Output format. Default: from the -o extension, else csv.")
    TableFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout. "
            + "With --control, FILE.gpkg or FILE.geojson holds the geometry measured instead: the held ground per "
            + "region and the front line, with the table's columns (docs/outputs.md).")
    Path output;

    @Override
    public Integer call() throws IOException {
        input.validate(false);
        FeatureFileFormat geo = null;
        if (output != null) {
            AtomicOutput.checkWritable(output);
            AtomicOutput.checkNotInput(output, input.inputs());
            geo = format == null ? FeatureFileFormat.forFileName(output.getFileName().toString()) : null;
            if (geo != null && input.control == null) {
                throw new InputException(output + ": ." + geo.extension() + " holds measured geometry; give "
                        + "--control FILE, or use " + FileKind.choices(TableFormat.values()));
            }
        }
        TableFormat fmt = geo != null ? null : TableFormat.choose(format, output, TableFormat.values());
        RegionCatalogue catalogue = RegionCatalogue.bundled();
        AreaTable table;
        ControlFile file = input.controlFile(spec);
        if (file != null) {
            Measurement m = file.measure(catalogue, input.attribution.options(basis == null ? AreaBasis.GEOMETRY : basis),
                    w -> InputOptions.warn(spec, w));
            table = AreaTable.of(m.allocation(), catalogue, List.of());
            if (geo != null) {
                HeldGround held = HeldGround.of(table, m);
                FeatureFileFormat g = geo;
                AtomicOutput.write(output, false, out -> g.write(held.layers(), table.date(), out));
                return 0;
            }
        } else {
            Scenario s = input.scenario(catalogue, spec);
            Allocation allocation = ScenarioAllocation.allocate(s, catalogue,
                    basis == null ? AreaBasis.OFFICIAL : basis);
            table = AreaTable.of(allocation, catalogue, s.totals());
        }
        TableFormat f = fmt;
        Output.write(spec, output, out -> f.write(table, out));
        return 0;
    }
}
