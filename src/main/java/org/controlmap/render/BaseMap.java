package org.controlmap.render;

import static org.controlmap.render.Px.round;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.controlmap.geodata.Polygons;
import org.controlmap.region.CountryOutline;
import org.controlmap.region.Region;
import org.controlmap.render.MapScene.Figure;
import org.controlmap.render.MapScene.Group;
import org.controlmap.render.MapScene.Item;
import org.controlmap.render.MapScene.Style;
import org.locationtech.jts.coverage.CoverageSimplifier;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.geom.util.GeometryFixer;

/**
 * The part of a control map that depends only on the regions, the neighbours
 * and the width: the projection fitted to the canvas ({@link MapProjection}),
 * the regions' outlines simplified as one coverage, the sea, the neighbouring
 * countries, the borders, and where each region's label would sit best. It does
 * not depend on who holds what, so it is laid out while the territory to draw is
 * still being worked out ({@link ControlMap}), and one base map may serve
 * several {@link MapLayout#build}s.
 *
 * <p>Simplification: the regions are one coverage and the neighbouring
 * countries another, each simplified with JTS {@link CoverageSimplifier}
 * (Visvalingam–Whyatt on shared edges, so neighbours never gap or overlap) at
 * half an output pixel ({@link #TOLERANCE_PX}), which no reader can see.
 *
 * <p>More context (rivers, towns) comes as {@link Layer}s: {@link #withLayer}
 * returns a base map that draws them under or over the controlled territory.
 *
 * <p>Immutable: lists are unmodifiable and the envelopes, transformation and
 * anchors handed out are copies. The geometries are shared; do not change them.
 */
public final class BaseMap {
    /** Simplification tolerance, px: half an output pixel, which no reader can see. */
    static final double TOLERANCE_PX = 0.5;
    private static final GeometryFactory GF = new GeometryFactory();

    /** Where a {@link Layer} is drawn relative to the controlled territory. */
    public enum Stacking {
        /** Over the regions' fills, under the controlled territory and the borders (rivers, lakes). */
        UNDER_CONTROL,
        /** Over the controlled territory, under the borders (the user's districts: thin lines inside regions). */
        UNDER_BORDERS,
        /** Over the controlled territory and the borders, under the labels and legend (towns). */
        OVER_CONTROL
    }

    /**
     * A layer of context added to the base map, in canvas px (project lon/lat
     * with {@link MapProjection} and {@link #toPx()}).
     *
     * @param stacking  under or over the controlled territory
     * @param group     what to draw, rounded to 0.1 px ({@link Px})
     * @param keepClear boxes, px, that region and place labels must not cover (a town's dot and name);
     *                  empty when labels may go over the layer
     * @param credit    what the footer's credit line must add for the layer's data
     *                  ("Towns: GeoNames (CC BY 4.0)"), or null
     */
    public record Layer(Stacking stacking, Group group, List<Envelope> keepClear, String credit) {
        public Layer {
            keepClear = keepClear.stream().map(Envelope::new).toList();
        }

        /** A layer whose data needs no credit. */
        public Layer(Stacking stacking, Group group, List<Envelope> keepClear) {
            this(stacking, group, keepClear, null);
        }

        /** The boxes, copied. */
        @Override
        public List<Envelope> keepClear() {
            return keepClear.stream().map(Envelope::new).toList();
        }
    }

    private final List<Region> regions;
    private final int widthPx;
    private final double height;
    private final double header;
    private final Envelope env;
    private final double scale;
    private final AffineTransformation toPx;
    private final Envelope frame;
    private final List<Geometry> simple;
    private final Group sea;
    private final Group neighbours;
    private final Group borders;
    private final List<RegionLabels.Spot> spots;
    private final List<Layer> layers;
    private final MapFocus focus;
    private final double zoom;
    private final InsetMap inset;
    private final Geometry front;

    /**
     * Lays out the base map. Thread-safe: every call has its own projection.
     *
     * @param regions   the regions to draw and label (the catalogue's), in catalogue order
     * @param countries neighbouring countries for context (Ukraine's own outline is skipped)
     * @param widthPx   canvas width, px (text and lines scale with it, set for 1,600 px)
     */
    public BaseMap(List<Region> regions, List<CountryOutline> countries, int widthPx) {
        this(regions, countries, widthPx, null);
    }

    /**
     * Lays out the base map framed on part of the country ({@link MapFocus#frame}),
     * or on all of it when {@code focus} is null. Framed, the regions and borders are
     * clipped to the frame, and a locator map of Ukraine marks the frame
     * ({@link #inset()}).
     */
    public BaseMap(List<Region> regions, List<CountryOutline> countries, int widthPx, MapFocus focus) {
        this(regions, countries, widthPx, focus, 0);
    }

    /**
     * As {@link #BaseMap(List, List, int, MapFocus)}, with the header taller by
     * {@code extraHeader} px (a title set in two lines: {@link MapLayout#extraHeader}).
     */
    public BaseMap(List<Region> regions, List<CountryOutline> countries, int widthPx, MapFocus focus,
            double extraHeader) {
        MapProjection projection = new MapProjection();
        double u = widthPx / 1600.0;
        double width = widthPx;
        int n = regions.size();
        Geometry[] projected = new Geometry[n];
        Envelope env = new Envelope();
        for (int i = 0; i < n; i++) {
            projected[i] = projection.project(regions.get(i).geometry());
            env.expandToInclude(projected[i].getEnvelopeInternal());
        }
        double margin = 0.025 * Math.max(env.getWidth(), env.getHeight());
        env.expandBy(margin);
        Envelope whole = env;
        if (focus != null) {
            env = focus.frame(projection);
        }
        double header = Math.round(104 * u) + extraHeader;
        double footer = Math.round(64 * u);
        double scale = width / env.getWidth(); // px per projected metre
        double mapHeight = env.getHeight() * scale;
        AffineTransformation toPx = new AffineTransformation()
                .translate(-env.getMinX(), -env.getMaxY())
                .scale(scale, -scale)
                .translate(0, header);
        Envelope frame = new Envelope(0, width, header, header + mapHeight);
        Geometry frameBox = GF.toGeometry(frame);

        Geometry[] px = new Geometry[n];
        for (int i = 0; i < n; i++) {
            px[i] = toPx.transform(projected[i]);
        }
        Geometry[] simple = valid(CoverageSimplifier.simplify(px, TOLERANCE_PX));
        Geometry[] shown = focus == null ? simple : clip(simple, frameBox);

        this.regions = List.copyOf(regions);
        this.widthPx = widthPx;
        this.height = Math.ceil(header + mapHeight + footer);
        this.header = header;
        this.env = env;
        this.scale = scale;
        this.toPx = toPx;
        this.frame = frame;
        this.simple = List.of(shown);
        this.sea = new Group("sea", Map.of(), List.of(new Figure(round(frameBox), Style.fill(Palette.SEA), null,
                Map.of(), null)));
        this.neighbours = neighbours(projection, countries, toPx, frameBox, u);
        this.borders = focus == null ? borders(regions, simple, u) : clip(borders(regions, simple, u), frameBox);
        RegionLabels.Spot[] spots = new RegionLabels.Spot[n];
        for (int i = 0; i < n; i++) {
            spots[i] = shown[i].isEmpty() ? null : RegionLabels.Spot.of(shown[i]);
        }
        this.spots = Collections.unmodifiableList(Arrays.asList(spots));
        this.layers = List.of();
        this.focus = focus;
        this.zoom = whole.getWidth() / env.getWidth();
        this.inset = focus == null ? null : InsetMap.of(regions, simple, toPx, frame, u);
        this.front = null;
    }

    private BaseMap(BaseMap b, List<Layer> layers, Geometry front) {
        regions = b.regions;
        widthPx = b.widthPx;
        height = b.height;
        header = b.header;
        env = b.env;
        scale = b.scale;
        toPx = b.toPx;
        frame = b.frame;
        simple = b.simple;
        sea = b.sea;
        neighbours = b.neighbours;
        borders = b.borders;
        spots = b.spots;
        focus = b.focus;
        zoom = b.zoom;
        inset = b.inset;
        this.layers = List.copyOf(layers);
        this.front = front;
    }

    /** This base map with one more layer, drawn after the layers of the same stacking added before. */
    public BaseMap withLayer(Layer layer) {
        List<Layer> more = new ArrayList<>(layers);
        more.add(layer);
        return new BaseMap(this, more, front);
    }

    /**
     * This base map with the front drawn as a layer over the controlled
     * territory, and known to the town layer of a framed map, which names the
     * towns near it first.
     *
     * @param layer the front as drawn
     * @param px    the front, px
     */
    BaseMap withFront(Layer layer, Geometry px) {
        List<Layer> more = new ArrayList<>(layers);
        more.add(layer);
        return new BaseMap(this, more, px);
    }

    /** The front set by {@link #withFront}, px; null when there is none. */
    Geometry front() {
        return front;
    }

    /** The part of the country framed, or null for the whole map. */
    public MapFocus focus() {
        return focus;
    }

    /**
     * How much nearer than the whole map the frame is: the whole map's width
     * over the frame's, in projected metres (1 for the whole map).
     */
    public double zoom() {
        return zoom;
    }

    /** The locator map of a framed map, null for the whole map. */
    InsetMap inset() {
        return inset;
    }

    /** The regions, in catalogue order (the order of {@link #simple()}). */
    public List<Region> regions() {
        return regions;
    }

    /** Canvas width, px. */
    public int widthPx() {
        return widthPx;
    }

    /** Canvas height, px: header, map frame and footer. */
    public double height() {
        return height;
    }

    /** y of the map frame's top edge, px. */
    public double header() {
        return header;
    }

    /** The map frame in projected metres ({@link MapProjection}). */
    public Envelope projectedFrame() {
        return new Envelope(env);
    }

    /** Canvas px per projected metre. */
    public double scale() {
        return scale;
    }

    /** Projected metres to canvas px (a copy). */
    public AffineTransformation toPx() {
        return new AffineTransformation(toPx);
    }

    /** The map frame, px. */
    public Envelope frame() {
        return new Envelope(frame);
    }

    /** How the canvas maps to projected metres, for the SVG's metadata. */
    public MapScene.Georeference georeference() {
        return new MapScene.Georeference(env.getMinX(), env.getMaxY(), scale, header);
    }

    /** Each region projected, in px, simplified as one coverage (valid), in {@link #regions()} order. */
    public List<Geometry> simple() {
        return simple;
    }

    /** The sea: the whole map frame, under everything. */
    public Group sea() {
        return sea;
    }

    /** The neighbouring countries, simplified as one coverage and clipped to the frame. */
    public Group neighbours() {
        return neighbours;
    }

    /** The region borders (each shared edge once) and Ukraine's national border. */
    public Group borders() {
        return borders;
    }

    /** The credits of the layers added with {@link #withLayer} that have one, in the order added. */
    public List<String> credits() {
        List<String> out = new ArrayList<>();
        for (Layer l : layers) {
            if (l.credit() != null && !out.contains(l.credit())) {
                out.add(l.credit());
            }
        }
        return out;
    }

    /** The layers added with {@link #withLayer} of one stacking, in the order added. */
    public List<Layer> layers(Stacking stacking) {
        return layers.stream().filter(l -> l.stacking() == stacking).toList();
    }

    /** Where region {@code i}'s label sits best; null when the region has no part on the map. */
    RegionLabels.Spot spot(int i) {
        return spots.get(i);
    }

    // ---------------------------------------------------------------- layers

    private static Group neighbours(MapProjection projection, List<CountryOutline> countries,
            AffineTransformation toPx, Geometry frameBox, double u) {
        List<CountryOutline> shown = new ArrayList<>();
        List<Geometry> near = new ArrayList<>();
        Envelope frameEnv = frameBox.getEnvelopeInternal();
        for (CountryOutline c : countries) {
            if ("UA".equals(c.iso())) {
                continue; // drawn region by region
            }
            Geometry g = toPx.transform(projection.project(c.geometry()));
            if (g.getEnvelopeInternal().intersects(frameEnv)) {
                shown.add(c);
                near.add(g);
            }
        }
        // Simplify first (fewer vertices to clip), then clip to the frame so the SVG holds nothing unseen.
        Geometry[] simplified = CoverageSimplifier.simplify(near.toArray(Geometry[]::new), TOLERANCE_PX);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < simplified.length; i++) {
            Geometry g = simplified[i].isValid() ? simplified[i] : GeometryFixer.fix(simplified[i]);
            Geometry in = Polygons.polygonal(g.intersection(frameBox));
            if (!in.isEmpty()) {
                Map<String, String> attrs = new LinkedHashMap<>();
                attrs.put("data-iso", shown.get(i).iso());
                items.add(new Figure(round(in), Style.fillAndLine(Palette.NEIGHBOUR, Palette.WHITE, 1.2 * u),
                        "country", attrs, shown.get(i).nameEn()));
            }
        }
        return new Group("neighbours", Map.of(), items);
    }

    private static Group borders(List<Region> regions, Geometry[] simple, double u) {
        List<Item> items = new ArrayList<>();
        items.add(new Figure(sharedEdgesOnce(simple), Style.line(Palette.BORDER, 0.9 * u), "border", Map.of(),
                null));
        List<Geometry> ukraine = new ArrayList<>();
        for (int i = 0; i < simple.length; i++) {
            if ("UA".equals(regions.get(i).country())) {
                ukraine.add(simple[i]);
            }
        }
        if (!ukraine.isEmpty()) {
            Geometry national = CoverageUnion.union(ukraine.toArray(Geometry[]::new)).getBoundary();
            items.add(new Figure(round(national), Style.line(Palette.NATIONAL_BORDER, 1.3 * u), "national-border",
                    Map.of(), null));
        }
        return new Group("borders", Map.of(), items);
    }

    /**
     * The outlines of a simplified coverage with every shared edge once, so a
     * border is not stroked twice (twice-painted antialiased lines look heavier
     * and double the SVG). Hand-written rather than a linework union: after
     * {@link CoverageSimplifier} both sides of a border have identical
     * vertices, so a set of rounded segments finds the duplicates in linear
     * time, where a noding union of 10,000 segments costs a quarter second.
     * JTS {@code LineDissolver} gives the same linework about as fast, but
     * broken into 94 lines where this keeps 51 runs along the rings (a 1 %
     * longer SVG path, and different bytes for the same picture).
     */
    static Geometry sharedEdgesOnce(Geometry[] coverage) {
        Set<Segment> seen = new HashSet<>();
        List<LineString> out = new ArrayList<>();
        for (Geometry g : coverage) {
            Geometry rounded = round(g);
            for (int i = 0; i < rounded.getNumGeometries(); i++) {
                if (!(rounded.getGeometryN(i) instanceof Polygon p)) {
                    continue;
                }
                List<LineString> rings = new ArrayList<>();
                rings.add(p.getExteriorRing());
                for (int k = 0; k < p.getNumInteriorRing(); k++) {
                    rings.add(p.getInteriorRingN(k));
                }
                for (LineString ring : rings) {
                    Coordinate[] cs = ring.getCoordinates();
                    List<Coordinate> run = new ArrayList<>();
                    for (int k = 0; k + 1 < cs.length; k++) {
                        Coordinate a = cs[k];
                        Coordinate b = cs[k + 1];
                        if (a.equals2D(b)) {
                            continue;
                        }
                        boolean fresh = seen.add(Segment.of(a, b));
                        if (fresh) {
                            if (run.isEmpty()) {
                                run.add(a);
                            }
                            run.add(b);
                        } else if (!run.isEmpty()) {
                            out.add(GF.createLineString(run.toArray(Coordinate[]::new)));
                            run = new ArrayList<>();
                        }
                    }
                    if (run.size() > 1) {
                        out.add(GF.createLineString(run.toArray(Coordinate[]::new)));
                    }
                }
            }
        }
        return GF.createMultiLineString(out.toArray(LineString[]::new));
    }

    /**
     * A segment between two points rounded to 0.1 px, either way round: each
     * end packed into a long (x and y in tenths, 32 bits each), the lower first.
     */
    private record Segment(long p, long q) {
        static Segment of(Coordinate a, Coordinate b) {
            long ka = key(a);
            long kb = key(b);
            return ka < kb ? new Segment(ka, kb) : new Segment(kb, ka);
        }

        private static long key(Coordinate c) {
            return Math.round(c.x * 10) << 32 | Math.round(c.y * 10) & 0xFFFFFFFFL;
        }
    }

    /** The polygons clipped to the frame, empty where a region lies outside it. */
    private static Geometry[] clip(Geometry[] gs, Geometry frameBox) {
        Envelope f = frameBox.getEnvelopeInternal();
        Geometry[] out = new Geometry[gs.length];
        for (int i = 0; i < gs.length; i++) {
            Envelope e = gs[i].getEnvelopeInternal();
            out[i] = f.covers(e) ? gs[i] : !f.intersects(e) ? GF.createMultiPolygon()
                    : Polygons.polygonal(gs[i].intersection(frameBox));
        }
        return out;
    }

    /** The lines clipped to the frame. */
    private static Group clip(Group lines, Geometry frameBox) {
        List<Item> items = new ArrayList<>();
        for (Item it : lines.items()) {
            Figure f = (Figure) it;
            items.add(new Figure(round(f.geometry().intersection(frameBox)), f.style(), f.cssClass(), f.attributes(),
                    f.tooltip()));
        }
        return new Group(lines.cssClass(), lines.attributes(), items);
    }

    private static Geometry[] valid(Geometry[] gs) {
        Geometry[] out = new Geometry[gs.length];
        for (int i = 0; i < gs.length; i++) {
            out[i] = gs[i].isValid() ? gs[i] : GeometryFixer.fix(gs[i]);
        }
        return out;
    }
}
