package org.controlmap.render;

import static org.controlmap.render.Px.round;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.controlmap.geodata.Lake;
import org.controlmap.geodata.Polygons;
import org.controlmap.geodata.River;
import org.controlmap.geodata.Rivers;
import org.controlmap.render.MapScene.Figure;
import org.controlmap.render.MapScene.Group;
import org.controlmap.render.MapScene.Item;
import org.controlmap.render.MapScene.Style;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * The bundled rivers and reservoirs ({@link Rivers#bundled()}) as a layer
 * under the controlled territory: each river a thin blue line, each reservoir
 * a water-coloured polygon, projected like the base map, simplified at its
 * tolerance ({@link BaseMap#TOLERANCE_PX}) and clipped to the map frame. In
 * SVG the layer is {@code <g id="rivers">}, each river and reservoir a path
 * with its name as {@code <title>}.
 */
final class RiverLayer {
    private static final GeometryFactory GF = new GeometryFactory();

    private RiverLayer() {
    }

    /**
     * The layer for {@code base}, names in the map's language.
     *
     * @param words the map's language (river names, credit)
     */
    static BaseMap.Layer of(BaseMap base, MapWording words) {
        double u = base.widthPx() / 1600.0;
        MapProjection projection = new MapProjection();
        AffineTransformation toPx = base.toPx();
        Geometry frame = GF.toGeometry(base.frame());
        Rivers water = Rivers.bundled();
        List<Item> items = new ArrayList<>();
        for (Lake lake : water.lakes()) {
            Geometry g = toPx(lake.area(), projection, toPx);
            g = Polygons.polygonal((g.isValid() ? g : GeometryFixer.fix(g)).intersection(frame));
            if (!g.isEmpty()) {
                items.add(new Figure(round(g), Style.fillAndLine(Palette.WATER, Palette.RIVER, 0.6 * u), "lake",
                        attrs(lake.nameEn()), words.waterName(lake.nameEn(), lake.nameUk())));
            }
        }
        for (River river : water.rivers()) {
            Geometry g = toPx(river.lines(), projection, toPx).intersection(frame);
            if (!g.isEmpty()) {
                items.add(new Figure(round(g), Style.line(Palette.RIVER, 1.3 * u), "river", attrs(river.nameEn()),
                        words.waterName(river.nameEn(), river.nameUk())));
            }
        }
        return new BaseMap.Layer(BaseMap.Stacking.UNDER_CONTROL, new Group("rivers", Map.of("id", "rivers"), items),
                List.of(), null); // Natural Earth is credited for the boundaries already

    }

    private static Geometry toPx(Geometry lonLat, MapProjection projection, AffineTransformation toPx) {
        return DouglasPeuckerSimplifier.simplify(toPx.transform(projection.project(lonLat)), BaseMap.TOLERANCE_PX);
    }

    private static Map<String, String> attrs(String nameEn) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("data-name", nameEn);
        return a;
    }
}
