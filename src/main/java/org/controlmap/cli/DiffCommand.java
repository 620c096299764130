package org.controlmap.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.controlmap.control.Controller;
import org.controlmap.control.measure.ChangeFormat;
import org.controlmap.control.measure.ControlChange;
import org.controlmap.control.measure.ControlOverlay;
import org.controlmap.control.measure.ControlPolygons;
import org.controlmap.control.measure.ControlSeries;
import org.controlmap.control.measure.SnapshotDates;
import org.controlmap.geodata.InputException;
import org.controlmap.io.AtomicOutput;
import org.controlmap.region.CountryOutline;
import org.controlmap.region.AreaBasis;
import org.controlmap.region.RegionCatalogue;
import org.controlmap.render.MapFormat;
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
                    + "goes to stdout."})
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

    @Option(names = "--format", paramLabel = "csv|md|json",
            description = "Table format. Default: from the -o extension when it is a table, else csv.")
    ChangeFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the change map (.svg, .png, .pdf) or the table (.csv, .md, .json) to FILE.")
    Path output;

    @Option(names = "--source", paramLabel = "TEXT",
            description = "Credit for the snapshots. Default: DeepStateMap's credit for its daily exports, else "
                    + "the file names.")
    String source;

    @Override
    public Integer call() throws IOException {
        attribution.validate(true);
        ChangeFormat fmt = format;
        boolean map = false;
        if (output != null) {
            AtomicOutput.checkWritable(output);
            AtomicOutput.checkNotInput(output, from, to);
            String n = output.getFileName().toString().toLowerCase(Locale.ROOT);
            if (n.endsWith(".csv") || n.endsWith(".md") || n.endsWith(".json")) {
                if (fmt == null) {
                    fmt = ChangeFormat.valueOf(n.substring(n.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT));
                }
            } else {
                MapFormat.of(output); // names the accepted extensions when it is neither
                map = true;
            }
        }
        if (fmt == null) {
            fmt = ChangeFormat.CSV;
        }
        RegionCatalogue catalogue = RegionCatalogue.bundled();
        ControlPolygons a = ControlPolygons.read(from, controller, this::warn);
        ControlPolygons b = ControlPolygons.read(to, controller, this::warn);
        ControlChange change = ControlChange.between(ControlOverlay.of(catalogue), a, b, controller,
                attribution.options(AreaBasis.GEOMETRY));
        ChangeFormat f = fmt;
        if (output != null && !map) {
            AtomicOutput.write(output, false, out -> f.write(change, out));
            return 0;
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        f.write(change, buf);
        spec.commandLine().getOut().print(buf.toString(StandardCharsets.UTF_8));
        spec.commandLine().getOut().flush();
        if (map) {
            String credit = source != null ? source : credit();
            ChangeMap.write(ChangeMap.scene(change, catalogue.regions(), CountryOutline.bundled(), label(from),
                    label(to), credit), output);
        }
        return 0;
    }

    private void warn(String w) {
        spec.commandLine().getErr().println("controlmap: warning: " + w);
    }

    private String credit() {
        boolean deepstate = from.getFileName().toString().startsWith("deepstatemap_data_")
                && to.getFileName().toString().startsWith("deepstatemap_data_");
        if (deepstate) {
            return ControlSeries.DEEPSTATE_CREDIT;
        }
        return from.getFileName() + ", " + to.getFileName();
    }

    /** The snapshot's date when its name has one, else its file name. */
    private static String label(Path p) {
        return SnapshotDates.fromFileName(p.getFileName().toString()).map(Object::toString)
                .orElse(p.getFileName().toString());
    }
}
