package org.controlmap.render;

import static org.controlmap.render.Px.round;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.controlmap.control.Allocation;
import org.controlmap.control.Controller;
import org.controlmap.control.RegionControl;
import org.controlmap.geodata.PlaceCatalogue;
import org.controlmap.geodata.Polygons;
import org.controlmap.region.CountryOutline;
import org.controlmap.region.Region;
import org.controlmap.render.MapScene.Anchor;
import org.controlmap.render.MapScene.Figure;
import org.controlmap.render.MapScene.Group;
import org.controlmap.render.MapScene.Item;
import org.controlmap.render.MapScene.Style;
import org.controlmap.render.MapScene.Text;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * Lays out one control map on a {@link BaseMap}: the regions filled (by
 * share in choropleth mode), the controlled territory, the base map's added
 * layers, region labels ({@link RegionLabels}), country and sea names
 * ({@link PlaceNames}), the legend ({@link Legend}), title and credits, and
 * returns the {@link MapScene} every output format draws. Colours come from
 * {@link Palette}.
 *
 * <p>Drawing order, bottom up: sea, neighbours, regions, layers under the
 * control layer, controlled territory, layers under the borders, borders, layers over it, labels, place
 * names, legend, text.
 *
 * <p>Controlled pieces are simplified on their own at the base map's tolerance
 * and then clipped to their simplified region, so they never spill over a
 * border. Sizes of text and lines are proportional to the width (set for
 * 1,600 px), so a map at any width is the same picture.
 */
public final class MapLayout {
    private final MapOptions options;
    private final MapWording words;
    private final MapProjection projection = new MapProjection();
    private final double u;
    /** The front's length within a framed map's frame, km; null when not framed or without a front. */
    private final Double framedFrontKm;

    private MapLayout(MapOptions options, Double framedFrontKm) {
        this.options = options;
        this.framedFrontKm = framedFrontKm;
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
        return build(withContext(new BaseMap(regions, countries, options.widthPx(), options.focus(),
                extraHeader(options)), options), allocation,
                controlled, options);
    }

    /**
     * The base map with the context every control map shows: rivers and
     * reservoirs under the controlled territory ({@link RiverLayer}), towns
     * over it ({@link TownLayer}), named in the options' language.
     */
    static BaseMap withContext(BaseMap base, MapOptions options) {
        return withTowns(withRivers(base, options), options, null);
    }

    /** The base map with its rivers and reservoirs ({@link RiverLayer}): the context that does not depend on the front. */
    static BaseMap withRivers(BaseMap base, MapOptions options) {
        return base.withLayer(RiverLayer.of(base, new MapWording(options.lang())));
    }

    /**
     * The base map with its towns ({@link TownLayer}) when it is the whole country's: those of {@link
     * TownLayer#of}, or with a front those of {@link TownLayer#frontFirst}. A framed map is returned as it
     * is: it names its towns once the legend and the front are known ({@link #layout}).
     *
     * @param frontPx the front as drawn, px, or null when none is drawn
     */
    static BaseMap withTowns(BaseMap base, MapOptions options, Geometry frontPx) {
        if (base.focus() != null) {
            return base;
        }
        MapWording words = new MapWording(options.lang());
        return base.withLayer(frontPx == null ? TownLayer.of(base, words) : TownLayer.frontFirst(base, words, frontPx));
    }

    /** Builds the map on a base map laid out before, which must have the options' width. */
    public static MapScene build(BaseMap base, Allocation allocation, List<ControlledArea> controlled,
            MapOptions options) {
        return build(base, allocation, () -> controlled, options);
    }

    /**
     * As {@link #build(BaseMap, Allocation, List, MapOptions)}, asking for the
     * territory to draw only once everything else is laid out (labels do not
     * depend on it), so it can still be worked out on another thread.
     */
    public static MapScene build(BaseMap base, Allocation allocation, Supplier<List<ControlledArea>> controlled,
            MapOptions options) {
        return build(base, allocation, controlled, options, null);
    }

    /**
     * As {@link #build(BaseMap, Allocation, Supplier, MapOptions)}; on a framed map the footer says that
     * Ukraine's share and the front's length are the whole country's, and how much of the front lies in the
     * frame.
     *
     * @param framedFrontKm the front's length within the frame, km ({@code ControlMap.framedKm}), or null
     */
    static MapScene build(BaseMap base, Allocation allocation, Supplier<List<ControlledArea>> controlled,
            MapOptions options, Double framedFrontKm) {
        if (base.widthPx() != options.widthPx()) {
            throw new IllegalArgumentException("base map " + base.widthPx() + " px wide, options " + options.widthPx());
        }
        return new MapLayout(options, framedFrontKm).layout(base, allocation, controlled);
    }

    private MapScene layout(BaseMap base, Allocation allocation, Supplier<List<ControlledArea>> controlled) {
        List<Region> regions = base.regions();
        List<Geometry> simple = base.simple();
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
            int fill = "UA".equals(r.country()) ? Palette.UKRAINE : Palette.RUSSIAN_OBLAST;
            if (options.mode() == MapMode.CHOROPLETH && !rows.isEmpty()) {
                RegionControl top = rows.get(0);
                fill = Palette.choropleth(top.controller() == Controller.UA, top.controlledPct());
            }
            Map<String, String> attrs = new LinkedHashMap<>();
            attrs.put("data-iso", r.iso());
            attrs.put("data-name", r.nameEn());
            if (!rows.isEmpty()) {
                attrs.put("data-controller", rows.get(0).controller().name());
                attrs.put("data-pct", decimal(rows.get(0).controlledPct(), 2));
                attrs.put("data-km2", decimal(rows.get(0).controlledKm2(), 0));
            }
            regionItems.add(new Figure(round(simple.get(i)), Style.fill(fill), "region", attrs, tooltip(r, rows,
                    allocation)));
        }
        items.add(new Group("regions", Map.of(), regionItems));
        for (BaseMap.Layer layer : base.layers(BaseMap.Stacking.UNDER_CONTROL)) {
            items.add(layer.group());
        }

        int controlledAt = items.size();
        for (BaseMap.Layer layer : base.layers(BaseMap.Stacking.UNDER_BORDERS)) {
            items.add(layer.group());
        }
        items.add(base.borders());
        List<BaseMap.Layer> over = base.layers(BaseMap.Stacking.OVER_CONTROL);
        for (BaseMap.Layer layer : over) {
            items.add(layer.group());
        }
        int townsAt = items.size();

        // Legend first, then what the layers over the control layer keep clear: labels must keep clear of both.
        LabelPlacer placer = new LabelPlacer(new Envelope(frame.getMinX() + 4 * u, frame.getMaxX() - 4 * u,
                frame.getMinY() + 4 * u, frame.getMaxY() - 4 * u));
        Legend legend = new Legend(options.mode(), words, u);
        Group legendGroup = legend.build(base, projection, anyUa, legend.footnotes(rowsByIso), placer);
        for (BaseMap.Layer layer : over) {
            layer.keepClear().forEach(placer::block);
        }
        List<String> credits = new ArrayList<>(base.credits());
        if (base.focus() != null) {
            items.add(townsAt, focusTowns(base, legendGroup, placer));
            items.add(townsAt + 1, base.inset().group());
            credits.add(words.townsCredit());
        }
        items.add(new RegionLabels(words, u).place(base, rowsByIso, placer));
        items.add(PlaceNames.place(base, projection, words, placer, u));
        items.add(legendGroup);
        // Drawn below the borders; laid out last, when it is likely to be ready.
        if (options.mode() != MapMode.CHOROPLETH) {
            items.add(controlledAt, controlledLayer(base, controlled.get(), rowsByIso, allocation));
        }

        String title = options.title() != null ? options.title() : words.title(allocation.date());
        List<Item> text = new ArrayList<>();
        double room = frame.getWidth() - 48 * u;
        // Two lines for a title the user gives (the header was laid out for them: extraHeader); the default fits one.
        TextFit.Lines titleLines = TextFit.title(title, TITLE_PX * u, true, room, options.title() != null ? 2 : 1);
        double y = 48 * u;
        for (String line : titleLines.lines()) {
            text.add(new Text(24 * u, y, line, titleLines.size(), true, Anchor.START, Palette.TEXT, -1, 0, "title"));
            y += TITLE_LINE_PX * u;
        }
        String subtitle = words.subtitle(allocation.date(), allocation.source(), options.mode());
        text.add(new Text(24 * u, 84 * u + (titleLines.lines().size() - 1) * TITLE_LINE_PX * u, subtitle,
                TextFit.title(subtitle, 18 * u, false, room, 1).size(), false, Anchor.START, Palette.TEXT_MUTED, -1, 0,
                "subtitle"));

        // Footer: the basis, the notes, the source and data credits, the graphic's credit; each line within the
        // frame's width, broken at spaces.
        Footer footer = new Footer(15 * u, room);
        double fy = frame.getMaxY();
        String basis = base.focus() != null ? words.basisFramed(allocation, framedFrontKm) : words.basis(allocation);
        footer.add(basis, "basis");
        for (String note : options.notes()) {
            footer.add(note, "note");
        }
        String credit = words.attribution(allocation.source());
        for (String c : credits) {
            credit += " " + c + ".";
        }
        // A long source name sets the line smaller rather than running off the canvas, down to 10 px (at 1,600);
        // longer still, it is broken into lines.
        footer.addShrinking(credit, 10 * u, "attribution");
        if (options.credit() != null) {
            footer.add(options.credit(), "credit");
        }
        text.addAll(footer.texts(24 * u, fy, 26, FOOTER_LINE_PX, u, Palette.TEXT_MUTED));
        items.add(new Group("text", Map.of(), Px.roundTexts(text)));
        // The base map's footer holds two lines; each more makes the canvas taller.
        double height = footer.size() <= 2 ? base.height()
                : Math.ceil(fy + Math.round(64 * u) + (footer.size() - 2) * FOOTER_LINE_PX * u);

        String desc = title + ". " + words.subtitle(allocation.date(), allocation.source(), options.mode()) + ". "
                + basis;
        return new MapScene(options.widthPx(), height, title, desc, List.copyOf(items), base.georeference());
    }

    /** Title type size and line spacing, px at 1,600 px. */
    static final double TITLE_PX = 34;
    static final double TITLE_LINE_PX = 40;
    /** Footer line spacing, px at 1,600 px. */
    static final double FOOTER_LINE_PX = 24;

    /**
     * How much taller than one line's the header must be for the options'
     * title: {@value #TITLE_LINE_PX} px (at 1,600) when it takes two lines
     * ({@link TextFit#title}), else 0. The default title fits one line.
     */
    static double extraHeader(MapOptions options) {
        if (options.title() == null) {
            return 0;
        }
        double u = options.widthPx() / 1600.0;
        TextFit.Lines lines = TextFit.title(options.title(), TITLE_PX * u, true, options.widthPx() - 48 * u, 2);
        return (lines.lines().size() - 1) * Math.round(TITLE_LINE_PX * u);
    }

    /**
     * The towns of a framed map ({@link TownLayer#focusTowns}), placed clear of
     * the legend and the inset, and blocked in {@code placer} for the labels after.
     */
    private Group focusTowns(BaseMap base, Group legend, LabelPlacer placer) {
        Envelope frame = base.frame();
        LabelPlacer towns = new LabelPlacer(new Envelope(frame.getMinX() + 4 * u, frame.getMaxX() - 4 * u,
                frame.getMinY() + 4 * u, frame.getMaxY() - 4 * u));
        List<Envelope> taken = new ArrayList<>();
        taken.add(base.inset().box());
        for (Item it : legend.items()) {
            if (it instanceof Figure f && "legend-box".equals(f.cssClass())) {
                taken.add(f.geometry().getEnvelopeInternal());
            }
        }
        for (Envelope e : taken) {
            e.expandBy(4 * u);
            towns.block(e);
            placer.block(e);
        }
        List<Envelope> keepClear = new ArrayList<>();
        Group g = TownLayer.place(base, words, TownLayer.focusTowns(base, PlaceCatalogue.bundled()), towns,
                keepClear);
        keepClear.forEach(placer::block);
        return g;
    }

    private Group controlledLayer(BaseMap base, List<ControlledArea> controlled,
            Map<String, List<RegionControl>> rowsByIso, Allocation allocation) {
        List<Region> regions = base.regions();
        AffineTransformation toPx = base.toPx();
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
            Geometry g = DouglasPeuckerSimplifier.simplify(raw, BaseMap.TOLERANCE_PX);
            g = Polygons.polygonal((g.isValid() ? g : GeometryFixer.fix(g)).intersection(base.simple().get(i)));
            if (g.isEmpty()) {
                // A sliver thinner than the simplified border: draw it as it is rather than lose it.
                g = Polygons.polygonal(raw);
                if (base.focus() != null) {
                    g = Polygons.polygonal(g.intersection(g.getFactory().toGeometry(base.frame())));
                }
            }
            Map<String, String> attrs = new LinkedHashMap<>();
            attrs.put("data-iso", a.region().iso());
            attrs.put("data-controller", a.controller().name());
            List<RegionControl> rows = rowsByIso.getOrDefault(a.region().iso(), List.of()).stream()
                    .filter(r -> r.controller() == a.controller()).toList();
            int colour = a.controller() == Controller.RU ? Palette.HELD_BY_RU : Palette.HELD_BY_UA;
            // A stroke in the fill colour keeps slivers (a 3% strip along a border) visible.
            items.add(new Figure(round(g), Style.fillAndLine(colour, colour, 1.2 * u),
                    "controlled", attrs, tooltip(a.region(), rows, allocation)));
        }
        return new Group("controlled", Map.of(), items);
    }

    /**
     * True when a side "holds" part of its own country: a control polygon
     * spilling over the border (DeepStateMap's into Belgorod). Not control,
     * so not drawn or labelled as such; the tables still report it.
     */
    private static boolean ownCountry(Region r, Controller c) {
        return r.country().equals(c.name());
    }

    private String tooltip(Region r, List<RegionControl> rows, Allocation allocation) {
        if (rows.isEmpty()) {
            return words.tooltip(r, null, 0, 0, r.areaKm2(allocation.basis()), allocation.basis(), null);
        }
        RegionControl rc = rows.get(0);
        return words.tooltip(r, rc.controller(), rc.controlledPct(), rc.controlledKm2(), r.areaKm2(rc.basis()),
                rc.basis(), rc.figure());
    }

    private static String decimal(double v, int places) {
        return String.format(Locale.ROOT, "%." + places + "f", v);
    }
}
