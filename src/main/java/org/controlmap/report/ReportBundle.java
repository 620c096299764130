package org.controlmap.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.controlmap.control.Allocation;
import org.controlmap.control.Controller;
import org.controlmap.control.ScenarioAllocation;
import org.controlmap.control.claims.CheckReport;
import org.controlmap.control.claims.CheckReportWriter;
import org.controlmap.control.claims.ClaimCheck;
import org.controlmap.control.measure.ControlFile;
import org.controlmap.control.measure.Measurement;
import org.controlmap.table.SeriesTable;
import org.controlmap.io.AtomicOutput;
import org.controlmap.io.OutputSet;
import org.controlmap.region.AreaBasis;
import org.controlmap.region.CountryOutline;
import org.controlmap.region.RegionCatalogue;
import org.controlmap.render.ControlMap;
import org.controlmap.render.MapFormat;
import org.controlmap.render.MapScene;
import org.controlmap.render.chart.SeriesChart;
import org.controlmap.table.AreaTable;
import org.controlmap.table.TableFormat;

/**
 * A report bundle for an editor: {@code index.html} (map, table, the report's verdicts, the series chart,
 * captions, alt text, method and licence notes, print CSS) and, beside it, every file it shows or names,
 * each made by the same code as the command that writes it alone: {@code map.svg|png|pdf} as
 * {@code render}, {@code areas.csv|md} as {@code areas}, {@code check.json} as {@code check}, and with a
 * series {@code chart.svg} and {@code series.csv} as {@code series}. Built in memory first, so the files
 * are written together or not at all ({@link #write}); the same inputs give the same bytes.
 *
 * @param files the files in the order {@code index.html} lists them, {@code index.html} last
 */
public record ReportBundle(List<BundleFile> files) {

    /** Days between the report's date and the polygons' beyond which a warning says so, as {@code check} does. */
    public static final int MAX_DAYS_APART = 31;

    /**
     * One file of the bundle.
     *
     * @param name  file name inside the bundle directory
     * @param what  what it is, one phrase for the page's file list
     * @param bytes its contents
     */
    public record BundleFile(String name, String what, byte[] bytes) {
    }

    /**
     * Measures, draws, tables and checks once, and writes every file to memory.
     *
     * @param workers  lay out the map's parts side by side (see {@link ControlMap}); the bundle is the same
     *                 whatever they are
     * @param warnings one-line warnings (undated polygons, report and polygons far apart, measuring notes)
     */
    public static ReportBundle of(ReportInputs in, Executor workers, Consumer<String> warnings) {
        RegionCatalogue catalogue = in.catalogue();
        AreaBasis basis = in.measure().basis();
        ControlMap map = ControlMap.start(catalogue.regions(), CountryOutline.bundled(), in.map(), workers);
        AreaTable table;
        ControlMap.Drawing drawing;
        CheckReport check;
        ControlFile file = in.control();
        ClaimCheck claims = ClaimCheck.of(catalogue, basis);
        if (file == null) {
            Allocation own = ScenarioAllocation.allocate(in.scenario(), catalogue, basis);
            table = AreaTable.of(own, catalogue, in.scenario().totals());
            drawing = map.scenario(own, false);
            check = claims.check(in.scenario(), own, EnumSet.allOf(Controller.class));
        } else {
            warnIfFarApart(in, warnings);
            Measurement m = file.measure(catalogue, in.measure(), warnings);
            table = AreaTable.of(m.allocation(), catalogue, List.of());
            drawing = map.measured(m, false);
            // As check does: claims about a side the polygons do not draw are unmeasured, not "none held".
            Set<Controller> drawn = EnumSet.of(in.side());
            drawn.addAll(file.polygons().controllers());
            check = claims.check(in.scenario(), m.allocation(), drawn);
        }
        MapScene scene = drawing.scene();
        boolean uk = "uk".equals(in.map().lang());

        List<BundleFile> files = new ArrayList<>();
        for (MapFormat f : MapFormat.values()) {
            String ext = f.name().toLowerCase(Locale.ROOT);
            files.add(new BundleFile("map." + ext, ReportPage.mapFileWhat(f, uk),
                    bytes(out -> f.write(scene, in.dpi(), out))));
        }
        files.add(new BundleFile("areas.csv", uk ? "таблиця площ, CSV (км² до 3 знаків, відсотки до 2)"
                : "the area table, CSV (km² to 3 decimals, percentages to 2)", bytes(out -> TableFormat.CSV.write(table, out))));
        files.add(new BundleFile("areas.md", uk ? "таблиця площ, Markdown" : "the area table, Markdown",
                bytes(out -> TableFormat.MD.write(table, out))));
        files.add(new BundleFile("check.json", uk ? "перевірка цифр звіту, JSON" : "the check of the report's figures, JSON",
                bytes(out -> CheckReportWriter.json(check, out))));
        SeriesChart chart = null;
        if (in.series() != null) {
            chart = SeriesChart.of(in.series(), List.of());
            byte[] svg = chart.svg().getBytes(StandardCharsets.UTF_8);
            files.add(new BundleFile("chart.svg", uk ? "графік утримуваної площі за датами, SVG"
                    : "the chart of held km² by date, SVG", svg));
            files.add(new BundleFile("series.csv", uk ? "утримувана площа за датами й областями, CSV"
                    : "held km² by date and region, CSV", bytes(out -> TableFormat.CSV.write(SeriesTable.table(in.series()), out))));
        }
        byte[] tableHtml = bytes(out -> TableFormat.HTML.write(table, out));
        String page = new ReportPage(in, table, new String(tableHtml, StandardCharsets.UTF_8), check, scene,
                chart, List.copyOf(files)).html();
        files.add(new BundleFile("index.html", uk ? "ця сторінка" : "this page", page.getBytes(StandardCharsets.UTF_8)));
        return new ReportBundle(List.copyOf(files));
    }

    /** The file of this name, or null. */
    public BundleFile file(String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }

    /**
     * Writes every file into {@code dir}, replacing the files of the same names all together or none
     * ({@link OutputSet}); {@code dir} is created when missing, and removed again if the write fails. Files
     * in {@code dir} that the bundle does not make are left alone.
     */
    public void write(Path dir) {
        boolean created = !Files.exists(dir);
        boolean done = false;
        try (OutputSet out = new OutputSet()) {
            for (BundleFile f : files) {
                byte[] b = f.bytes();
                out.add(dir.resolve(f.name()), true, o -> o.write(b));
            }
            out.commit();
            done = true;
        } finally {
            if (created && !done) {
                try {
                    Files.deleteIfExists(dir); // only when empty: a failed run leaves nothing behind
                } catch (IOException ignored) {
                    // not empty or not removable: nothing of this run is in it
                }
            }
        }
    }

    private static void warnIfFarApart(ReportInputs in, Consumer<String> warnings) {
        ControlFile file = in.control();
        if (in.scenario().date() == null || file.date() == null) {
            return;
        }
        long days = Math.abs(ChronoUnit.DAYS.between(in.scenario().date(), file.date()));
        if (days > MAX_DAYS_APART) {
            warnings.accept("the report is dated " + in.scenario().date() + " and the control polygons ("
                    + file.path() + ") " + file.date() + ", " + days + " days apart: the front may have moved in "
                    + "between (give --date if the file's date is wrong)");
        }
    }

    private static byte[] bytes(AtomicOutput.Writer writer) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(1 << 16);
        try {
            writer.writeTo(buf);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // memory only: cannot happen
        }
        return buf.toByteArray();
    }
}
