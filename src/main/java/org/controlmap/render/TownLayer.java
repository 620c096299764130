package org.controlmap.render;

import static org.controlmap.render.Px.round;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.controlmap.geodata.NearestTowns;
import org.controlmap.geodata.Place;
import org.controlmap.geodata.PlaceCatalogue;
import org.controlmap.render.MapScene.Anchor;
import org.controlmap.render.MapScene.Figure;
import org.controlmap.render.MapScene.Group;
import org.controlmap.render.MapScene.Item;
import org.controlmap.render.MapScene.Style;
import org.controlmap.render.MapScene.Text;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;

/**
 * Towns on the country map, as a layer over the controlled territory: every
 * regional capital of the bundled gazetteer ({@link Place#isRegionalCapital()}:
 * Kyiv, the oblast centres, Simferopol and Sevastopol, and the centres of the
 * three Russian oblasts on the map), then the {@link #LARGEST} most populous
 * other towns in Ukraine (Kryvyi Rih, Mariupol...), each a small dot and its
 * name in the map's language.
 *
 * <p>Placement: capitals first, Kyiv leading, then by population. Each name
 * goes at one of eight places around its dot (right, left, above, below,
 * then the diagonals) inside the frame and clear of every dot and name placed
 * before ({@link LabelPlacer}); of those, at the one that covers least of the
 * boxes the region labels ({@link RegionLabels}, the map's first rank, placed
 * after the towns) would take at their best spots and of the regions too
 * small for a label inside (Kyiv City, Sevastopol: a name over them would
 * hide who holds them), first in order on ties, so towns do not push small
 * regions' labels out. A region so tight that even
 * its smallest label is wider than its inscribed circle (Chernivtsi, whose
 * capital lies on that spot) keeps its box outright. A town whose name fits
 * nowhere is left out, dot and all, rather than drawn unnamed. Each shown
 * town's dot and name are the layer's keep-clear boxes, so region labels and
 * place names go around them.
 *
 * <p>The layer is laid out with the base map, before the legend; the legend
 * sits in the frame's lower left corner, over Romania and the Black Sea,
 * where no town of the list lies (TownsAndRiversTest checks that no label overlaps it).
 *
 * <p>On the country map of control polygons with a front the list is {@link #frontTowns} instead
 * ({@link #frontFirst}): the capitals, then the towns near the front, then the largest.
 */
public final class TownLayer {
    /** How many towns beyond the regional capitals, the most populous in Ukraine. */
    static final int LARGEST = 10;
    private static final GeometryFactory GF = new GeometryFactory();

    private TownLayer() {
    }

    /** The towns to show, in placement order: regional capitals, then the {@link #LARGEST} largest others. */
    static List<Place> towns(PlaceCatalogue catalogue) {
        List<Place> capitals = new ArrayList<>();
        List<Place> largest = new ArrayList<>(LARGEST + 1);
        // One pass keeping the largest few by insertion, no lambdas: sorting all 2,249 places with a
        // comparator chain costs ten milliseconds or more (lambda bootstrap, interpreted calls) in a short run.
        for (Place p : catalogue.all()) {
            if (p.isRegionalCapital()) {
                insert(capitals, p, Integer.MAX_VALUE);
            } else if (p.regionIso().startsWith("UA-")) {
                insert(largest, p, LARGEST);
            }
        }
        List<Place> out = new ArrayList<>(capitals);
        out.addAll(largest);
        return out;
    }

    /** On the whole-country map of control polygons, towns near the front are named from this population up. */
    static final int FRONT_TOWN_POPULATION = 20_000;

    /**
     * The towns to show on the whole-country map of control polygons, in placement order: the regional
     * capitals (always, as on every country map); then up to {@link #LARGEST} towns of at least
     * {@value #FRONT_TOWN_POPULATION} inhabitants within {@value #NEAR_FRONT_KM} km of the front ({@code
     * front}, px), by population; then the {@link #LARGEST} largest others of {@link #towns}. A town that the
     * front list already holds is not entered twice.
     */
    static List<Place> frontTowns(PlaceCatalogue catalogue, Function<Place, Coordinate> toPx, Geometry front,
            double nearPx) {
        List<Place> base = towns(catalogue);
        List<Place> out = new ArrayList<>();
        for (Place p : base) {
            if (p.isRegionalCapital()) {
                out.add(p);
            }
        }
        int capitals = out.size();
        IndexedFacetDistance near = new IndexedFacetDistance(front);
        List<Place> atFront = new ArrayList<>(LARGEST + 1);
        for (Place p : catalogue.all()) {
            if (!p.isRegionalCapital() && p.population() >= FRONT_TOWN_POPULATION && p.regionIso().startsWith("UA-")
                    && near.distance(GF.createPoint(toPx.apply(p))) <= nearPx) {
                insert(atFront, p, LARGEST);
            }
        }
        List<Place> more = new ArrayList<>(atFront);
        more.addAll(base.subList(capitals, base.size()));
        for (Place p : more) {
            if (NearestTowns.sameTown(p, out) < 0) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * The town layer of the whole-country map of control polygons, once the front is known: the towns of
     * {@link #frontTowns}, placed as {@link #of} places its list.
     *
     * @param front the front as drawn, px
     */
    static BaseMap.Layer frontFirst(BaseMap base, MapWording words, Geometry front) {
        MapProjection projection = new MapProjection();
        AffineTransformation toPx = base.toPx();
        return layer(base, words, frontTowns(PlaceCatalogue.bundled(),
                p -> toPx.transform(projection.project(p.lon(), p.lat()), new Coordinate()), front,
                NEAR_FRONT_KM * 1000 * base.scale()));
    }

    /** Towns within this distance of the front, km, are named before others on a framed map. */
    public static final double NEAR_FRONT_KM = 15;
    /** On a framed map, towns beyond the regional capitals are named down to this population over the zoom squared. */
    static final double POPULATION_AT_ZOOM_1 = 250_000;
    /** Most towns beyond the regional capitals a framed map tries to name. */
    static final int MOST_ON_FOCUS = 60;

    /**
     * The towns to try on a framed map ({@link BaseMap#focus()}), in placement
     * order: the regional capitals in the frame; then the towns within
     * {@value #NEAR_FRONT_KM} km of the front ({@link BaseMap#front()}), by population; then the others,
     * by population. Beyond the capitals only towns of at least
     * {@value #POPULATION_AT_ZOOM_1} / zoom² inhabitants (a quarter of that near the front), at most
     * {@link #LARGEST} × zoom² of them and never more than {@value #MOST_ON_FOCUS}: more towns as the view
     * narrows, so a map of one oblast (zoom 5 or so) names towns of 10,000.
     */
    static List<Place> focusTowns(BaseMap base, PlaceCatalogue catalogue) {
        MapProjection projection = new MapProjection();
        AffineTransformation toPx = base.toPx();
        return pick(catalogue, p -> toPx.transform(projection.project(p.lon(), p.lat()), new Coordinate()),
                base.frame(), base.zoom(), base.front(), NEAR_FRONT_KM * 1000 * base.scale());
    }

    /**
     * The towns to try on a map framed on part of the country, in placement
     * order, as {@link #focusTowns} orders them.
     *
     * @param toPx    a town's place on the canvas, px
     * @param frame   the map frame, px
     * @param zoom    the whole map's width over the frame's (see {@link BaseMap#zoom()})
     * @param front   what "near" is measured to (the front, the ground that changed hands), px; may be null
     * @param nearPx  how near is near, px
     */
    public static List<Place> pick(PlaceCatalogue catalogue, Function<Place, Coordinate> toPx,
            Envelope frame, double zoom, Geometry front, double nearPx) {
        double minPop = POPULATION_AT_ZOOM_1 / (zoom * zoom);
        int most = (int) Math.min(MOST_ON_FOCUS, Math.round(LARGEST * zoom * zoom));
        IndexedFacetDistance near = front == null || front.isEmpty() ? null : new IndexedFacetDistance(front);
        List<Place> capitals = new ArrayList<>();
        List<Place> atFront = new ArrayList<>();
        List<Place> others = new ArrayList<>();
        for (Place p : catalogue.all()) {
            if (p.population() < minPop / 4 && !p.isRegionalCapital()) {
                continue;
            }
            Coordinate c = toPx.apply(p);
            if (!frame.contains(c)) {
                continue;
            }
            if (p.isRegionalCapital()) {
                insert(capitals, p, Integer.MAX_VALUE);
            } else if (near != null && near.distance(GF.createPoint(c)) <= nearPx) {
                insert(atFront, p, most);
            } else if (p.population() >= minPop) {
                insert(others, p, most);
            }
        }
        List<Place> out = new ArrayList<>(capitals);
        List<Place> more = new ArrayList<>(atFront);
        more.addAll(others);
        for (Place p : more) {
            int same = NearestTowns.sameTown(p, out);
            if (same < 0 && out.size() - capitals.size() < most) {
                out.add(p);
            } else if (same >= capitals.size() && out.get(same).nameUk().isEmpty() && !p.nameUk().isEmpty()) {
                out.set(same, p); // one town entered twice: the entry with a Ukrainian name has its romanisation
            }
        }
        return out;
    }

    /**
     * Towns on a map that has no {@link BaseMap} (the change map): each a dot
     * and its English name at the first free place of four around it (right,
     * left, above, below), in order, blocked in {@code placer}; a town whose
     * name fits nowhere is left out, dot and all.
     *
     * @param size type size, px
     * @return {@code <g id="places">}, a {@code <text>} per town
     */
    public static Group placeEach(List<Place> towns, Function<Place, Coordinate> toPx, LabelPlacer placer,
            double size) {
        double r = size * 0.22;
        double gap = size * 0.25;
        double h = size * 1.15;
        List<Item> items = new ArrayList<>();
        for (Place p : towns) {
            Coordinate c = toPx.apply(p);
            Envelope dot = new Envelope(c.x - r - 1, c.x + r + 1, c.y - r - 1, c.y + r + 1);
            if (!placer.isFree(dot)) {
                continue;
            }
            double w = TextWidths.get().width(p.nameEn(), size, false) + 2;
            double d = r + gap;
            double[][] at = {{c.x + d + w / 2, c.y}, {c.x - d - w / 2, c.y}, {c.x, c.y - d - h / 2},
                {c.x, c.y + d + h / 2}};
            Envelope label = null;
            for (double[] xy : at) {
                Envelope b = LabelPlacer.box(xy[0], xy[1], w, h);
                if (placer.isFree(b) && !b.intersects(dot)) {
                    label = b;
                    break;
                }
            }
            if (label == null) {
                continue;
            }
            placer.block(dot);
            placer.block(label);
            items.add(new Figure(round(dot(c, r)), Style.fillAndLine(Palette.TOWN_DOT, Palette.WHITE, 0.7),
                    "town-dot", Map.of(), null));
            items.addAll(Px.roundTexts(List.of(new Text(label.centre().x, label.centre().y + size * 0.36,
                    p.nameEn(), size, false, Anchor.MIDDLE, Palette.TOWN_NAME, Palette.WHITE, 2.2, "town"))));
        }
        return new Group("towns", Map.of("id", "places"), items);
    }

    /** A 16-sided dot: drawn at a few px nobody tells it from a circle, and it needs no buffer operation. */
    private static Polygon dot(Coordinate c, double r) {
        Coordinate[] ring = new Coordinate[17];
        for (int k = 0; k < 16; k++) {
            double a = k * Math.PI / 8;
            ring[k] = new Coordinate(c.x + r * Math.cos(a), c.y + r * Math.sin(a));
        }
        ring[16] = ring[0].copy();
        return GF.createPolygon(ring);
    }

    /** Inserts {@code p} into the ordered {@code list} at its place ({@link #before}), keeping at most {@code limit}. */
    private static void insert(List<Place> list, Place p, int limit) {
        int at = list.size();
        while (at > 0 && before(p, list.get(at - 1))) {
            at--;
        }
        if (at < limit) {
            list.add(at, p);
            if (list.size() > limit) {
                list.remove(limit);
            }
        }
    }

    /** Placement order: Kyiv first, then by population, larger first, then by GeoNames id. */
    private static boolean before(Place a, Place b) {
        if (a.isCapital() != b.isCapital()) {
            return a.isCapital();
        }
        if (a.population() != b.population()) {
            return a.population() > b.population();
        }
        return a.geonameId() < b.geonameId();
    }

    /**
     * The layer for {@code base}: the towns of {@link #towns}, each clear of the
     * ones placed before.
     *
     * @param words the map's language (town names, credit)
     */
    static BaseMap.Layer of(BaseMap base, MapWording words) {
        return layer(base, words, towns(PlaceCatalogue.bundled()));
    }

    /** The layer of the towns, in order, each clear of the ones placed before, within the frame. */
    private static BaseMap.Layer layer(BaseMap base, MapWording words, List<Place> towns) {
        double u = base.widthPx() / 1600.0;
        Envelope frame = base.frame();
        LabelPlacer placer = new LabelPlacer(new Envelope(frame.getMinX() + 4 * u, frame.getMaxX() - 4 * u,
                frame.getMinY() + 4 * u, frame.getMaxY() - 4 * u));
        List<Envelope> keepClear = new ArrayList<>();
        Group g = place(base, words, towns, placer, keepClear);
        return new BaseMap.Layer(BaseMap.Stacking.OVER_CONTROL, g, keepClear, words.townsCredit());
    }

    /**
     * Places the towns, in order, with {@code placer} (its frame and what it
     * holds already: the legend and inset of a framed map), adding each shown
     * town's dot and name boxes to {@code keepClear}.
     *
     * @return the towns' group, {@code <g id="places">}
     */
    static Group place(BaseMap base, MapWording words, List<Place> towns, LabelPlacer placer,
            List<Envelope> keepClear) {
        double u = base.widthPx() / 1600.0;
        MapProjection projection = new MapProjection();
        AffineTransformation toPx = base.toPx();
        double size = 12.5 * u;
        double h = size * 1.15;
        double gap = 3 * u;
        TextWidths fonts = TextWidths.get();
        // Region labels come first: a town keeps clear of where a region's name (and figure) would sit best,
        // in regions with room for it; in the small ones (Kyiv City, Sevastopol) the label goes outside anyway.
        double nameSize = 17 * u;
        double labelH = nameSize * 1.15 + 15 * u * 1.2 + 6 * u;
        List<Envelope> regionSpots = new ArrayList<>();
        List<PreparedGeometry> tiny = new ArrayList<>();
        for (int i = 0; i < base.regions().size(); i++) {
            RegionLabels.Spot spot = base.spot(i);
            if (spot != null && spot.radius() * 2 < labelH) {
                tiny.add(PreparedGeometryFactory.prepare(base.simple().get(i))); // Kyiv City, Sevastopol: names over them would hide their fill
            } else if (spot != null) {
                String name = words.labelName(base.regions().get(i));
                double w = fonts.width(name, nameSize, true) + 6 * u;
                regionSpots.add(LabelPlacer.box(spot.anchor().x, spot.anchor().y, w, labelH));
                // Set as small as RegionLabels goes (14 px, broken in two) and still wider than the region's
                // inscribed circle: the label needs the region's best spot to itself (Chernivtsi).
                double smallest = 0;
                for (String line : RegionLabels.splitName(name).split("\n")) {
                    smallest = Math.max(smallest, fonts.width(line, 14 * u, true));
                }
                if (smallest > 2 * spot.radius()) {
                    placer.block(LabelPlacer.box(spot.anchor().x, spot.anchor().y, smallest + 6 * u, labelH));
                }
            }
        }
        List<Item> items = new ArrayList<>();
        for (Place p : towns) {
            Coordinate c = toPx.transform(projection.project(p.lon(), p.lat()), new Coordinate());
            double r = (p.isCapital() ? 3.6 : 2.6) * u;
            Envelope dot = new Envelope(c.x - r - u, c.x + r + u, c.y - r - u, c.y + r + u);
            if (!placer.isFree(dot)) {
                continue; // on top of another town's dot or name
            }
            String name = words.townName(p.nameEn(), p.nameUk());
            double w = fonts.width(name, size, p.isCapital()) + 2 * u;
            Envelope label = null;
            double d = r + gap;
            double[][] at = {{c.x + d + w / 2, c.y}, {c.x - d - w / 2, c.y}, {c.x, c.y - d - h / 2},
                {c.x, c.y + d + h / 2}, {c.x + d * 0.7 + w / 2, c.y - d * 0.7 - h / 2},
                {c.x - d * 0.7 - w / 2, c.y - d * 0.7 - h / 2}, {c.x + d * 0.7 + w / 2, c.y + d * 0.7 + h / 2},
                {c.x - d * 0.7 - w / 2, c.y + d * 0.7 + h / 2}};
            // The free place that covers least of the region labels' spots (first in order on ties): the region
            // label then moves over as little as possible.
            double least = Double.POSITIVE_INFINITY;
            for (double[] xy : at) {
                Envelope b = LabelPlacer.box(xy[0], xy[1], w, h);
                if (placer.isFree(b) && !b.intersects(dot)) {
                    double covered = covered(b, regionSpots) + inRegions(b, tiny);
                    if (covered < least - 1e-9) {
                        least = covered;
                        label = b;
                    }
                }
            }
            if (label == null) {
                continue;
            }
            placer.block(dot);
            placer.block(label);
            keepClear.add(dot);
            keepClear.add(label);
            items.add(new Figure(round(dot(c, r)),
                    Style.fillAndLine(Palette.TOWN_DOT, Palette.WHITE, 0.9 * u), "town-dot", Map.of(), null));
            items.addAll(Px.roundTexts(List.of(new Text(label.centre().x, label.centre().y + size * 0.36, name, size,
                    p.isCapital(), Anchor.MIDDLE, Palette.TOWN_NAME, Palette.WHITE, 2.6 * u, "town"))));
        }
        return new Group("towns", Map.of("id", "places"), items);
    }

    /**
     * The box's whole area, px², for each region it touches: a yes-or-no test, as a prepared geometry
     * answers it in microseconds where the area of an intersection costs an overlay each time.
     */
    private static double inRegions(Envelope b, Collection<PreparedGeometry> regions) {
        double sum = 0;
        Geometry box = GF.toGeometry(b);
        for (PreparedGeometry g : regions) {
            if (g.intersects(box)) {
                sum += b.getArea();
            }
        }
        return sum;
    }

    /** Area, px², of {@code b} that lies in the boxes (overlaps between the boxes counted twice). */
    private static double covered(Envelope b, List<Envelope> boxes) {
        double sum = 0;
        for (Envelope e : boxes) {
            sum += b.intersection(e).getArea();
        }
        return sum;
    }
}
