package org.controlmap.cli;

import org.controlmap.io.FileKind;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.controlmap.control.Allocation;
import org.controlmap.control.Scenario;
import org.controlmap.control.ScenarioAllocation;
import org.controlmap.control.measure.ControlFile;
import org.controlmap.control.measure.DistrictOverlay;
import org.controlmap.control.measure.Measurement;
import org.controlmap.InputException;
import org.controlmap.io.AtomicOutput;
import org.controlmap.region.AreaBasis;
import org.controlmap.region.RegionCatalogue;
import org.controlmap.region.UserRegions;
import org.controlmap.table.DistrictTable;
import org.controlmap.table.AreaTable;
import org.controlmap.table.FeatureFileFormat;
import org.controlmap.table.HeldGround;
import org.controlmap.table.TableFormat;
import org.locationtech.jts.geom.Geometry;
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

    @Mixin
    RegionsOptions regions = new RegionsOptions();

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
            + "region (and per district with --regions) and the front line, with the table's columns (docs/outputs.md).")
    Path output;

    @Override
    public Integer call() throws IOException {
        input.validate(false);
        regions.validate();
        if (regions.file != null && input.control == null) {
            throw new InputException("--regions needs --control: a report's figures are per region, not per "
                    + "district");
        }
        if (regions.file != null && basis == AreaBasis.OFFICIAL) {
            throw new InputException("--regions: your districts have no official areas; use --basis geometry");
        }
        FeatureFileFormat geo = null;
        if (output != null) {
            AtomicOutput.checkWritable(output);
            AtomicOutput.checkNotInput(output, input.inputs());
            if (regions.file != null) {
                AtomicOutput.checkNotInput(output, regions.file);
            }
            geo = format == null ? FeatureFileFormat.forFileName(output.getFileName().toString()) : null;
            if (geo != null && input.control == null) {
                throw new InputException(output + ": ." + geo.extension() + " holds measured geometry; give "
                        + "--control FILE, or use " + FileKind.choices(TableFormat.values()));
            }
        }
        TableFormat fmt = geo != null ? null : TableFormat.choose(format, output, TableFormat.values());
        RegionCatalogue catalogue = RegionCatalogue.bundled();
        AreaTable table;
        UserRegions districts = regions.read(catalogue, spec);
        ControlFile file = input.controlFile(spec);
        if (file != null) {
            Measurement m = file.measure(catalogue, input.attribution.options(basis == null ? AreaBasis.GEOMETRY : basis),
                    w -> InputOptions.warn(spec, w));
            AreaTable measured = AreaTable.of(m.allocation(), catalogue, List.of());
            DistrictOverlay overlay = districts == null ? null : new DistrictOverlay(districts);
            table = districts == null ? measured
                    : DistrictTable.of(measured, districts, file.districtKm2(overlay));
            if (geo != null) {
                HeldGround held = HeldGround.of(table, m, overlay == null ? Map.of() : districtShapes(table,
                        overlay, file));
                FeatureFileFormat g = geo;
                AtomicOutput.write(output, false, out -> g.write(held.layers(), measured.date(), out));
                return 0;
            }
        } else {
            Scenario s = input.scenario(catalogue, spec);
            Allocation allocation = ScenarioAllocation.allocate(s, catalogue,
                    basis == null ? AreaBasis.OFFICIAL : basis);
            table = AreaTable.of(allocation, catalogue, s.totals());
        }
        TableFormat f = fmt;
        AreaTable written = table;
        Output.write(spec, output, out -> f.write(written, out));
        return 0;
    }

    /** Each held district row's ground: its counted part ∩ the held ground of the side its row names. */
    private static Map<String, Geometry> districtShapes(AreaTable table, DistrictOverlay overlay, ControlFile file) {
        Map<String, Integer> index = new HashMap<>();
        List<UserRegions.District> ds = overlay.districts().districts();
        for (int i = 0; i < ds.size(); i++) {
            index.put(ds.get(i).id(), i);
        }
        Map<String, Geometry> out = new HashMap<>();
        for (AreaTable.Row r : table.rows()) {
            Integer i = index.get(r.iso());
            if (i != null && r.controller() != null) {
                out.put(r.iso(), overlay.shape(i, file.polygons().held(r.controller()), file.path().toString()));
            }
        }
        return out;
    }
}
