package org.controlmap.render.chart;

import org.controlmap.geodata.PointMapping;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.controlmap.control.Controller;
import org.controlmap.control.NumberText;
import org.controlmap.control.measure.ControlChange;
import org.controlmap.io.AtomicOutput;
import org.controlmap.region.CountryOutline;
import org.controlmap.region.Region;
import org.controlmap.render.MapFormat;
import org.controlmap.render.MapProjection;
import org.controlmap.render.MapScene;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * The change map of {@code diff}: territory gained (red) and lost (blue) by one
 * side between two snapshots, drawn over the later held territory (pale red),
 * the region boundaries and the neighbouring countries, framed on where things
 * changed. Red against blue survives the common colour-vision deficiencies
 * (see docs/map-conventions.md). Built as a {@link MapScene} in the renderer's
 * projection ({@link MapProjection}, Lambert conformal conic 46°/51°, 32°E), so
 * the SVG, PNG and PDF back ends draw it like every other map.
 */
public final class ChangeMap {
    private static final int GAINED = 0xB2182B;
    private static final int LOST = 0x2166AC;
    private static final int HELD = 0xA52714;
    private static final int INK = 0x222222;
    private static final int MUTED = 0x555555;
    private static final double WIDTH = 1000;
    private static final double TOP = 70;
    private static final double BOTTOM = 110;
    private static final GeometryFactory GF = new GeometryFactory();

    private ChangeMap() {
    }

    /**
     * Builds the scene.
     *
     * @param change     the comparison
     * @param regions    region boundaries to draw (lon/lat)
     * @param countries  country outlines for context (may be empty)
     * @param fromLabel  the earlier snapshot as a reader knows it ("2024-11-20")
     * @param toLabel    the later one
     * @param credit     source credit ("DeepStateMap via cyterat/deepstate-map-data")
     */
    public static MapScene scene(ControlChange change, List<Region> regions, List<CountryOutline> countries,
            String fromLabel, String toLabel, String credit) {
        MapProjection proj = new MapProjection();
        Geometry gained = proj.project(change.gained());
        Geometry lost = proj.project(change.lost());
        Geometry later = proj.project(change.later());

        // Frame: where things changed, at least 300 km across, with a margin; else the later territory.
        Envelope env = new Envelope(gained.getEnvelopeInternal());
        env.expandToInclude(lost.getEnvelopeInternal());
        if (env.isNull()) {
            env = new Envelope(later.getEnvelopeInternal());
        }
        if (env.isNull()) {
            env = new Envelope(proj.project(regions.get(0).geometry()).getEnvelopeInternal());
        }
        double min = 300_000;
        if (env.getWidth() < min) {
            env.expandBy((min - env.getWidth()) / 2, 0);
        }
        if (env.getHeight() < min * 0.6) {
            env.expandBy(0, (min * 0.6 - env.getHeight()) / 2);
        }
        env.expandBy(env.getWidth() * 0.08, env.getHeight() * 0.08);
        double scale = WIDTH / env.getWidth();
        double mapH = env.getHeight() * scale;
        double height = TOP + mapH + BOTTOM;
        MapScene.Georeference georef = new MapScene.Georeference(env.getMinX(), env.getMaxY(), scale, TOP);
        Geometry frame = GF.toGeometry(env);

        List<MapScene.Item> items = new ArrayList<>();
        items.add(figure(GF.toGeometry(new Envelope(0, WIDTH, 0, height)), MapScene.Style.fill(0xFFFFFF), null,
                null));
        items.add(figure(px(frame, georef), MapScene.Style.fill(0xDCE9F2), "sea", null));
        List<MapScene.Item> land = new ArrayList<>();
        for (CountryOutline c : countries) {
            Geometry g = clip(proj.project(c.geometry()), frame);
            if (!g.isEmpty()) {
                land.add(figure(px(g, georef), MapScene.Style.fillAndLine(c.iso().equals("UA") ? 0xFFFFFF : 0xEEEEEE,
                        0x999999, 0.8), "country", c.nameEn()));
            }
        }
        for (Region r : regions) {
            Geometry g = clip(proj.project(r.geometry()), frame);
            if (!g.isEmpty()) {
                land.add(figure(px(g, georef), new MapScene.Style(countries.isEmpty() ? 0xFFFFFF : -1, 1, 0xAAAAAA,
                        0.6, null), "region", r.iso() + " " + r.nameEn()));
            }
        }
        items.add(new MapScene.Group("land", Map.of(), land));
        Controller c = change.controller();
        items.add(figure(px(clip(later, frame), georef), new MapScene.Style(HELD, 0.22, HELD, 0.6, null), "held",
                "held by " + c.name() + " on " + toLabel));
        double[] totals = totals(change);
        items.add(figure(px(clip(gained, frame), georef), new MapScene.Style(GAINED, 1, GAINED, 0.8, null), "gained",
                "gained by " + c.name() + ": " + NumberText.grouped(round1(totals[0])) + " km²"));
        items.add(figure(px(clip(lost, frame), georef), new MapScene.Style(LOST, 1, LOST, 0.8, null), "lost",
                "regained by " + other(c).name() + ": " + NumberText.grouped(round1(totals[1])) + " km²"));
        items.add(figure(GF.toGeometry(new Envelope(0, WIDTH, TOP, TOP + mapH)), MapScene.Style.line(0x666666, 1),
                "frame", null));

        String title = "Territory that changed hands, " + fromLabel + " → " + toLabel;
        items.add(text(16, 32, title, 22, true, INK));
        items.add(text(16, 56, "Held by " + c.countryName() + ": gains and losses between the two snapshots", 14,
                false, MUTED));
        double ly = TOP + mapH + 28;
        items.addAll(swatch(16, ly, GAINED, 1, "Gained by " + c.name() + ": "
                + NumberText.grouped(round1(totals[0])) + " km²"));
        items.addAll(swatch(330, ly, LOST, 1, "Regained by " + other(c).name() + ": "
                + NumberText.grouped(round1(totals[1])) + " km²"));
        items.addAll(swatch(660, ly, HELD, 0.22, "Held by " + c.name() + " on " + toLabel));
        items.add(text(16, ly + 34, "Net: " + (totals[0] - totals[1] >= 0 ? "+" : "−")
                + NumberText.grouped(round1(Math.abs(totals[0] - totals[1]))) + " km² for " + c.name()
                + " (geodesic, WGS84; all regions and outside)", 13, false, INK));
        items.add(text(16, ly + 62, "Source: " + credit + ". Boundaries: Natural Earth. Projection: Lambert "
                + "conformal conic 46°/51°N, 32°E.", 12, false, MUTED));
        return new MapScene(WIDTH, round(height), title, "Gains and losses of " + c.name() + "-held territory, "
                + fromLabel + " to " + toLabel, List.copyOf(items), georef);
    }

    /** Writes the scene as SVG, PNG or PDF by the file's extension, atomically. */
    public static void write(MapScene scene, Path file) {
        MapFormat f = MapFormat.of(file);
        AtomicOutput.write(file, false, out -> f.write(scene, 144, out));
    }

    /** Writes the scene to a stream in a format. */
    public static void write(MapScene scene, MapFormat format, OutputStream out) throws IOException {
        format.write(scene, 144, out);
    }

    private static double[] totals(ControlChange change) {
        double g = 0;
        double l = 0;
        for (ControlChange.Row r : change.rows()) {
            if (!r.iso().equals("UA")) {
                g += r.gainedKm2();
                l += r.lostKm2();
            }
        }
        return new double[] {g, l};
    }

    private static Controller other(Controller c) {
        return c == Controller.RU ? Controller.UA : Controller.RU;
    }

    private static List<MapScene.Item> swatch(double x, double y, int rgb, double opacity, String label) {
        return List.of(
                figure(GF.toGeometry(new Envelope(x, x + 22, y - 13, y + 3)), new MapScene.Style(rgb, opacity, rgb,
                        0.8, null), "legend", null),
                text(x + 30, y, label, 14, false, INK));
    }

    private static MapScene.Figure figure(Geometry g, MapScene.Style style, String cssClass, String tooltip) {
        Map<String, String> attrs = new LinkedHashMap<>();
        return new MapScene.Figure(g, style, cssClass, attrs, tooltip);
    }

    private static MapScene.Text text(double x, double y, String s, double size, boolean bold, int color) {
        return new MapScene.Text(x, y, s, size, bold, MapScene.Anchor.START, color, -1, 0, null);
    }

    private static Geometry clip(Geometry g, Geometry frame) {
        if (g.isEmpty() || !g.getEnvelopeInternal().intersects(frame.getEnvelopeInternal())) {
            return GF.createMultiPolygon();
        }
        if (frame.getEnvelopeInternal().covers(g.getEnvelopeInternal())) {
            return g;
        }
        return OverlayNGRobust.overlay(g, frame, OverlayNG.INTERSECTION);
    }

    /** Projected metres to canvas pixels, rounded to a tenth of a pixel (the scene's contract). */
    private static Geometry px(Geometry projected, MapScene.Georeference r) {
        PointMapping m = (x, y, o) -> {
            o[0] = round((x - r.originX()) * r.scale());
            o[1] = round(r.top() + (r.originY() - y) * r.scale());
        };
        return m.copyOf(projected);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
