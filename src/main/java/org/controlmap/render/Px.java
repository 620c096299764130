package org.controlmap.render;

import java.util.ArrayList;
import java.util.List;
import org.controlmap.geodata.PointMapping;
import org.controlmap.render.MapScene.Item;
import org.controlmap.render.MapScene.Text;
import org.locationtech.jts.geom.Geometry;

/**
 * Rounding to a tenth of a pixel, the precision every back end draws and the
 * {@link MapScene}'s contract: rounded once when laid out, a scene's SVG,
 * PNG and PDF show the same coordinates, and the SVG holds no noise digits.
 */
public final class Px {
    private Px() {
    }

    /** {@code v} rounded to 0.1 (px). */
    public static double r1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** A copy with every coordinate rounded to 0.1 px. */
    public static Geometry round(Geometry g) {
        PointMapping m = (x, y, o) -> {
            o[0] = r1(x);
            o[1] = r1(y);
        };
        return m.copyOf(g);
    }

    /** The items with each {@link Text}'s position, size and halo width rounded to 0.1 px; others as they are. */
    public static List<Item> roundTexts(List<Item> texts) {
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
}
