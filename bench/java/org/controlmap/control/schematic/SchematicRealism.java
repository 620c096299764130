package org.controlmap.control.schematic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.controlmap.control.Allocation;
import org.controlmap.control.Controller;
import org.controlmap.control.RegionControl;
import org.controlmap.control.measure.ControlFile;
import org.controlmap.control.measure.ControlOverlay;
import org.controlmap.control.measure.MeasureOptions;
import org.controlmap.control.measure.Measurement;
import org.controlmap.geodata.GeodesicArea;
import org.controlmap.region.AreaBasis;
import org.controlmap.region.RegionCatalogue;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * How much a schematic map looks like the real one (issue 9, item 6): for
 * DeepStateMap snapshots, each Ukrainian region's Russian-held share is
 * measured (default nearest attribution, {@link ControlOverlay}), the same
 * shares are laid out as a scenario with {@link SchematicLayout}, and each
 * region's schematic piece is compared with the real held ground in that
 * region ({@link Measurement#clipped}): intersection over union, both areas
 * geodesic km² on WGS84 ({@link GeodesicArea}).
 *
 * <p>Per day it prints one row per region (share, IoU) and two overall
 * figures: IoU averaged over the regions weighted by held km² ("weighted"),
 * and the same without the regions drawn whole (Crimea, Sevastopol, Luhansk
 * when ≥ 99.9 %, which match by construction). Not a unit test: it reads
 * ../shared, which tests never do. Run by bench/realism/run.sh.
 *
 * <p>Usage: {@code SchematicRealism DATA_DIR [EVERY_NTH_DAY] [summary|all] [FIRST_INDEX]}
 */
public final class SchematicRealism {

    /** One region on one day. */
    record RegionIou(String iso, String name, double share, double heldKm2, double iou, boolean whole) {
    }

    /** One day's figures. */
    record Day(String file, List<RegionIou> regions) {
        double weighted(boolean withWhole) {
            double w = 0;
            double s = 0;
            for (RegionIou r : regions) {
                if (withWhole || !r.whole()) {
                    w += r.heldKm2();
                    s += r.heldKm2() * r.iou();
                }
            }
            return w > 0 ? s / w : Double.NaN;
        }

        /** Regions holding ≥ 3 % with IoU below 0.5. */
        List<RegionIou> failing() {
            return regions.stream().filter(r -> r.share() >= 0.03 && r.iou() < 0.5).toList();
        }
    }

    public static void main(String[] args) throws IOException {
        if (args[0].equals("scenario")) {
            writeScenario(Path.of(args[1]), Path.of(args[2]));
            return;
        }
        if (args[0].equals("side-by-side")) {
            sideBySide(Path.of(args[1]), java.util.Arrays.stream(args, 2, args.length).map(Path::of).toList());
            return;
        }
        Path dir = Path.of(args[0]);
        int every = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        boolean quiet = args.length > 2 && args[2].equals("summary");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".geojson")).sorted().toList();
        }
        RegionCatalogue cat = RegionCatalogue.bundled();
        ControlOverlay overlay = ControlOverlay.of(cat);
        SchematicLayout layout = SchematicLayout.bundled();
        List<Day> days = new ArrayList<>();
        int start = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        for (int i = start; i < files.size(); i += every) {
            Day d = day(files.get(i), cat, overlay, layout);
            days.add(d);
            if (!quiet) {
                System.out.printf(Locale.ROOT, "%n%s%n%-8s %-28s %8s %10s %6s%n", d.file(), "iso", "region",
                        "share%", "held_km2", "IoU");
                for (RegionIou r : d.regions()) {
                    System.out.printf(Locale.ROOT, "%-8s %-28s %8.2f %10.0f %6.3f%s%n", r.iso(), r.name(),
                            100 * r.share(), r.heldKm2(), r.iou(), r.whole() ? " (whole)" : "");
                }
            }
            System.out.printf(Locale.ROOT, "%s weighted IoU %.4f, without whole regions %.4f; "
                    + "regions >= 3%% below 0.5: %s%n", d.file(), d.weighted(true), d.weighted(false),
                    d.failing().stream().map(r -> r.name() + String.format(Locale.ROOT, " %.2f", r.iou()))
                            .toList());
        }
        double all = days.stream().mapToDouble(d -> d.weighted(true)).average().orElse(Double.NaN);
        double part = days.stream().mapToDouble(d -> d.weighted(false)).average().orElse(Double.NaN);
        long failingDays = days.stream().filter(d -> !d.failing().isEmpty()).count();
        System.out.printf(Locale.ROOT, "%nMEAN over %d days: weighted IoU %.4f, without whole regions %.4f; "
                + "days with a region >= 3%% below 0.5: %d%n", days.size(), all, part, failingDays);
        // Per region, the mean IoU over the days it holds >= 3 %.
        Map<String, List<RegionIou>> byRegion = new java.util.TreeMap<>();
        for (Day d : days) {
            for (RegionIou r : d.regions()) {
                if (r.share() >= 0.03 && !r.whole()) {
                    byRegion.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r);
                }
            }
        }
        for (Map.Entry<String, List<RegionIou>> e : byRegion.entrySet()) {
            System.out.printf(Locale.ROOT, "  %-28s mean share %6.2f%%  mean IoU %.3f  min %.3f%n", e.getKey(),
                    100 * e.getValue().stream().mapToDouble(RegionIou::share).average().orElseThrow(),
                    e.getValue().stream().mapToDouble(RegionIou::iou).average().orElseThrow(),
                    e.getValue().stream().mapToDouble(RegionIou::iou).min().orElseThrow());
        }
    }

    /** The measured shares of one snapshot, as a scenario file (percent of geometry: render with --basis geometry). */
    static void writeScenario(Path file, Path out) throws IOException {
        ControlFile cf = ControlFile.read(file, Controller.RU, w -> { });
        Measurement m = ControlOverlay.of(RegionCatalogue.bundled())
                .measure(cf.polygons(), MeasureOptions.defaults().withDate(cf.date()));
        StringBuilder y = new StringBuilder();
        y.append("# Per-region shares measured from ").append(file.getFileName())
                .append(" (nearest attribution, percent of geometry);\n# made by bench/realism (SchematicRealism).\n");
        y.append("date: ").append(cf.date()).append('\n');
        y.append("source:\n  title: \"").append(file.getFileName()).append(" measured\"\n  url: ")
                .append("https://github.com/cyterat/deepstate-map-data\n  quote: \"measured\"\n");
        y.append("statements:\n");
        for (RegionControl r : m.allocation().rows()) {
            if (r.controller() == Controller.RU && r.region().country().equals("UA") && r.share() > 0) {
                y.append(String.format(Locale.ROOT, "  - region: %s%n    controller: RU%n    percent: %.4f%n"
                        + "    quote: \"measured\"%n", r.region().iso(), r.controlledPct()));
            }
        }
        Files.writeString(out, y.toString());
    }

    /** PNGs side by side, tops aligned, on white (ImageIO writes no timestamps: same input, same bytes). */
    static void sideBySide(Path out, List<Path> pngs) throws IOException {
        List<java.awt.image.BufferedImage> images = new ArrayList<>();
        for (Path p : pngs) {
            images.add(javax.imageio.ImageIO.read(p.toFile()));
        }
        int w = images.stream().mapToInt(java.awt.image.BufferedImage::getWidth).sum();
        int h = images.stream().mapToInt(java.awt.image.BufferedImage::getHeight).max().orElse(1);
        java.awt.image.BufferedImage all = new java.awt.image.BufferedImage(w, h,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = all.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, w, h);
        int x = 0;
        for (java.awt.image.BufferedImage im : images) {
            g.drawImage(im, x, 0, null);
            x += im.getWidth();
        }
        g.dispose();
        javax.imageio.ImageIO.write(all, "png", out.toFile());
    }

    static Day day(Path file, RegionCatalogue cat, ControlOverlay overlay, SchematicLayout layout) {
        ControlFile cf = ControlFile.read(file, Controller.RU, w -> { });
        Measurement m = overlay.measure(cf.polygons(), MeasureOptions.defaults().withDate(cf.date()));
        Map<String, Geometry> real = m.clipped(Controller.RU);
        // The scenario: the same shares, Russian-held, Ukrainian regions only.
        List<RegionControl> rows = new ArrayList<>();
        for (RegionControl r : m.allocation().rows()) {
            if (r.controller() == Controller.RU && r.region().country().equals("UA") && r.share() > 0) {
                rows.add(new RegionControl(r.region(), Controller.RU, r.controlledPct(), r.controlledKm2(),
                        AreaBasis.GEOMETRY, r.figure(), "", null));
            }
        }
        Allocation scenario = new Allocation(rows, List.of(), AreaBasis.GEOMETRY, cf.date(), "bench", false);
        List<RegionIou> out = new ArrayList<>();
        for (SchematicPiece p : layout.pieces(scenario)) {
            Geometry truth = real.get(p.region().iso());
            double iou = 0;
            double heldKm2 = p.targetKm2();
            if (truth != null && !truth.isEmpty()) {
                double inter = GeodesicArea.km2(
                        OverlayNGRobust.overlay(p.geometry(), truth, OverlayNG.INTERSECTION));
                double a = GeodesicArea.km2(p.geometry());
                double b = GeodesicArea.km2(truth);
                iou = inter / (a + b - inter);
            }
            out.add(new RegionIou(p.region().iso(), p.region().nameEn(), p.share(), heldKm2, iou, p.whole()));
        }
        return new Day(file.getFileName().toString(), out);
    }
}
