package org.controlmap.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.controlmap.render.MapScene.Anchor;
import org.controlmap.render.MapScene.Group;
import org.controlmap.render.MapScene.Item;
import org.controlmap.render.MapScene.Text;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Names of the neighbouring countries and the seas on a control map, each at
 * the first of a few places (lon/lat) where it fits over neither a region nor
 * a label; a name with no free place is left out.
 */
final class PlaceNames {
    private static final GeometryFactory GF = new GeometryFactory();

    /**
     * A name to place.
     *
     * @param key    the name's key in {@link MapWording#place}
     * @param sea    a sea (regular blue type) rather than a country (bold grey)
     * @param lonLat candidate places, best first, as lon, lat pairs (degrees)
     */
    private record Place(String key, boolean sea, double... lonLat) {
    }

    private static final List<Place> PLACES = List.of(
            new Place("BY", false, 27.8, 52.5, 26.0, 52.4, 29.5, 52.8, 28.5, 53.3),
            new Place("PL", false, 23.0, 51.3, 22.9, 50.5, 23.2, 52.2),
            new Place("RU", false, 40.6, 48.3, 40.0, 52.9, 39.5, 47.3, 41.0, 50.6),
            new Place("MD", false, 28.4, 47.3, 28.3, 47.8, 28.7, 46.7),
            new Place("RO", false, 25.0, 47.3, 26.2, 46.6, 24.4, 47.6),
            new Place("BLACK", true, 31.6, 44.9, 31.0, 45.2, 30.8, 44.6),
            new Place("AZOV", true, 36.6, 46.15, 36.4, 46.3));

    private PlaceNames() {
    }

    /**
     * The names that fit, blocking each in {@code placer}.
     *
     * @param projection the map's projection (not thread-safe: the caller's own)
     * @param u          px per px of a 1,600 px wide map
     */
    static Group place(BaseMap base, MapProjection projection, MapWording words, LabelPlacer placer, double u) {
        PreparedGeometry land = PreparedGeometryFactory.prepare(GF.buildGeometry(base.simple()));
        AffineTransformation toPx = base.toPx();
        double size = 15 * u;
        List<Item> items = new ArrayList<>();
        for (Place place : PLACES) {
            String text = words.place(place.key());
            double w = TextWidths.get().width(text, size, !place.sea()) + 4 * u;
            double h = size * 1.2;
            double[] ll = place.lonLat();
            for (int k = 0; k + 1 < ll.length; k += 2) {
                Coordinate c = toPx.transform(projection.project(ll[k], ll[k + 1]), new Coordinate());
                Envelope b = LabelPlacer.box(c.x, c.y, w, h);
                if (placer.isFree(b) && !land.intersects(GF.toGeometry(b))) {
                    placer.block(b);
                    items.add(new Text(Px.r1(c.x), Px.r1(c.y + size * 0.35), text, size, !place.sea(),
                            Anchor.MIDDLE, place.sea() ? Palette.SEA_NAME : Palette.COUNTRY_NAME, -1, 0,
                            place.sea() ? "sea-name" : "country-name"));
                    break;
                }
            }
        }
        return new Group("places", Map.of(), items);
    }
}
