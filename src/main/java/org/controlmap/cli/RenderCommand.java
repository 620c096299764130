package org.controlmap.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.controlmap.control.Allocation;
import org.controlmap.control.Scenario;
import org.controlmap.control.ScenarioAllocation;
import org.controlmap.control.measure.ControlFile;
import org.controlmap.control.measure.DistrictOverlay;
import org.controlmap.control.measure.Measurement;
import org.controlmap.geodata.GeoJsonWriter;
import org.controlmap.InputException;
import org.controlmap.io.AtomicOutput;
import org.controlmap.io.FileKind;
import org.controlmap.io.OutputSet;
import org.controlmap.region.AreaBasis;
import org.controlmap.region.CountryOutline;
import org.controlmap.region.RegionCatalogue;
import org.controlmap.region.UserRegions;
import org.controlmap.render.ControlMap;
import org.controlmap.render.DistrictLayer;
import org.controlmap.render.MapFocus;
import org.controlmap.render.MapFonts;
import org.controlmap.render.MapFormat;
import org.controlmap.render.MapMode;
import org.controlmap.render.MapOptions;
import org.controlmap.render.MapScene;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "render", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Control map as SVG, PNG and/or PDF (format from each -o extension; all share one layout).",
            "Without options: the bundled scenario (Reuters, November 2024) as a schematic map, "
                    + "written to out/map.svg and out/map.png."})
final class RenderCommand implements Callable<Integer> {
    static final int DEFAULT_DPI = 200;

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Mixin
    MapLookOptions look = new MapLookOptions();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Output file, .svg, .png or .pdf; repeat for several. Default: out/map.svg and out/map.png.")
    List<Path> outputs = new ArrayList<>();

    @Mixin
    MapPageOptions page = new MapPageOptions();

    @Option(names = "--basis", paramLabel = "official|geometry",
            description = "What region percentages are shares of: official areas (default for scenarios) or "
                    + "the geodesic area of the boundaries (default with control polygons, whose Ukraine total is always a share of the "
                    + "official 603,628 km², as DeepStateMap publishes it).")
    AreaBasis basis;

    @Mixin
    FocusOptions frame = new FocusOptions();

    @Mixin
    RegionsOptions regions = new RegionsOptions();

    @Option(names = "--export-geojson", paramLabel = "FILE",
            description = "Also write the drawn control pieces as GeoJSON (lon/lat, iso_3166_2, controller).")
    Path exportGeojson;

    @Override
    public Integer call() throws IOException {
        // Everything the user can get wrong is checked here, before any work.
        input.validate(false);
        regions.validate();
        if (regions.file != null && input.control == null) {
            throw new InputException("--regions needs --control: districts are drawn with their measured share; "
                    + "a scenario's figures are per region");
        }
        if (regions.file != null && basis == AreaBasis.OFFICIAL) {
            throw new InputException("--regions: your districts have no official areas; use --basis geometry");
        }
        MapMode mapMode = look.mode(input.control != null);
        int dpi = page.dpi(DEFAULT_DPI);
        int width = page.width(MapOptions.DEFAULT_WIDTH, dpi);
        String language = look.language();
        boolean defaults = outputs.isEmpty();
        List<Path> targets = defaults ? List.of(Path.of("out", "map.svg"), Path.of("out", "map.png")) : outputs;
        Map<Path, MapFormat> formats = new LinkedHashMap<>();
        Set<Path> seen = new HashSet<>();
        for (Path t : targets) {
            MapFormat f = MapFormat.of(t);
            if (!seen.add(t.toAbsolutePath().normalize())) {
                throw new InputException(t + ": given twice as -o");
            }
            checkTarget(t, defaults);
            formats.put(t, f);
        }
        if (exportGeojson != null) {
            if (!FileKind.hasExtension(exportGeojson, List.of("geojson", "json"))) {
                throw new InputException(exportGeojson + ": --export-geojson writes GeoJSON; use a .geojson or .json name");
            }
            if (!seen.add(exportGeojson.toAbsolutePath().normalize())) {
                throw new InputException(exportGeojson + ": also given as -o");
            }
            checkTarget(exportGeojson, false);
        }

        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        // Two cores: load the outlines (and the fonts, when a PNG or PDF draws text) while the
        // catalogue loads (both are cached, thread-safe). Layout measures text without them.
        boolean drawsText = formats.values().stream().anyMatch(f -> f != MapFormat.SVG);
        Workers.shared().execute(() -> {
            CountryOutline.bundled();
            if (drawsText) {
                MapFonts.get();
            }
        });
        RegionCatalogue catalogue = RegionCatalogue.bundled();
        MapFocus focus = frame.focus(catalogue);
        UserRegions districts = regions.read(catalogue, spec);
        List<String> footnotes = page.notes();
        if (districts != null) {
            footnotes.add(DistrictLayer.note(districts, mapMode, language));
        }
        ControlMap map = ControlMap.start(catalogue.regions(), CountryOutline.bundled(),
                new MapOptions(mapMode, language, page.title(), width, focus, page.credit(), footnotes),
                Workers.shared());
        ControlMap.Drawing drawing;
        ControlFile file = input.controlFile(spec);
        if (file == null) {
            Scenario s = input.scenario(catalogue, spec);
            Allocation allocation = ScenarioAllocation.allocate(s, catalogue, basis == null ? AreaBasis.OFFICIAL : basis);
            drawing = map.scenario(allocation, exportGeojson != null);
        } else {
            Measurement m = file.measure(catalogue, input.attribution.options(basis == null ? AreaBasis.GEOMETRY : basis),
                    w -> InputOptions.warn(spec, w));
            DistrictLayer layer = districts == null ? null
                    : new DistrictLayer(districts, file.districtKm2(new DistrictOverlay(districts)));
            drawing = map.measured(m, exportGeojson != null, layer);
        }
        MapScene scene = drawing.scene();

        // Render everything first, then write: a failure leaves no file half-written or out of step.
        Map<Path, byte[]> bytes = new LinkedHashMap<>();
        for (Map.Entry<Path, MapFormat> e : formats.entrySet()) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream(1 << 20);
            e.getValue().write(scene, dpi, buf);
            bytes.put(e.getKey(), buf.toByteArray());
        }
        if (exportGeojson != null) {
            bytes.put(exportGeojson, GeoJsonWriter.toBytes(drawing.features()));
        }
        // All outputs are replaced together or not at all.
        try (OutputSet files = new OutputSet()) {
            for (Map.Entry<Path, byte[]> e : bytes.entrySet()) {
                byte[] b = e.getValue();
                files.add(e.getKey(), defaults, out -> out.write(b));
            }
            files.commit();
        }
        for (Path p : bytes.keySet()) {
            spec.commandLine().getOut().println("wrote " + p);
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The default out/ directory is created when missing; a directory the user names must exist. */
    private void checkTarget(Path t, boolean mayCreateDir) {
        AtomicOutput.checkNotInput(t, input.inputs());
        if (regions.file != null) {
            AtomicOutput.checkNotInput(t, regions.file);
        }
        Path dir = t.toAbsolutePath().getParent();
        if (mayCreateDir && dir != null && !Files.exists(dir)) {
            Path parent = dir.getParent();
            if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
                throw new InputException(t + ": cannot create output directory " + dir);
            }
            return;
        }
        AtomicOutput.checkWritable(t);
    }
}
