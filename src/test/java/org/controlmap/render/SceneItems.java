package org.controlmap.render;

import java.util.ArrayList;
import java.util.List;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.controlmap.render.MapScene.Figure;
import org.controlmap.render.MapScene.Group;
import org.controlmap.render.MapScene.Item;
import org.controlmap.render.MapScene.Text;

/** Finding things in a {@link MapScene} by CSS class, for tests. */
public final class SceneItems {
    private SceneItems() {
    }

    /** Every group of that class, at any depth, in drawing order. */
    public static List<Group> groups(List<Item> items, String cls) {
        List<Group> out = new ArrayList<>();
        for (Item it : items) {
            if (it instanceof Group g) {
                if (cls.equals(g.cssClass())) {
                    out.add(g);
                }
                out.addAll(groups(g.items(), cls));
            }
        }
        return out;
    }

    /** Every figure of that class, at any depth, in drawing order. */
    public static List<Figure> figures(List<Item> items, String cls) {
        List<Figure> out = new ArrayList<>();
        for (Item it : items) {
            if (it instanceof Figure f && cls.equals(f.cssClass())) {
                out.add(f);
            } else if (it instanceof Group g) {
                out.addAll(figures(g.items(), cls));
            }
        }
        return out;
    }

    /**
     * What a scale bar group (data-scale-km, data-scale-px, data-scale-lat)
     * should measure: the canvas length, px, of a true east-west geodesic of
     * data-scale-km at data-scale-lat starting at longitude lon; and what it does.
     *
     * @return {true length on the canvas, the bar's stated length}
     */
    public static double[] scaleBar(MapScene scene, Group bar, double lon) {
        double km = Double.parseDouble(bar.attributes().get("data-scale-km"));
        double px = Double.parseDouble(bar.attributes().get("data-scale-px"));
        double lat = Double.parseDouble(bar.attributes().get("data-scale-lat"));
        GeodesicData east = Geodesic.WGS84.Direct(lat, lon, 90, km * 1000);
        double[] a = scene.georef().pixel(new MapProjection(), lon, lat);
        double[] b = scene.georef().pixel(new MapProjection(), east.lon2, east.lat2);
        return new double[] {Math.hypot(b[0] - a[0], b[1] - a[1]), px};
    }

    /** The texts directly in a group. */
    public static List<Text> texts(Group g) {
        List<Text> out = new ArrayList<>();
        for (Item it : g.items()) {
            if (it instanceof Text t) {
                out.add(t);
            }
        }
        return out;
    }
}
