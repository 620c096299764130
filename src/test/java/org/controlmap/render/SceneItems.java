package org.controlmap.render;

import java.util.ArrayList;
import java.util.List;
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
