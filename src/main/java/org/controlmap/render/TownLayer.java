package org.controlmap.render;

import static org.controlmap.render.Px.round;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * Towns on the country map, as a layer over the controlled territory: every
 * regional capital of the bundled gazetteer ({@link Place#isRegionalCapital()}:
 * Kyiv, the oblast centres, Simferopol and Sevastopol, and the centres of the
 * three Russian oblasts on the map), then the {@link #LARGEST} most populous
 * other towns in Ukraine (Kryvyi Rih, Mariupol...), each a small dot and its
 * name in the map's language.
 *
 * <p>Placement: capitals first, Kyiv leading, then by population; each name
 * goes at the first of eight places around its dot (right, left, above,
 * below, then the diagonals) where it lies inside the frame and clear of
 * every dot and name placed before ({@link LabelPlacer}); a town whose name
 * fits nowhere is left out, dot and all, rather than drawn unnamed. Each
 * shown town's dot and name are the layer's keep-clear boxes, so region
 * labels and place names go around them.
 *
 * <p>The layer is laid out with the base map, before the legend; the legend
 * sits in the frame's lower left corner, over Romania and the Black Sea,
 * where no town of the list lies (MapRenderTest checks that no label overlaps it).
 */
final class TownLayer {
    /** How many towns beyond the regional capitals, the most populous in Ukraine. */
    static final int LARGEST = 10;
    private static final GeometryFactory GF = new GeometryFactory();

    private TownLayer() {
    }

    /** The towns to show, in placement order: regional capitals, then the {@link #LARGEST} largest others. */
    static List<Place> towns(PlaceCatalogue catalogue) {
        List<Place> capitals = new ArrayList<>();
        List<Place> others = new ArrayList<>();
        for (Place p : catalogue.all()) {
            if (p.isRegionalCapital()) {
                capitals.add(p);
            } else if (p.regionIso().startsWith("UA-")) {
                others.add(p);
            }
        }
        Comparator<Place> order = Comparator.comparing((Place p) -> !p.isCapital())
                .thenComparing(Comparator.comparingLong(Place::population).reversed())
                .thenComparingLong(Place::geonameId);
        capitals.sort(order);
        others.sort(order);
        List<Place> out = new ArrayList<>(capitals);
        out.addAll(others.subList(0, Math.min(LARGEST, others.size())));
        return out;
    }

    /**
     * The layer for {@code base}.
     *
     * @param words the map's language (town names, credit)
     */
    static BaseMap.Layer of(BaseMap base, MapWording words) {
        double u = base.widthPx() / 1600.0;
        Envelope frame = base.frame();
        LabelPlacer placer = new LabelPlacer(new Envelope(frame.getMinX() + 4 * u, frame.getMaxX() - 4 * u,
                frame.getMinY() + 4 * u, frame.getMaxY() - 4 * u));
        MapProjection projection = new MapProjection();
        AffineTransformation toPx = base.toPx();
        double size = 12.5 * u;
        double h = size * 1.15;
        double gap = 3 * u;
        TextWidths fonts = TextWidths.get();
        List<Item> items = new ArrayList<>();
        List<Envelope> keepClear = new ArrayList<>();
        for (Place p : towns(PlaceCatalogue.bundled())) {
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
            keepClear.add(dot);
            keepClear.add(label);
            items.add(new Figure(round(GF.createPoint(c).buffer(r, 4)),
                    Style.fillAndLine(Palette.TOWN_DOT, Palette.WHITE, 0.9 * u), "town-dot", Map.of(), null));
            items.addAll(Px.roundTexts(List.of(new Text(label.centre().x, label.centre().y + size * 0.36, name, size,
                    p.isCapital(), Anchor.MIDDLE, Palette.TOWN_NAME, Palette.WHITE, 2.6 * u, "town"))));
        }
        return new BaseMap.Layer(BaseMap.Stacking.OVER_CONTROL, new Group("towns", Map.of("id", "places"), items),
                keepClear, words.townsCredit());
    }
}
