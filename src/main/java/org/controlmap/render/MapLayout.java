package org.controlmap.render;

import org.controlmap.geodata.PointMapping;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.controlmap.control.Allocation;
import org.controlmap.control.Controller;
import org.controlmap.control.Qualifier;
import org.controlmap.control.RegionControl;
import org.controlmap.region.CountryOutline;
import org.controlmap.region.Region;
import org.controlmap.render.MapScene.Anchor;
import org.controlmap.render.MapScene.Figure;
import org.controlmap.render.MapScene.Group;
import org.controlmap.render.MapScene.Item;
import org.controlmap.render.MapScene.Style;
import org.controlmap.render.MapScene.Text;
import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
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
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * Lays out one control map: projects the regions, neighbours and controlled
 * territory (see {@link MapProjection}), fits them to the canvas, simplifies
 * shared borders together, places labels, legend, scale bar, title and
 * credits, and returns the {@link MapScene} every output format draws.
 *
 * <p>Simplification: the 30 regions are one coverage and the neighbouring
 * countries another, each simplified with JTS {@link CoverageSimplifier}
 * (Visvalingam–Whyatt on shared edges, so neighbours never gap or overlap) at
 * half an output pixel, which no reader can see. Controlled pieces are
 * simplified on their own at the same tolerance and then clipped to their
 * simplified region, so they never spill over a border.
 *
 * <p>Sizes of text and lines are proportional to the width (set for 1,600 px),
 * so a map at any width is the same picture.
 */
public final class MapLayout {
    // Palette (0xRRGGBB). Red and blue follow the convention readers know
    // (docs: map-conventions.md) and differ in lightness too (greyscale ≈ 96 vs
    // 158 of 255), so they stay apart in greyscale print and for every common
    // colour-vision deficiency; land, sea and neighbours differ by ≥ 20 levels.
    static final int SEA = 0xDCEBF5;
    static final int NEIGHBOUR = 0xD9D6CF;
    static final int UKRAINE = 0xFFFFFF;
    static final int RUSSIAN_OBLAST = 0xE6E3DD;
    static final int HELD_BY_RU = 0xD7301F;
    static final int HELD_BY_UA = 0x6BAED6;
    static final int BORDER = 0x8C877E;
    static final int NATIONAL_BORDER = 0x4D4A45;
    static final int TEXT = 0x222222;
    static final int TEXT_MUTED = 0x5A5A5A;
    static final int TEXT_RU = 0x67000D;
    static final int TEXT_UA = 0x08306B;
    static final int WHITE = 0xFFFFFF;
    /** ColorBrewer Reds / Blues, 5 classes (Brewer, colorbrewer2.org): lightness falls with the share. */
    static final int[] REDS = {0xFEE5D9, 0xFCAE91, 0xFB6A4A, 0xDE2D26, 0xA50F15};
    static final int[] BLUES = {0xEFF3FF, 0xBDD7E7, 0x6BAED6, 0x3182BD, 0x08519C};
    /** Upper class bounds of the choropleth, percent: (0,5), [5,25), [25,50), [50,75), [75,100]. */
    static final double[] CLASS_BOUNDS = {5, 25, 50, 75};

    private static final GeometryFactory GF = new GeometryFactory();
    /** Simplification tolerance, px: half an output pixel, which no reader can see. */
    private static final double TOLERANCE_PX = 0.5;
    /** Context labels: where each country or sea name may go, lon/lat, first free one wins. */
    private static final Object[][] PLACES = {
        {"BY", new double[][] {{27.8, 52.5}, {26.0, 52.4}, {29.5, 52.8}, {28.5, 53.3}}},
        {"PL", new double[][] {{23.0, 51.3}, {22.9, 50.5}, {23.2, 52.2}}},
        {"RU", new double[][] {{40.6, 48.3}, {40.0, 52.9}, {39.5, 47.3}, {41.0, 50.6}}},
        {"MD", new double[][] {{28.4, 47.3}, {28.3, 47.8}, {28.7, 46.7}}},
        {"RO", new double[][] {{25.0, 47.3}, {26.2, 46.6}, {24.4, 47.6}}},
        {"BLACK", new double[][] {{31.6, 44.9}, {31.0, 45.2}, {30.8, 44.6}}},
        {"AZOV", new double[][] {{36.6, 46.15}, {36.4, 46.3}}},
    };

    private final MapOptions options;
    private final MapWording words;
    private final MapProjection projection = new MapProjection();
    private final double u;

    // Text is measured with the bundled fonts' compiled advance widths, which
    // Java2D would give too: laying out a map never starts the AWT font stack.
    private static TextWidths fonts() {
        return TextWidths.get();
    }

    private MapLayout(MapOptions options) {
        this.options = options;
        this.words = new MapWording(options.lang());
        this.u = options.widthPx() / 1600.0;
    }

    /**
     * Builds the map.
     *
     * @param regions    the regions to draw and label (the catalogue's 30), in catalogue order
     * @param countries  neighbouring countries for context (Ukraine's own outline is skipped)
     * @param allocation who holds how much of each region (labels, tooltips, choropleth)
     * @param controlled the territory to draw per region and controller (schematic pieces or
     *                   clipped control polygons); ignored in choropleth mode
     * @param options    mode, language, title, width
     */
    public static MapScene build(List<Region> regions, List<CountryOutline> countries, Allocation allocation,
            List<ControlledArea> controlled, MapOptions options) {
        return build(base(regions, countries, options.widthPx()), allocation, controlled, options);
    }

    /**
     * Builds the map on a base map laid out before (see {@link #base}), which
     * must have the options' width.
     */
    public static MapScene build(Base base, Allocation allocation, List<ControlledArea> controlled,
            MapOptions options) {
        return build(base, allocation, () -> controlled, options);
    }

    /**
     * As {@link #build(Base, Allocation, List, MapOptions)}, asking for the
     * territory to draw only once everything else is laid out (labels do not
     * depend on it), so it can still be worked out on another thread.
     */
    public static MapScene build(Base base, Allocation allocation, Supplier<List<ControlledArea>> controlled,
            MapOptions options) {
        if (base.widthPx() != options.widthPx()) {
            throw new IllegalArgumentException("base map " + base.widthPx() + " px wide, options " + options.widthPx());
        }
        return new MapLayout(options).layout(base, allocation, controlled);
    }

    /**
     * The part of a map that depends only on the regions, the neighbours and
     * the width (projection, frame, simplified borders, neighbours, where each
     * region's label would sit best), so it can be laid out while the
     * territory to draw is still being worked out. Read-only once built (the
     * arrays are not copied; do not change them); may be used by several
     * {@link #build}s.
     *
     * @param regions    the regions, in catalogue order
     * @param widthPx    canvas width, px
     * @param height     canvas height, px
     * @param header     y of the map frame's top edge, px
     * @param env        the map frame in projected metres
     * @param scale      px per projected metre
     * @param toPx       projected metres to px
     * @param frame      the map frame, px
     * @param simple     each region projected, in px, simplified as one coverage (valid)
     * @param sea        the sea layer
     * @param neighbours the neighbouring countries' layer
     * @param borders    the region and national borders' layer
     * @param labelParts each region's largest simplified part (null when empty)
     * @param anchors    centre of each part's largest inscribed circle, px (null when no part)
     * @param radii      that circle's radius, px
     */
    public record Base(List<Region> regions, int widthPx, double height, double header, Envelope env, double scale,
            AffineTransformation toPx, Envelope frame, Geometry[] simple, Group sea, Group neighbours,
            Group borders, Polygon[] labelParts, Coordinate[] anchors, double[] radii) {
    }

    /** Lays out the base map (see {@link Base}). Thread-safe: every call has its own projection. */
    public static Base base(List<Region> regions, List<CountryOutline> countries, int widthPx) {
        return new MapLayout(new MapOptions(MapMode.SCHEMATIC, "en", null, widthPx)).base(regions, countries);
    }

    private Base base(List<Region> regions, List<CountryOutline> countries) {
        double width = options.widthPx();
        int n = regions.size();
        Geometry[] projected = new Geometry[n];
        Envelope env = new Envelope();
        for (int i = 0; i < n; i++) {
            projected[i] = projection.project(regions.get(i).geometry());
            env.expandToInclude(projected[i].getEnvelopeInternal());
        }
        double margin = 0.025 * Math.max(env.getWidth(), env.getHeight());
        env.expandBy(margin);
        double header = Math.round(104 * u);
        double footer = Math.round(64 * u);
        double scale = width / env.getWidth(); // px per projected metre
        double mapHeight = env.getHeight() * scale;
        double height = Math.ceil(header + mapHeight + footer);
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

        Group sea = new Group("sea", Map.of(), List.of(new Figure(round(frameBox), Style.fill(SEA), null, Map.of(),
                null)));
        Group neighbours = neighbours(countries, toPx, frameBox, TOLERANCE_PX);
        Group borders = borders(regions, simple);

        // Where labels sit best: the centre of the largest inscribed circle
        // (pole of inaccessibility), found to a pixel.
        Polygon[] parts = new Polygon[n];
        Coordinate[] anchors = new Coordinate[n];
        double[] radii = new double[n];
        for (int i = 0; i < n; i++) {
            parts[i] = LabelPlacer.largestPart(simple[i]);
            if (parts[i] != null) {
                MaximumInscribedCircle mic = new MaximumInscribedCircle(parts[i], 1.0);
                anchors[i] = mic.getCenter().getCoordinate();
                radii[i] = mic.getRadiusLine().getLength();
            }
        }
        return new Base(List.copyOf(regions), options.widthPx(), height, header, env, scale, toPx, frame, simple, sea,
                neighbours, borders, parts, anchors, radii);
    }

    private MapScene layout(Base base, Allocation allocation, Supplier<List<ControlledArea>> controlled) {
        List<Region> regions = base.regions();
        Geometry[] simple = base.simple();
        AffineTransformation toPx = base.toPx();
        Envelope frame = base.frame();
        int n = regions.size();

        List<Item> items = new ArrayList<>();
        items.add(base.sea());
        items.add(base.neighbours());

        Map<String, List<RegionControl>> rowsByIso = new LinkedHashMap<>();
        for (RegionControl rc : allocation.rows()) {
            if (rc.controlledPct() > 0 && !ownCountry(rc.region(), rc.controller())) {
                rowsByIso.computeIfAbsent(rc.region().iso(), k -> new ArrayList<>()).add(rc);
            }
        }
        boolean anyUa = rowsByIso.values().stream().flatMap(List::stream).anyMatch(r -> r.controller() == Controller.UA);

        // Regions: one element each, carrying its ISO code and a tooltip.
        List<Item> regionItems = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Region r = regions.get(i);
            List<RegionControl> rows = rowsByIso.getOrDefault(r.iso(), List.of());
            int fill = "UA".equals(r.country()) ? UKRAINE : RUSSIAN_OBLAST;
            if (options.mode() == MapMode.CHOROPLETH && !rows.isEmpty()) {
                RegionControl top = rows.get(0);
                int cls = choroplethClass(top.controlledPct());
                fill = (top.controller() == Controller.UA ? BLUES : REDS)[cls - 1];
            }
            Map<String, String> attrs = new LinkedHashMap<>();
            attrs.put("data-iso", r.iso());
            attrs.put("data-name", r.nameEn());
            if (!rows.isEmpty()) {
                attrs.put("data-controller", rows.get(0).controller().name());
                attrs.put("data-pct", decimal(rows.get(0).controlledPct(), 2));
                attrs.put("data-km2", decimal(rows.get(0).controlledKm2(), 0));
            }
            regionItems.add(new Figure(round(simple[i]), Style.fill(fill), "region", attrs, tooltip(r, rows,
                    allocation)));
        }
        items.add(new Group("regions", Map.of(), regionItems));

        int controlledAt = items.size();
        items.add(base.borders());

        // Legend first: labels must keep clear of it.
        LabelPlacer placer = new LabelPlacer(new Envelope(frame.getMinX() + 4 * u, frame.getMaxX() - 4 * u,
                frame.getMinY() + 4 * u, frame.getMaxY() - 4 * u));
        Group legend = legend(frame, base.scale(), toPx, anyUa, footnotes(rowsByIso), placer);
        items.add(labels(base, rowsByIso, placer));
        items.add(places(toPx, placer, simple));
        items.add(legend);
        // Drawn below the borders; laid out last, when it is likely to be ready.
        if (options.mode() != MapMode.CHOROPLETH) {
            items.add(controlledAt, controlledLayer(regions, simple, controlled.get(), toPx, TOLERANCE_PX, rowsByIso,
                    allocation));
        }

        String title = options.title() != null ? options.title() : words.title(allocation.date());
        List<Item> text = new ArrayList<>();
        text.add(new Text(24 * u, 48 * u, title, 34 * u, true, Anchor.START, TEXT, -1, 0, "title"));
        text.add(new Text(24 * u, 84 * u, words.subtitle(allocation.date(), allocation.source(), options.mode()),
                18 * u, false, Anchor.START, TEXT_MUTED, -1, 0, "subtitle"));
        double fy = frame.getMaxY();
        text.add(new Text(24 * u, fy + 26 * u, words.basis(allocation.basis()), 15 * u, false, Anchor.START,
                TEXT_MUTED, -1, 0, "basis"));
        text.add(new Text(24 * u, fy + 50 * u, words.attribution(allocation.source()), 15 * u, false, Anchor.START,
                TEXT_MUTED, -1, 0, "attribution"));
        items.add(new Group("text", Map.of(), roundTexts(text)));

        String desc = title + ". " + words.subtitle(allocation.date(), allocation.source(), options.mode()) + ". "
                + words.basis(allocation.basis());
        Envelope env = base.env();
        return new MapScene(options.widthPx(), base.height(), title, desc, List.copyOf(items),
                new MapScene.Georeference(env.getMinX(), env.getMaxY(), base.scale(), base.header()));
    }

    // ---------------------------------------------------------------- layers

    private Group neighbours(List<CountryOutline> countries, AffineTransformation toPx, Geometry frameBox,
            double tolerance) {
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
        Geometry[] simplified = CoverageSimplifier.simplify(near.toArray(Geometry[]::new), tolerance);
        List<Geometry> clippedList = new ArrayList<>();
        List<CountryOutline> kept = new ArrayList<>();
        for (int i = 0; i < simplified.length; i++) {
            Geometry g = simplified[i].isValid() ? simplified[i] : GeometryFixer.fix(simplified[i]);
            Geometry in = polygonal(g.intersection(frameBox));
            if (!in.isEmpty()) {
                kept.add(shown.get(i));
                clippedList.add(in);
            }
        }
        shown = kept;
        Geometry[] simple = clippedList.toArray(Geometry[]::new);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < simple.length; i++) {
            Map<String, String> attrs = new LinkedHashMap<>();
            attrs.put("data-iso", shown.get(i).iso());
            items.add(new Figure(round(simple[i]), Style.fillAndLine(NEIGHBOUR, WHITE, 1.2 * u), "country", attrs,
                    shown.get(i).nameEn()));
        }
        return new Group("neighbours", Map.of(), items);
    }

    private Group controlledLayer(List<Region> regions, Geometry[] simple, List<ControlledArea> controlled,
            AffineTransformation toPx, double tolerance, Map<String, List<RegionControl>> rowsByIso,
            Allocation allocation) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < regions.size(); i++) {
            index.put(regions.get(i).iso(), i);
        }
        List<ControlledArea> sorted = new ArrayList<>(controlled);
        sorted.sort(Comparator.comparing((ControlledArea a) -> index.getOrDefault(a.region().iso(), Integer.MAX_VALUE))
                .thenComparing(a -> a.controller()));
        List<Item> items = new ArrayList<>();
        for (ControlledArea a : sorted) {
            Integer i = index.get(a.region().iso());
            if (i == null || a.geometry() == null || a.geometry().isEmpty() || ownCountry(a.region(), a.controller())) {
                continue;
            }
            Geometry raw = toPx.transform(projection.project(a.geometry()));
            Geometry g = DouglasPeuckerSimplifier.simplify(raw, tolerance);
            g = polygonal((g.isValid() ? g : GeometryFixer.fix(g)).intersection(simple[i]));
            if (g.isEmpty()) {
                // A sliver thinner than the simplified border: draw it as it is rather than lose it.
                g = polygonal(raw);
            }
            Map<String, String> attrs = new LinkedHashMap<>();
            attrs.put("data-iso", a.region().iso());
            attrs.put("data-controller", a.controller().name());
            List<RegionControl> rows = rowsByIso.getOrDefault(a.region().iso(), List.of()).stream()
                    .filter(r -> r.controller() == a.controller()).toList();
            int colour = a.controller() == Controller.RU ? HELD_BY_RU : HELD_BY_UA;
            // A stroke in the fill colour keeps slivers (a 3% strip along a border) visible.
            items.add(new Figure(round(g), Style.fillAndLine(colour, colour, 1.2 * u),
                    "controlled", attrs, tooltip(a.region(), rows, allocation)));
        }
        return new Group("controlled", Map.of(), items);
    }

    private Group borders(List<Region> regions, Geometry[] simple) {
        List<Item> items = new ArrayList<>();
        items.add(new Figure(sharedEdgesOnce(simple), Style.line(BORDER, 0.9 * u), "border", Map.of(), null));
        List<Geometry> ukraine = new ArrayList<>();
        for (int i = 0; i < simple.length; i++) {
            if ("UA".equals(regions.get(i).country())) {
                ukraine.add(simple[i]);
            }
        }
        if (!ukraine.isEmpty()) {
            Geometry national = CoverageUnion.union(ukraine.toArray(Geometry[]::new)).getBoundary();
            items.add(new Figure(round(national), Style.line(NATIONAL_BORDER, 1.3 * u), "national-border", Map.of(),
                    null));
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
     */
    static Geometry sharedEdgesOnce(Geometry[] coverage) {
        Set<String> seen = new HashSet<>();
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
                        boolean fresh = seen.add(segmentKey(a, b));
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

    private static String segmentKey(Coordinate a, Coordinate b) {
        boolean swap = a.x > b.x || a.x == b.x && a.y > b.y;
        Coordinate p = swap ? b : a;
        Coordinate q = swap ? a : b;
        return p.x + "," + p.y + "," + q.x + "," + q.y;
    }

    // ---------------------------------------------------------------- labels

    private record LabelJob(int index, Polygon part, Coordinate anchor, double radius, List<String> full,
            List<String> compact, int figureColor) {
    }

    private Group labels(Base base, Map<String, List<RegionControl>> rowsByIso, LabelPlacer placer) {
        List<Region> regions = base.regions();
        Geometry[] simple = base.simple();
        Envelope frame = base.frame();
        double nameSize = 17 * u;
        double figSize = 15 * u;
        List<LabelJob> jobs = new ArrayList<>();
        for (int i = 0; i < regions.size(); i++) {
            Region r = regions.get(i);
            Polygon part = base.labelParts()[i];
            if (part == null) {
                continue;
            }
            Coordinate anchor = base.anchors()[i];
            double radius = base.radii()[i];
            String name = words.labelName(r);
            List<RegionControl> rows = rowsByIso.getOrDefault(r.iso(), List.of());
            List<String> full;
            List<String> compact;
            int color = TEXT_RU;
            if (rows.isEmpty()) {
                full = List.of(name);
                compact = full;
            } else {
                RegionControl rc = rows.get(0);
                color = rc.controller() == Controller.UA ? TEXT_UA : TEXT_RU;
                full = List.of(name, words.figure(rc, true));
                compact = List.of(name, words.figure(rc, false));
            }
            jobs.add(new LabelJob(i, part, anchor, radius, full, compact, color));
        }
        // Most constrained first: small regions have the fewest places for a label.
        jobs.sort(Comparator.comparingDouble(LabelJob::radius).thenComparingInt(LabelJob::index));

        Coordinate centre = new Coordinate(frame.centre().x, frame.centre().y);
        Map<Integer, Group> byIndex = new LinkedHashMap<>();
        List<LabelJob> outside = new ArrayList<>();
        double smallName = 14 * u;
        double smallFig = 12.5 * u;
        for (LabelJob job : jobs) {
            PreparedGeometry area = PreparedGeometryFactory.prepare(job.part());
            // Full label, then without km², then smaller type; failing all, outside with a leader line.
            List<String> split = new ArrayList<>(job.compact());
            split.set(0, splitName(split.get(0)));
            Object[][] variants = {{job.full(), nameSize, figSize}, {job.compact(), nameSize, figSize},
                {job.compact(), smallName, smallFig}, {split, smallName, smallFig}};
            boolean done = false;
            for (Object[] v : variants) {
                @SuppressWarnings("unchecked")
                List<String> lines = (List<String>) v[0];
                double ns = (Double) v[1];
                double fs = (Double) v[2];
                double[] box = boxSize(lines, ns, fs);
                Coordinate c = placer.inside(area, job.anchor(), box[0], box[1], 6 * u);
                if (c != null) {
                    placer.block(LabelPlacer.box(c.x, c.y, box[0], box[1]));
                    byIndex.put(job.index(), labelGroup(regions.get(job.index()), lines, c, box, null, ns, fs,
                            job.figureColor()));
                    done = true;
                    break;
                }
            }
            if (!done) {
                outside.add(job);
            }
        }
        for (LabelJob job : outside) {
            List<String> lines = job.compact();
            double[] box = boxSize(lines, nameSize, figSize);
            Coordinate c = placer.outside(simple[job.index()], job.anchor(), centre, 14 * u, 400 * u, box[0], box[1],
                    4 * u);
            if (c == null) {
                continue; // nowhere free: better no label than one on top of another
            }
            placer.block(LabelPlacer.box(c.x, c.y, box[0], box[1]));
            byIndex.put(job.index(), labelGroup(regions.get(job.index()), lines, c, box, job.anchor(), nameSize,
                    figSize, job.figureColor()));
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < regions.size(); i++) {
            if (byIndex.containsKey(i)) {
                items.add(byIndex.get(i));
            }
        }
        return new Group("labels", Map.of(), items);
    }

    /**
     * A long name on two lines, broken after its last hyphen ("Ivano-" / "Frankivsk"), at its
     * last space, or before a Ukrainian adjectival ending ("Тернопіль-" / "ська").
     */
    static String splitName(String name) {
        int h = name.lastIndexOf('-');
        if (h > 0 && h < name.length() - 1) {
            return name.substring(0, h + 1) + "\n" + name.substring(h + 1);
        }
        int sp = name.lastIndexOf(' ');
        if (sp > 0) {
            return name.substring(0, sp) + "\n" + name.substring(sp + 1);
        }
        // Ukrainian oblast names are adjectives in -ська, -цька, -зька; breaking before
        // that ending is a syllable and suffix boundary ("Тернопіль-" / "ська").
        for (String ending : new String[] {"ська", "цька", "зька"}) {
            if (name.length() > ending.length() + 2 && name.endsWith(ending)) {
                int at = name.length() - ending.length();
                return name.substring(0, at) + "-\n" + name.substring(at);
            }
        }
        return name;
    }

    private double[] boxSize(List<String> lines, double nameSize, double figSize) {
        double w = 0;
        double h = 0;
        for (String name : lines.get(0).split("\n")) {
            w = Math.max(w, fonts().width(name, nameSize, true));
            h += nameSize * 1.15;
        }
        for (int k = 1; k < lines.size(); k++) {
            w = Math.max(w, fonts().width(lines.get(k), figSize, false));
            h += figSize * 1.2;
        }
        double pad = 3 * u;
        return new double[] {w + 2 * pad, h + 2 * pad};
    }

    private Group labelGroup(Region r, List<String> lines, Coordinate c, double[] box, Coordinate leaderFrom,
            double nameSize, double figSize, int figColor) {
        List<Item> items = new ArrayList<>();
        if (leaderFrom != null) {
            Coordinate end = nearestOnBox(LabelPlacer.box(c.x, c.y, box[0] - 4 * u, box[1] - 4 * u), leaderFrom);
            LineString leader = GF.createLineString(new Coordinate[] {leaderFrom, end});
            items.add(new Figure(round(leader), Style.line(WHITE, 3.2 * u), "leader-halo", Map.of(), null));
            items.add(new Figure(round(leader), Style.line(TEXT, 1.1 * u), "leader", Map.of(), null));
            items.add(new Figure(round(GF.createPoint(leaderFrom).buffer(2.6 * u, 4)),
                    Style.fillAndLine(TEXT, WHITE, 0.8 * u), "leader-dot", Map.of(), null));
        }
        double top = c.y - box[1] / 2 + 3 * u;
        double y = top + nameSize * 0.93 - nameSize * 1.15;
        List<Item> texts = new ArrayList<>();
        for (String name : lines.get(0).split("\n")) {
            y += nameSize * 1.15;
            texts.add(new Text(c.x, y, name, nameSize, true, Anchor.MIDDLE, TEXT, WHITE, 3.2 * u, "name"));
        }
        for (int k = 1; k < lines.size(); k++) {
            y += figSize * 1.2;
            texts.add(new Text(c.x, y, lines.get(k), figSize, false, Anchor.MIDDLE, figColor, WHITE, 3.2 * u,
                    "figure"));
        }
        items.addAll(roundTexts(texts));
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("data-iso", r.iso());
        return new Group("label", attrs, items);
    }

    private static Coordinate nearestOnBox(Envelope b, Coordinate p) {
        return new Coordinate(Math.max(b.getMinX(), Math.min(p.x, b.getMaxX())),
                Math.max(b.getMinY(), Math.min(p.y, b.getMaxY())));
    }

    /** Country and sea names, only where they fit over neither a region nor a label. */
    private Group places(AffineTransformation toPx, LabelPlacer placer, Geometry[] simple) {
        PreparedGeometry land = PreparedGeometryFactory.prepare(GF.buildGeometry(List.of(simple)));
        double size = 15 * u;
        List<Item> items = new ArrayList<>();
        for (Object[] place : PLACES) {
            String key = (String) place[0];
            boolean sea = key.equals("BLACK") || key.equals("AZOV");
            String text = words.place(key);
            double w = fonts().width(text, size, !sea) + 4 * u;
            double h = size * 1.2;
            for (double[] ll : (double[][]) place[1]) {
                Coordinate c = toPx.transform(projection.project(ll[0], ll[1]), new Coordinate());
                Envelope b = LabelPlacer.box(c.x, c.y, w, h);
                if (placer.isFree(b) && !land.intersects(GF.toGeometry(b))) {
                    placer.block(b);
                    items.add(new Text(r1(c.x), r1(c.y + size * 0.35), text, size, !sea, Anchor.MIDDLE,
                            sea ? 0x4A7A9C : 0x8A867E, -1, 0, sea ? "sea-name" : "country-name"));
                    break;
                }
            }
        }
        return new Group("places", Map.of(), items);
    }

    // ---------------------------------------------------------------- legend

    /**
     * What the labels' marks need said under the legend: each group figure ("* 80%:
     * Donetsk and Luhansk together"), how an unquantified part is drawn, and what
     * "&gt;" and "&lt;" mean.
     */
    private List<String> footnotes(Map<String, List<RegionControl>> rowsByIso) {
        Set<String> notes = new LinkedHashSet<>();
        boolean lower = false;
        boolean upper = false;
        for (List<RegionControl> rows : rowsByIso.values()) {
            for (RegionControl rc : rows) {
                Qualifier q = rc.qualifier();
                lower |= q == Qualifier.MORE_THAN;
                upper |= q == Qualifier.LESS_THAN;
                if (MapWording.isGroupFigure(rc)) {
                    notes.add(words.groupNote(rc));
                } else if (q == Qualifier.SLIVER) {
                    notes.add(words.sliverNote(rc.controlledPct()));
                }
            }
        }
        if (lower || upper) {
            notes.add(words.boundNote(lower, upper));
        }
        return List.copyOf(notes);
    }

    private Group legend(Envelope frame, double scale, AffineTransformation toPx, boolean anyUa,
            List<String> footnotes, LabelPlacer placer) {
        double pad = 12 * u;
        double sw = 28 * u;
        double sh = 17 * u;
        double size = 15 * u;
        double row = 25 * u;
        List<Item> rows = new ArrayList<>();
        List<double[]> swatchPos = new ArrayList<>();
        List<Object[]> entries = new ArrayList<>(); // {label, int[] colours, Boolean bold}
        double textW = 0;
        if (options.mode() == MapMode.CHOROPLETH) {
            entries.add(new Object[] {words.shareHeading(Controller.RU), new int[0], true});
            entries.add(new Object[] {words.none(), new int[] {UKRAINE}, false});
            entries.add(new Object[] {words.under(CLASS_BOUNDS[0]), classSwatch(0), false});
            for (int k = 1; k < CLASS_BOUNDS.length; k++) {
                entries.add(new Object[] {words.range(CLASS_BOUNDS[k - 1], CLASS_BOUNDS[k]), classSwatch(k),
                    false});
            }
            entries.add(new Object[] {words.over(CLASS_BOUNDS[CLASS_BOUNDS.length - 1]),
                classSwatch(CLASS_BOUNDS.length), false});
            if (anyUa) {
                entries.add(new Object[] {words.shareHeading(Controller.UA) + ": ■", new int[0], false});
                textW = Math.max(textW, fonts().width(words.shareHeading(Controller.UA) + ":", size, false) + 6 * u
                        + BLUES.length * (sh + 2 * u) - sw - 8 * u);
            }
        } else {
            entries.add(new Object[] {words.heldBy(Controller.RU), new int[] {HELD_BY_RU}, false});
            if (anyUa) {
                entries.add(new Object[] {words.heldBy(Controller.UA), new int[] {HELD_BY_UA}, false});
            }
            entries.add(new Object[] {words.restOfUkraine(), new int[] {UKRAINE}, false});
        }
        for (Object[] e : entries) {
            textW = Math.max(textW, fonts().width((String) e[0], size, (Boolean) e[2])
                    + ((int[]) e[1]).length * (sw + 4 * u));
        }
        String note = options.mode() == MapMode.SCHEMATIC ? words.schematicNote() : null;
        if (note != null) {
            textW = Math.max(textW, fonts().width(note, 14 * u, true) - sw - 8 * u);
        }
        for (String f : footnotes) {
            textW = Math.max(textW, fonts().width(f, 13 * u, false) - sw - 8 * u);
        }
        // Scale bar: a round length of 50 km or more, up to 190 px, true at the frame's centre latitude.
        ScaleBar bar = ScaleBar.fit(projection, centreLonLat(frame, toPx).y, scale, 190 * u, 50);
        double km = bar.km();
        double lat = bar.lat();
        double barW = bar.px();
        double boxW = Math.max(sw + 8 * u + textW, barW + fonts().width(km + " " + words.km(), size, false)) + 2 * pad;
        int lines = entries.size() + (note != null ? 1 : 0) + footnotes.size();
        double boxH = pad * 2 + lines * row + 52 * u;
        double x0 = frame.getMinX() + 14 * u;
        double y0 = frame.getMaxY() - 14 * u - boxH;
        Envelope box = new Envelope(x0, x0 + boxW, y0, y0 + boxH);
        placer.block(new Envelope(box.getMinX() - 4 * u, box.getMaxX() + 4 * u, box.getMinY() - 4 * u,
                box.getMaxY() + 4 * u));
        rows.add(new Figure(round(GF.toGeometry(box)), new Style(WHITE, 0.92, 0xB5B0A8, 0.8 * u, null), "legend-box",
                Map.of(), null));
        double y = y0 + pad;
        List<Item> texts = new ArrayList<>();
        for (Object[] e : entries) {
            int[] colours = (int[]) e[1];
            double x = x0 + pad;
            for (int c : colours) {
                rows.add(new Figure(round(GF.toGeometry(new Envelope(x, x + sw, y + (row - sh) / 2, y + (row + sh) / 2))),
                        Style.fillAndLine(c, 0x8C877E, 0.7 * u), "swatch", Map.of(), null));
                x += sw + 4 * u;
            }
            if (colours.length == 0 && !(Boolean) e[2]) {
                // the Ukrainian-held row of the choropleth: blue class swatches after the words
                double tx = x0 + pad + fonts().width((String) e[0], size, false) - fonts().width("■", size, false);
                texts.add(new Text(x0 + pad, y + row / 2 + size * 0.35, ((String) e[0]).replace(": ■", ":"), size,
                        false, Anchor.START, TEXT, -1, 0, "legend"));
                for (int b = 0; b < BLUES.length; b++) {
                    double bx = tx + 6 * u + b * (sh + 2 * u);
                    rows.add(new Figure(round(GF.toGeometry(new Envelope(bx, bx + sh, y + (row - sh) / 2,
                            y + (row + sh) / 2))), Style.fillAndLine(BLUES[b], 0x8C877E, 0.7 * u), "swatch", Map.of(),
                            null));
                }
            } else {
                double tx = colours.length == 0 ? x0 + pad : x + 4 * u;
                texts.add(new Text(tx, y + row / 2 + size * 0.35, (String) e[0], size, (Boolean) e[2], Anchor.START,
                        TEXT, -1, 0, "legend"));
            }
            y += row;
        }
        if (note != null) {
            texts.add(new Text(x0 + pad, y + row / 2 + 14 * u * 0.35, note, 14 * u, true, Anchor.START, TEXT_RU, -1, 0,
                    "legend-note"));
            y += row;
        }
        for (String f : footnotes) {
            texts.add(new Text(x0 + pad, y + row / 2 + 13 * u * 0.35, f, 13 * u, false, Anchor.START, TEXT_MUTED, -1, 0,
                    "legend-footnote"));
            y += row;
        }
        // scale bar: two segments, black and white, ticks labelled 0, half, full
        double by = y + 14 * u;
        double bh = 6 * u;
        double bx = x0 + pad;
        rows.add(new Figure(round(GF.toGeometry(new Envelope(bx, bx + barW / 2, by, by + bh))),
                Style.fillAndLine(TEXT, TEXT, 0.8 * u), "scale-bar", Map.of(), null));
        rows.add(new Figure(round(GF.toGeometry(new Envelope(bx + barW / 2, bx + barW, by, by + bh))),
                Style.fillAndLine(WHITE, TEXT, 0.8 * u), "scale-bar", Map.of(), null));
        double ty = by + bh + size * 1.1;
        texts.add(new Text(bx, ty, "0", size * 0.9, false, Anchor.MIDDLE, TEXT, -1, 0, "scale"));
        texts.add(new Text(bx + barW / 2, ty, words.plain(km / 2), size * 0.9, false, Anchor.MIDDLE, TEXT, -1, 0,
                "scale"));
        texts.add(new Text(bx + barW, ty, words.plain(km) + " " + words.km(), size * 0.9, false, Anchor.MIDDLE, TEXT,
                -1, 0, "scale"));
        texts.add(new Text(bx + barW + fonts().width(words.plain(km) + " " + words.km(), size * 0.9, false) / 2
                + 10 * u, ty, "(" + words.scaleNote(lat) + ")", size * 0.8, false, Anchor.START, TEXT_MUTED, -1, 0,
                "scale"));
        rows.addAll(roundTexts(texts));
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("data-scale-km", words.plain(km));
        attrs.put("data-scale-px", decimal(barW, 1));
        attrs.put("data-scale-lat", Double.toString(lat));
        return new Group("legend", attrs, rows);
    }

    private static int[] classSwatch(int cls) {
        return new int[] {REDS[cls]};
    }

    private Coordinate centreLonLat(Envelope frame, AffineTransformation toPx) {
        try {
            Coordinate c = toPx.getInverse().transform(frame.centre(), new Coordinate());
            return projection.unproject(c.x, c.y);
        } catch (org.locationtech.jts.geom.util.NoninvertibleTransformationException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- helpers

    /**
     * True when a side "holds" part of its own country: a control polygon
     * spilling over the border (DeepStateMap's into Belgorod). Not control,
     * so not drawn or labelled as such; the tables still report it.
     */
    private static boolean ownCountry(Region r, Controller c) {
        return r.country().equals(c.name());
    }

    /** Choropleth class 1–5 of a share in percent (0 is class 0, no fill). */
    static int choroplethClass(double pct) {
        if (pct <= 0) {
            return 0;
        }
        int c = 1;
        for (double b : CLASS_BOUNDS) {
            if (pct >= b) {
                c++;
            }
        }
        return c;
    }

    private String tooltip(Region r, List<RegionControl> rows, Allocation allocation) {
        if (rows.isEmpty()) {
            return words.tooltip(r, null, 0, 0, r.areaKm2(allocation.basis()), allocation.basis(), null);
        }
        RegionControl rc = rows.get(0);
        return words.tooltip(r, rc.controller(), rc.controlledPct(), rc.controlledKm2(), r.areaKm2(rc.basis()),
                rc.basis(), rc.figure());
    }

    private static Geometry[] valid(Geometry[] gs) {
        Geometry[] out = new Geometry[gs.length];
        for (int i = 0; i < gs.length; i++) {
            out[i] = gs[i].isValid() ? gs[i] : GeometryFixer.fix(gs[i]);
        }
        return out;
    }

    private static Geometry polygonal(Geometry g) {
        if (g.getDimension() == 2 && !(g instanceof org.locationtech.jts.geom.GeometryCollection)
                || g instanceof org.locationtech.jts.geom.MultiPolygon) {
            return g;
        }
        List<Polygon> ps = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry p = g.getGeometryN(i);
            if (p instanceof Polygon poly && !poly.isEmpty()) {
                ps.add(poly);
            } else if (p instanceof org.locationtech.jts.geom.MultiPolygon mp) {
                for (int k = 0; k < mp.getNumGeometries(); k++) {
                    ps.add((Polygon) mp.getGeometryN(k));
                }
            }
        }
        return GF.createMultiPolygon(ps.toArray(Polygon[]::new));
    }

    static double r1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** A copy with every coordinate rounded to 0.1 px, the precision all back ends draw. */
    static Geometry round(Geometry g) {
        PointMapping m = (x, y, o) -> {
            o[0] = r1(x);
            o[1] = r1(y);
        };
        return m.copyOf(g);
    }

    private static List<Item> roundTexts(List<Item> texts) {
        List<Item> out = new ArrayList<>();
        for (Item it : texts) {
            if (it instanceof Text t) {
                out.add(new Text(r1(t.x()), r1(t.y()), t.text(), r1(t.size()), t.bold(), t.anchor(),
                        t.color(), t.halo(), r1(t.haloWidth()), t.cssClass()));
            } else {
                out.add(it);
            }
        }
        return out;
    }

    private static String decimal(double v, int places) {
        return String.format(Locale.ROOT, "%." + places + "f", v);
    }
}
