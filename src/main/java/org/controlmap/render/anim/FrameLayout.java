package org.controlmap.render.anim;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.controlmap.control.Allocation;
import org.controlmap.control.Attribution;
import org.controlmap.control.Controller;
import org.controlmap.control.NumberText;
import org.controlmap.control.measure.Measurement;
import org.controlmap.geodata.PointMapping;
import org.controlmap.geodata.Polygons;
import org.controlmap.region.AreaBasis;
import org.controlmap.region.CountryOutline;
import org.controlmap.region.Region;
import org.controlmap.render.ControlMap;
import org.controlmap.render.MapMode;
import org.controlmap.render.MapOptions;
import org.controlmap.render.MapProjection;
import org.controlmap.render.MapScene;
import org.controlmap.render.TextWidths;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * The frames of an animation, each a {@link MapScene}: the map {@code render}
 * draws for control polygons (same extent, projection, regions, neighbours,
 * sea, region names, legend, title and credit), laid out once with no held
 * territory ({@link #baseScene}); each frame then puts in that date's held
 * territory (clipped to the regions of the country the side does not own, as
 * drawn), the first frame's front as a faint dashed line, the date in large
 * type and the held km² with the change since the first frame. Thread-safe:
 * frames may be made on several threads at once.
 */
public final class FrameLayout {
    /** Held-territory colours, as {@code render} draws them. */
    static final int HELD_BY_RU = 0xD7301F;
    static final int HELD_BY_UA = 0x6BAED6;
    private static final int TEXT = 0x222222;
    private static final int FRONT = 0x1A1A1A;
    /** As the base map's borders: half a pixel. */
    private static final double TOLERANCE_PX = 0.5;
    private static final GeometryFactory GF = new GeometryFactory();
    private static final ThreadLocal<MapProjection> PROJECTION = ThreadLocal.withInitial(MapProjection::new);

    private final MapScene base;
    private final Controller side;
    private final double u;
    private final Geometry mask;
    private final Geometry front;
    private final LocalDate firstDate;
    private final double firstKm2;

    /**
     * The base map every frame shares: {@code render}'s map of control polygons with no territory held.
     *
     * @param regions   the regions to draw and label (the catalogue's), in catalogue order
     * @param countries neighbouring countries, lon/lat
     * @param width     canvas width, px (text and lines scale with it)
     * @param title     the title
     * @param basis     the basis the figures are on (said under the map)
     * @param attribution how held ground was booked to regions
     * @param credit    the figures' source, said under the map
     */
    public static MapScene baseScene(List<Region> regions, List<CountryOutline> countries, int width, String title,
            AreaBasis basis, Attribution attribution, String credit) {
        return baseScene(regions, countries, new MapOptions(MapMode.POLYGONS, "en", title, width), basis,
                attribution, credit);
    }

    /**
     * As {@link #baseScene(List, List, int, String, AreaBasis, Attribution, String)}, with the map's options.
     *
     * @param map       width (text and lines scale with it), title, frame ({@link MapOptions#focus}: every
     *                  frame shares the base map's frame and projection, so the animation does not jump), the
     *                  graphic's credit and notes; drawn as control polygons, in English
     */
    public static MapScene baseScene(List<Region> regions, List<CountryOutline> countries, MapOptions map,
            AreaBasis basis, Attribution attribution, String credit) {
        Allocation none = new Allocation(List.of(), List.of(), basis, null, credit, true, attribution, null);
        return ControlMap.start(regions, countries, map)
                .measured(new Measurement(none, List.of(), Map.of(), new GeometryFactory().createMultiLineString()),
                        false).scene();
    }

    /**
     * The default title: "Territory held by Russia, July 2024 – June 2025" (one month: "July 2024").
     */
    public static String defaultTitle(Controller side, LocalDate first, LocalDate last) {
        DateTimeFormatter month = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
        String a = first.format(month);
        String b = last.format(month);
        return "Territory held by " + side.countryName() + ", " + (a.equals(b) ? a : a + " – " + b);
    }

    /**
     * @param base      the base map ({@link #baseScene})
     * @param regions   the regions it draws (to tell which country each is in)
     * @param side      the side whose territory is drawn
     * @param firstHeld the first frame's held territory, lon/lat: its front is drawn on every frame
     * @param firstDate the first frame's date
     * @param firstKm2  the first frame's held km² (changes are stated against it)
     */
    public FrameLayout(MapScene base, List<Region> regions, Controller side, Geometry firstHeld, LocalDate firstDate,
            double firstKm2) {
        this.base = base;
        this.side = side;
        this.u = base.width() / MapOptions.DEFAULT_WIDTH;
        this.firstDate = firstDate;
        this.firstKm2 = firstKm2;
        Map<String, Region> byIso = new HashMap<>();
        regions.forEach(r -> byIso.put(r.iso(), r));
        List<Geometry> shown = new ArrayList<>();
        for (MapScene.Item it : group(base, "regions").items()) {
            if (it instanceof MapScene.Figure f) {
                Region r = byIso.get(f.attributes().get("data-iso"));
                if (r != null && !r.country().equals(side.name())) {
                    shown.add(f.geometry());
                }
            }
        }
        this.mask = shown.isEmpty() ? GF.createMultiPolygon() : OverlayNGRobust.union(shown);
        this.front = frontLine(heldPx(firstHeld), mask, 3 * u);
    }

    /** A frame: the base map with this date's held territory, date and km². */
    public MapScene frame(LocalDate date, Geometry held, double km2) {
        Geometry drawn = round(heldPx(held));
        List<MapScene.Item> items = new ArrayList<>();
        boolean placed = false;
        for (MapScene.Item it : base.items()) {
            if (it instanceof MapScene.Group g && "controlled".equals(g.cssClass())) {
                items.add(heldLayer(drawn, date));
                placed = true;
            } else if (it instanceof MapScene.Group g && "text".equals(g.cssClass())) {
                items.add(texts(g, date, km2));
            } else {
                items.add(it);
            }
        }
        if (!placed) {
            throw new IllegalStateException("the base map has no 'controlled' layer to draw held territory in");
        }
        String desc = "Territory held by " + side.countryName() + " on " + date + ": " + figure(km2) + ". Dashed: the"
                + " front on " + firstDate + ".";
        return new MapScene(base.width(), base.height(), base.title(), desc, List.copyOf(items), base.georef());
    }

    /** "Held by Russia in Ukraine: 113,640 km² (+2,497 since 2024-07-08)". */
    String figure(double km2) {
        long now = Math.round(km2);
        long change = now - Math.round(firstKm2);
        String where = side == Controller.RU ? "in Ukraine" : "in Russia";
        return "Held by " + side.countryName() + " " + where + ": " + NumberText.grouped(now) + " km² ("
                + (change >= 0 ? "+" : "−") + NumberText.grouped(Math.abs(change)) + " since " + firstDate + ")";
    }

    private MapScene.Group heldLayer(Geometry drawn, LocalDate date) {
        int colour = side == Controller.RU ? HELD_BY_RU : HELD_BY_UA;
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("data-controller", side.name());
        attrs.put("data-date", date.toString());
        List<MapScene.Item> items = new ArrayList<>();
        // A stroke in the fill colour keeps slivers visible, as on render's maps.
        items.add(new MapScene.Figure(drawn, MapScene.Style.fillAndLine(colour, colour, 1.2 * u), "controlled",
                attrs, "Held by " + side.countryName() + " on " + date));
        Map<String, String> frontAttrs = new LinkedHashMap<>();
        frontAttrs.put("data-date", firstDate.toString());
        items.add(new MapScene.Figure(front, MapScene.Style.line(FRONT, 1.6 * u).withDash(7 * u, 4 * u), "front",
                frontAttrs, "Front on " + firstDate));
        return new MapScene.Group("controlled", Map.of(), items);
    }

    private MapScene.Group texts(MapScene.Group g, LocalDate date, double km2) {
        List<MapScene.Item> out = new ArrayList<>();
        double titleRight = 0;
        for (MapScene.Item it : g.items()) {
            if (it instanceof MapScene.Text t && "subtitle".equals(t.cssClass())) {
                out.add(new MapScene.Text(t.x(), t.y(), figure(km2), r1(20 * u), true, t.anchor(), TEXT, -1, 0,
                        "held-km2"));
            } else if (it instanceof MapScene.Text t && "basis".equals(t.cssClass())) {
                out.add(new MapScene.Text(t.x(), t.y(), "Dashed line: the front on " + firstDate + ", the first frame."
                        + " km² are geodesic (WGS84), as controlmap series measures them.", t.size(), false,
                        t.anchor(), t.color(), -1, 0, "note"));
            } else {
                if (it instanceof MapScene.Text t && "title".equals(t.cssClass())) {
                    titleRight = t.x() + TextWidths.get().width(t.text(), t.size(), t.bold());
                }
                out.add(it);
            }
        }
        // The date at the top right, as large as fits beside the title.
        String d = date.toString();
        double right = base.width() - 24 * u;
        double size = 44 * u;
        double room = right - titleRight - 24 * u;
        double w = TextWidths.get().width(d, size, true);
        if (w > room) {
            size = Math.max(14 * u, size * room / w);
        }
        out.add(new MapScene.Text(r1(right), r1(56 * u), d, r1(size), true, MapScene.Anchor.END, TEXT, -1, 0,
                "frame-date"));
        return new MapScene.Group(g.cssClass(), g.attributes(), out);
    }

    /** Held territory in canvas pixels, simplified as the base map's borders, within the shown regions. */
    private Geometry heldPx(Geometry lonLat) {
        if (lonLat.isEmpty()) {
            return GF.createMultiPolygon();
        }
        MapProjection p = PROJECTION.get();
        MapScene.Georeference r = base.georef();
        PointMapping toPx = (x, y, o) -> {
            double[] px = r.pixel(p, x, y);
            o[0] = px[0];
            o[1] = px[1];
        };
        Geometry g = DouglasPeuckerSimplifier.simplify(toPx.copyOf(lonLat), TOLERANCE_PX);
        if (!g.isValid()) {
            g = GeometryFixer.fix(g);
        }
        return Polygons.polygonal(OverlayNGRobust.overlay(g, mask, OverlayNG.INTERSECTION));
    }

    /**
     * The front: the outline of the held territory less the stretches within {@code margin} px of the edge of
     * the shown regions (coast and state border, where two sources' lines differ by a few pixels).
     */
    private static Geometry frontLine(Geometry heldPx, Geometry mask, double margin) {
        if (heldPx.isEmpty()) {
            return GF.createMultiLineString();
        }
        Geometry inner = mask.buffer(-margin, 4);
        Geometry lines = OverlayNGRobust.overlay(heldPx.getBoundary(), inner, OverlayNG.INTERSECTION);
        // Bits shorter than a dash are where the outline grazes the margin: not front.
        List<Geometry> kept = new ArrayList<>();
        for (int i = 0; i < lines.getNumGeometries(); i++) {
            Geometry part = lines.getGeometryN(i);
            if (part.getDimension() == 1 && part.getLength() >= 3 * margin) {
                kept.add(part);
            }
        }
        return round(GF.buildGeometry(kept));
    }

    private static MapScene.Group group(MapScene scene, String cssClass) {
        for (MapScene.Item it : scene.items()) {
            if (it instanceof MapScene.Group g && cssClass.equals(g.cssClass())) {
                return g;
            }
        }
        throw new IllegalStateException("the base map has no '" + cssClass + "' layer");
    }

    /** Rounded to a tenth of a pixel, the scene's contract. */
    private static Geometry round(Geometry g) {
        PointMapping m = (x, y, o) -> {
            o[0] = r1(x);
            o[1] = r1(y);
        };
        return m.copyOf(g);
    }

    private static double r1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
