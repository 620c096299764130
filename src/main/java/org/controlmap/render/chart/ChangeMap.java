package org.controlmap.render.chart;

import org.controlmap.geodata.PointMapping;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.controlmap.control.Controller;
import org.controlmap.control.NumberText;
import org.controlmap.control.measure.ChangeAreas;
import org.controlmap.control.measure.ControlChange;
import org.controlmap.geodata.Polygons;
import org.controlmap.io.AtomicOutput;
import org.controlmap.region.CountryOutline;
import org.controlmap.region.Region;
import java.util.function.Function;
import org.controlmap.geodata.Place;
import org.controlmap.geodata.PlaceCatalogue;
import org.controlmap.render.InsetMap;
import org.controlmap.render.LabelPlacer;
import org.controlmap.render.Footer;
import org.controlmap.render.MapFocus;
import org.controlmap.render.MapMode;
import org.controlmap.render.MapOptions;
import org.controlmap.render.Px;
import org.controlmap.render.TextFit;
import org.controlmap.render.TownLayer;
import org.controlmap.render.MapFormat;
import org.controlmap.render.MapProjection;
import org.controlmap.render.MapScene;
import org.controlmap.render.Palette;
import org.controlmap.render.ScaleBar;
import org.controlmap.render.TextWidths;
import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * The change map of {@code diff}: territory gained (red) and lost (blue) by one
 * side between two snapshots, drawn over the later held territory (pale red),
 * the region boundaries and the neighbouring countries, framed on where things
 * changed; regions named (with their net change where there was one, off the
 * changed ground), a scale bar true at the frame's centre latitude. Red against
 * blue survives the common colour-vision deficiencies (see
 * docs/map-conventions.md). Built as a {@link MapScene} in the renderer's projection
 * ({@link MapProjection}, Lambert conformal conic 46°/51°, 32°E), so the SVG,
 * PNG and PDF back ends draw it like every other map.
 */
public final class ChangeMap {
    private static final int GAINED = Palette.GAINED;
    private static final int LOST = Palette.LOST;
    private static final int HELD = Palette.CHANGE_HELD;
    private static final int INK = Palette.TEXT;
    private static final int MUTED = Palette.TEXT_MUTED;
    /** The width the change map is laid out at, px; other widths are this one scaled. */
    public static final double WIDTH = 1000;
    private static final double NAME_PX = 13;
    private static final double FIGURE_PX = 12;
    private static final double TOWN_PX = 11;
    /** Size of the inset as on a 1,600 px map scaled to this one's 1,000. */
    private static final double INSET_U = 1000 / 1600.0;
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
        return scene(change, regions, countries, fromLabel, toLabel, credit, null, List.of());
    }

    /**
     * As {@link #scene(ControlChange, List, List, String, String, String)},
     * framed on {@code focus} ({@link MapFocus#frame}) instead of the changed
     * ground when it is not null, the largest of {@code named} labelled with
     * their km² and the town they are nearest ("+412 km² near Pokrovsk").
     *
     * @param named the connected areas of change, largest first within each side ({@link ChangeAreas#areas})
     */
    public static MapScene scene(ControlChange change, List<Region> regions, List<CountryOutline> countries,
            String fromLabel, String toLabel, String credit, MapFocus focus, List<ChangeAreas.Area> named) {
        return scene(change, regions, countries, fromLabel, toLabel, credit, named,
                new MapOptions(MapMode.POLYGONS, "en", null, (int) WIDTH, focus, null, List.of()));
    }

    /**
     * As {@link #scene(ControlChange, List, List, String, String, String, MapFocus, List)}, with the words and
     * size {@code render} takes ({@link MapOptions}): the title instead of "Territory that changed hands, A →
     * B", in two lines when long ({@link TextFit#title}); the notes above the source and the graphic's credit
     * under it, each wrapped to the width ({@link Footer}), the canvas taller for each line more; the frame
     * ({@link MapOptions#focus}). The map is laid out {@value #WIDTH} px wide and scaled, type and lines
     * with it, to {@link MapOptions#widthPx}, so every width shows the same map. Mode and language are not
     * used: change maps draw polygons, in English.
     */
    public static MapScene scene(ControlChange change, List<Region> regions, List<CountryOutline> countries,
            String fromLabel, String toLabel, String credit, List<ChangeAreas.Area> named, MapOptions options) {
        MapFocus focus = options.focus();
        String title = options.title() != null ? options.title()
                : "Territory that changed hands, " + fromLabel + " → " + toLabel;
        TextFit.Lines titleLines = TextFit.title(title, 22, true, WIDTH - 32, 2);
        // A title in two lines pushes the subtitle and the map down by one line.
        double extra = (titleLines.lines().size() - 1) * TITLE_LINE_PX;
        double top = TOP + extra;
        MapProjection proj = new MapProjection();
        Geometry gained = proj.project(change.gained());
        Geometry lost = proj.project(change.lost());
        Geometry later = proj.project(change.later());

        Envelope env = focus != null ? focus.frame(proj) : changedFrame(proj, gained, lost, later, regions);
        double scale = WIDTH / env.getWidth();
        double mapH = env.getHeight() * scale;
        MapScene.Georeference georef = new MapScene.Georeference(env.getMinX(), env.getMaxY(), scale, top);
        Geometry frame = GF.toGeometry(env);

        List<MapScene.Item> items = new ArrayList<>();
        int background = items.size(); // the white canvas goes here once its height is known
        items.add(figure(px(frame, georef), MapScene.Style.fill(Palette.SEA), "sea", null));
        List<MapScene.Item> land = new ArrayList<>();
        Map<Region, Geometry> visible = new LinkedHashMap<>();
        for (CountryOutline c : countries) {
            Geometry g = clip(proj.project(c.geometry()), frame);
            if (!g.isEmpty()) {
                land.add(figure(px(g, georef), MapScene.Style.fillAndLine(c.iso().equals("UA") ? Palette.UKRAINE
                        : Palette.CHANGE_NEIGHBOUR, Palette.CHANGE_COUNTRY_EDGE, 0.8), "country", c.nameEn()));
            }
        }
        Envelope whole = new Envelope();
        for (Region r : regions) {
            Geometry projected = proj.project(r.geometry());
            whole.expandToInclude(projected.getEnvelopeInternal());
            Geometry g = clip(projected, frame);
            if (!g.isEmpty()) {
                Geometry p = px(g, georef);
                visible.put(r, p);
                land.add(figure(p, new MapScene.Style(countries.isEmpty() ? Palette.UKRAINE : -1, 1, Palette.CHANGE_REGION_EDGE,
                        0.6, null), "region", r.iso() + " " + r.nameEn()));
            }
        }
        items.add(new MapScene.Group("land", Map.of(), land));
        Controller c = change.controller();
        items.add(figure(px(clip(later, frame), georef), new MapScene.Style(HELD, 0.22, HELD, 0.6, null), "held",
                "held by " + c.name() + " on " + toLabel));
        double[] totals = totals(change);
        items.add(figure(px(clip(gained, frame), georef), new MapScene.Style(GAINED, 1, GAINED, 0.8, null), "gained",
                "gained by " + c.name() + ": " + NumberText.grouped(round(totals[0])) + " km²"));
        items.add(figure(px(clip(lost, frame), georef), new MapScene.Style(LOST, 1, LOST, 0.8, null), "lost",
                "regained by " + other(c).name() + ": " + NumberText.grouped(round(totals[1])) + " km²"));
        Envelope mapFrame = new Envelope(0, WIDTH, top, top + mapH);
        LabelPlacer placer = new LabelPlacer(new Envelope(mapFrame.getMinX() + 4, mapFrame.getMaxX() - 4,
                mapFrame.getMinY() + 4, mapFrame.getMaxY() - 4));
        InsetMap inset = inset(countries, env, mapFrame);
        if (inset != null) {
            Envelope b = inset.box();
            b.expandBy(4);
            placer.block(b);
        }
        Geometry gainedPx = px(clip(gained, frame), georef);
        Geometry lostPx = px(clip(lost, frame), georef);
        items.add(areaLabels(named, proj, georef, gainedPx, lostPx, mapFrame, placer));
        items.add(labels(change, visible, gainedPx, lostPx, placer));
        items.add(towns(proj, georef, mapFrame, whole.getWidth() / env.getWidth(), gainedPx, lostPx, placer));
        if (inset != null) {
            items.add(inset.group());
        }
        items.add(figure(GF.toGeometry(new Envelope(0, WIDTH, top, top + mapH)), MapScene.Style.line(Palette.CHANGE_FRAME, 1),
                "frame", null));

        for (int i = 0; i < titleLines.lines().size(); i++) {
            items.add(text(16, 32 + i * TITLE_LINE_PX, titleLines.lines().get(i), titleLines.size(), true, INK));
        }
        String subtitle = "Held by " + c.countryName() + ": gains and losses between the two snapshots";
        items.add(text(16, 56 + extra, subtitle, TextFit.title(subtitle, 14, false, WIDTH - 32, 1).size(), false,
                MUTED));
        double ly = top + mapH + 28;
        items.addAll(swatch(16, ly, GAINED, 1, "Gained by " + c.name() + ": "
                + NumberText.grouped(round(totals[0])) + " km²"));
        items.addAll(swatch(330, ly, LOST, 1, "Regained by " + other(c).name() + ": "
                + NumberText.grouped(round(totals[1])) + " km²"));
        items.addAll(swatch(660, ly, HELD, 0.22, "Held by " + c.name() + " on " + toLabel));
        items.add(text(16, ly + 34, "Net: " + (totals[0] - totals[1] >= 0 ? "+" : "−")
                + NumberText.grouped(round(Math.abs(totals[0] - totals[1]))) + " km² for " + c.name()
                + " (geodesic, WGS84; all regions and outside)", 13, false, INK));
        items.add(scaleBar(proj, env, scale, WIDTH - 16, ly + 34));
        // Notes, the source, the graphic's credit: each wrapped to the width; the canvas grows a line for each
        // line past the source's one.
        Footer footer = new Footer(12, WIDTH - 32);
        for (String note : options.notes()) {
            footer.add(note, "note");
        }
        footer.add("Source: " + credit + ". Boundaries: Natural Earth. Projection: Lambert conformal conic "
                + "46°/51°N, 32°E.", "attribution");
        if (options.credit() != null) {
            footer.add(options.credit(), "credit");
        }
        for (MapScene.Text t : footer.texts(16, ly + 62, 0, FOOTER_LINE_PX, 1, MUTED)) {
            items.add(new MapScene.Text(round(t.x()), round(t.y()), t.text(), round(t.size()), false, t.anchor(),
                    t.color(), -1, 0, null));
        }
        double height = top + mapH + BOTTOM + (footer.size() - 1) * FOOTER_LINE_PX;
        items.add(background, figure(GF.toGeometry(new Envelope(0, WIDTH, 0, height)),
                MapScene.Style.fill(Palette.WHITE), null, null));
        MapScene scene = new MapScene(WIDTH, round(height), title, "Gains and losses of " + c.name()
                + "-held territory, " + fromLabel + " to " + toLabel, List.copyOf(items), georef);
        return options.widthPx() == WIDTH ? scene : scaled(scene, options.widthPx() / WIDTH);
    }

    /** Line spacing of a two-line title and of the footer, px at {@value #WIDTH}. */
    private static final double TITLE_LINE_PX = 26;
    private static final double FOOTER_LINE_PX = 17;

    /**
     * The scene {@code k} times as large: geometry, type, halos, line widths and dashes, the georeference,
     * and the scale bar's stated length in px; everything rounded to 0.1 px again, the scene's contract.
     */
    static MapScene scaled(MapScene scene, double k) {
        MapScene.Georeference g = scene.georef();
        return new MapScene(Math.round(scene.width() * k), round(scene.height() * k), scene.title(),
                scene.description(), scaled(scene.items(), k),
                g == null ? null : new MapScene.Georeference(g.originX(), g.originY(), g.scale() * k, g.top() * k));
    }

    private static List<MapScene.Item> scaled(List<MapScene.Item> items, double k) {
        AffineTransformation by = AffineTransformation.scaleInstance(k, k);
        List<MapScene.Item> out = new ArrayList<>();
        for (MapScene.Item it : items) {
            if (it instanceof MapScene.Figure f) {
                MapScene.Style s = f.style();
                double[] dash = s.dash() == null ? null : s.dash().clone();
                if (dash != null) {
                    for (int i = 0; i < dash.length; i++) {
                        dash[i] = round(dash[i] * k);
                    }
                }
                out.add(new MapScene.Figure(Px.round(by.transform(f.geometry())), new MapScene.Style(s.fill(),
                        s.fillOpacity(), s.stroke(), round(s.strokeWidth() * k), dash), f.cssClass(), f.attributes(),
                        f.tooltip()));
            } else if (it instanceof MapScene.Text t) {
                out.add(new MapScene.Text(round(t.x() * k), round(t.y() * k), t.text(), round(t.size() * k),
                        t.bold(), t.anchor(), t.color(), t.halo(), round(t.haloWidth() * k), t.cssClass()));
            } else if (it instanceof MapScene.Group gr) {
                Map<String, String> attrs = gr.attributes();
                if (attrs.containsKey("data-scale-px")) {
                    attrs = new LinkedHashMap<>(attrs);
                    attrs.put("data-scale-px", Double.toString(round(Double.parseDouble(attrs.get("data-scale-px"))
                            * k)));
                }
                out.add(new MapScene.Group(gr.cssClass(), attrs, scaled(gr.items(), k)));
            }
        }
        return out;
    }

    /** Frame: where things changed, at least 300 km across, with a margin; else the later territory. */
    private static Envelope changedFrame(MapProjection proj, Geometry gained, Geometry lost, Geometry later,
            List<Region> regions) {
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
        return env;
    }

    /**
     * Region names inside the part of each region the frame shows, with the
     * net change in km² under the names of regions that changed, so a reader
     * can tell where the gains are; regions that changed most are placed first.
     * A label that does not fit inside its region is left out (the regions
     * are context here; the table has every figure).
     */
    private static MapScene.Group labels(ControlChange change, Map<Region, Geometry> visible, Geometry gainedPx,
            Geometry lostPx, LabelPlacer placer) {
        // Labels keep off the ground that changed hands (the map's subject), with a few px to
        // spare. Buffered first: rounded to 0.1 px, the pieces need not be valid polygons.
        Geometry changed = OverlayNGRobust.overlay(gainedPx.buffer(3, 2), lostPx.buffer(3, 2), OverlayNG.UNION);
        Map<String, Double> net = new LinkedHashMap<>();
        for (ControlChange.Row r : change.rows()) {
            net.put(r.iso(), r.gainedKm2() - r.lostKm2());
        }
        List<Region> order = new ArrayList<>(visible.keySet());
        order.sort(Comparator.comparingDouble((Region r) -> -Math.abs(shown(net.getOrDefault(r.iso(), 0.0)))));
        TextWidths widths = TextWidths.get();
        List<MapScene.Item> labels = new ArrayList<>();
        for (Region r : order) {
            Polygon part = Polygons.largest(visible.get(r));
            if (part == null || part.getArea() < 400) {
                continue;
            }
            double km2 = shown(net.getOrDefault(r.iso(), 0.0));
            String figure = km2 == 0 ? null : (km2 > 0 ? "+" : "−") + NumberText.grouped(Math.abs(km2)) + " km²";
            double w = widths.width(r.nameEn(), NAME_PX, true);
            if (figure != null) {
                w = Math.max(w, widths.width(figure, FIGURE_PX, false));
            }
            w += 6;
            double h = NAME_PX * 1.25 + (figure != null ? FIGURE_PX * 1.2 : 0);
            Geometry free = changed.isEmpty() || !changed.getEnvelopeInternal().intersects(part.getEnvelopeInternal())
                    ? part : Polygons.largest(OverlayNGRobust.overlay(part, changed, OverlayNG.DIFFERENCE));
            if (free == null) {
                continue;
            }
            Coordinate anchor = new MaximumInscribedCircle(free, 1.0).getCenter().getCoordinate();
            Coordinate c = placer.inside(PreparedGeometryFactory.prepare(free), anchor, w, h, 5);
            if (c == null) {
                continue;
            }
            placer.block(LabelPlacer.box(c.x, c.y, w, h));
            double top = c.y - h / 2;
            List<MapScene.Item> lines = new ArrayList<>();
            lines.add(new MapScene.Text(round(c.x), round(top + NAME_PX), r.nameEn(), NAME_PX, true,
                    MapScene.Anchor.MIDDLE, INK, Palette.WHITE, 2.5, "name"));
            if (figure != null) {
                lines.add(new MapScene.Text(round(c.x), round(top + NAME_PX * 1.25 + FIGURE_PX), figure, FIGURE_PX,
                        false, MapScene.Anchor.MIDDLE, km2 > 0 ? GAINED : LOST, Palette.WHITE, 2.5, "figure"));
            }
            Map<String, String> attrs = new LinkedHashMap<>();
            attrs.put("data-iso", r.iso());
            labels.add(new MapScene.Group("label", attrs, lines));
        }
        return new MapScene.Group("labels", Map.of(), labels);
    }

    /** At most this many areas of change are labelled, the largest; none under {@value #LABEL_KM2} km². */
    static final int LABELLED = 6;
    static final double LABEL_KM2 = 5;
    private static final double AREA_PX = 13;

    /**
     * The largest areas of change labelled "+412 km² near Pokrovsk" (lost:
     * "−12 km² near …", in blue), each off the changed ground with a leader
     * line to a point inside its area, largest first, clear of every label
     * before; an area whose label fits nowhere within 140 px, or whose point is
     * outside the frame, goes unlabelled.
     */
    private static MapScene.Group areaLabels(List<ChangeAreas.Area> named, MapProjection proj,
            MapScene.Georeference georef, Geometry gainedPx, Geometry lostPx, Envelope mapFrame, LabelPlacer placer) {
        List<ChangeAreas.Area> order = new ArrayList<>(named);
        order.sort(Comparator.comparingDouble((ChangeAreas.Area a) -> -a.km2()));
        List<Geometry> both = new ArrayList<>();
        both.add(gainedPx);
        both.add(lostPx);
        Geometry changed = GF.buildGeometry(both);
        Coordinate centre = mapFrame.centre();
        List<MapScene.Item> items = new ArrayList<>();
        int shown = 0;
        for (ChangeAreas.Area a : order) {
            if (shown >= LABELLED || a.km2() < LABEL_KM2) {
                break;
            }
            Coordinate in = InteriorPointArea.getInteriorPoint(a.polygon());
            double[] xy = georef.pixel(proj, in.x, in.y);
            Coordinate anchor = new Coordinate(xy[0], xy[1]);
            if (!mapFrame.contains(anchor) || a.near().isEmpty()) {
                continue;
            }
            String text = (a.gained() ? "+" : "−") + NumberText.grouped(Math.round(a.km2())) + " km² near "
                    + a.near().get(0).nameEn();
            double w = TextWidths.get().width(text, AREA_PX, true) + 6;
            double h = AREA_PX * 1.3;
            Coordinate c = placer.outside(changed, anchor, centre, 6, 140, w, h, 4);
            if (c == null) {
                continue;
            }
            Envelope box = LabelPlacer.box(c.x, c.y, w, h);
            placer.block(box);
            Coordinate end = new Coordinate(Math.max(box.getMinX(), Math.min(anchor.x, box.getMaxX())),
                    Math.max(box.getMinY(), Math.min(anchor.y, box.getMaxY())));
            int colour = a.gained() ? GAINED : LOST;
            Map<String, String> attrs = new LinkedHashMap<>();
            attrs.put("data-km2", NumberText.plain(Math.round(a.km2())));
            attrs.put("data-near", a.nearText());
            List<MapScene.Item> parts = new ArrayList<>();
            parts.add(figure(GF.createLineString(new Coordinate[] {new Coordinate(round(anchor.x), round(anchor.y)),
                new Coordinate(round(end.x), round(end.y))}), MapScene.Style.line(colour, 1), "leader", null));
            parts.add(new MapScene.Text(round(c.x), round(c.y + AREA_PX * 0.36), text, AREA_PX, true,
                    MapScene.Anchor.MIDDLE, colour, Palette.WHITE, 2.5, "area"));
            items.add(new MapScene.Group("area-label", attrs, parts));
            shown++;
        }
        return new MapScene.Group("area-labels", Map.of(), items);
    }

    /**
     * Towns in the frame, more as the frame narrows, those within
     * {@value TownLayer#NEAR_FRONT_KM} km of the ground that changed hands
     * first ({@link TownLayer#pick}), each clear of every label placed before.
     *
     * @param zoom the whole map's width over the frame's
     */
    private static MapScene.Group towns(MapProjection proj, MapScene.Georeference georef, Envelope mapFrame,
            double zoom, Geometry gainedPx, Geometry lostPx, LabelPlacer placer) {
        Function<Place, Coordinate> toPx = p -> {
            double[] xy = georef.pixel(proj, p.lon(), p.lat());
            return new Coordinate(xy[0], xy[1]);
        };
        List<Geometry> changed = new ArrayList<>();
        changed.add(gainedPx);
        changed.add(lostPx);
        List<Place> towns = TownLayer.pick(PlaceCatalogue.bundled(), toPx, mapFrame, Math.max(1, zoom),
                GF.buildGeometry(changed), TownLayer.NEAR_FRONT_KM * 1000 * georef.scale());
        return TownLayer.placeEach(towns, toPx, placer, TOWN_PX);
    }

    /** The locator map in the frame's upper right corner; null without Ukraine's outline. */
    private static InsetMap inset(List<CountryOutline> countries, Envelope env, Envelope mapFrame) {
        for (CountryOutline c : countries) {
            if (c.iso().equals("UA")) {
                MapProjection proj = new MapProjection();
                Geometry ua = proj.project(c.geometry());
                return InsetMap.of(ua, env, mapFrame.getMaxX() - 8, mapFrame.getMinY() + 8, INSET_U, true);
            }
        }
        return null;
    }

    /** Net change as labelled: to 1 km² (0 when under half a km², too small to state on a map). */
    private static double shown(double km2) {
        return Math.round(km2);
    }

    /**
     * A scale bar ending at x = right on the baseline y: a round length of
     * 10 km or more, up to 160 px, true at the frame's centre latitude
     * ({@link ScaleBar}; the note says where it holds).
     */
    private static MapScene.Group scaleBar(MapProjection proj, Envelope env, double scale, double right, double y) {
        ScaleBar fit = ScaleBar.fit(proj, proj.unproject(env.centre().x, env.centre().y).y, scale, 160, 10);
        double km = fit.km();
        double lat = fit.lat();
        String note = "(scale at " + NumberText.plain(lat) + "°N)";
        String end = NumberText.plain(km) + " km";
        double gap = 8;
        double x0 = right - TextWidths.get().width(note, 11, false) - gap - TextWidths.get().width(end, 12, false) / 2
                - fit.px();
        ScaleBar.Drawing drawn = fit.draw(x0, y - 16, y, new ScaleBar.Look(5, 0.8, 12, 11, gap),
                NumberText.plain(km / 2), end, note);
        List<MapScene.Item> out = new ArrayList<>(drawn.bars());
        out.addAll(drawn.labels());
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("data-scale-km", NumberText.plain(km));
        attrs.put("data-scale-px", Double.toString(round(x0 + fit.px()) - round(x0)));
        attrs.put("data-scale-lat", Double.toString(lat));
        return new MapScene.Group("scale", attrs, out);
    }

    /** Writes the scene as SVG, PNG or PDF by the file's extension, atomically. */
    public static void write(MapScene scene, Path file) {
        MapFormat f = MapFormat.of(file);
        AtomicOutput.write(file, false, out -> f.write(scene, 144, out));
    }

    /** Writes the scene to a stream in a format, at {@value #DPI} dpi. */
    public static void write(MapScene scene, MapFormat format, OutputStream out) throws IOException {
        write(scene, format, DPI, out);
    }

    /** The change map's default resolution: a 1,000 px map is about 7 in wide. */
    public static final int DPI = 144;

    /** Writes the scene to a stream in a format; {@code dpi} is the PNG's stated resolution and the PDF's scale. */
    public static void write(MapScene scene, MapFormat format, int dpi, OutputStream out) throws IOException {
        format.write(scene, dpi, out);
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

}
