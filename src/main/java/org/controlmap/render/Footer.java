package org.controlmap.render;

import java.util.ArrayList;
import java.util.List;
import org.controlmap.render.MapScene.Anchor;
import org.controlmap.render.MapScene.Text;

/**
 * The lines under a map: paragraphs (the basis, the notes, the source, the graphic's credit) each broken at
 * spaces to fit the room ({@link TextFit#wrap}), stacked at a fixed spacing. Shared by the control map
 * ({@link MapLayout}) and the change map ({@code chart.ChangeMap}), so {@code --note} and {@code --credit}
 * read and wrap alike on both.
 */
public final class Footer {
    private final double size;
    private final double room;
    private final List<Text> lines = new ArrayList<>();

    /**
     * @param size type size, px
     * @param room the width a line may take, px
     */
    public Footer(double size, double room) {
        this.size = size;
        this.room = room;
    }

    /** A paragraph, broken into lines of at most the room. */
    public Footer add(String text, String cssClass) {
        return add(TextFit.wrap(text, size, false, room), cssClass);
    }

    /**
     * A paragraph kept on one line set smaller, down to {@code minSize} px, when that makes it fit; broken
     * into lines when even that would not (a long source name).
     */
    public Footer addShrinking(String text, double minSize, String cssClass) {
        double w = TextWidths.get().width(text, size, false);
        if (w * minSize / size > room) {
            return add(text, cssClass);
        }
        return add(new TextFit.Lines(List.of(text), w > room ? size * room / w : size), cssClass);
    }

    private Footer add(TextFit.Lines l, String cssClass) {
        for (String s : l.lines()) {
            lines.add(new Text(0, 0, s, l.size(), false, Anchor.START, Palette.TEXT_MUTED, -1, 0, cssClass));
        }
        return this;
    }

    /** How many lines so far. */
    public int size() {
        return lines.size();
    }

    /**
     * The lines, line i at x and {@code y0 + (first + spacing × i) × unit} (unrounded: the caller rounds with
     * the rest of its text), in {@code colour}.
     */
    public List<Text> texts(double x, double y0, double first, double spacing, double unit, int colour) {
        List<Text> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Text t = lines.get(i);
            out.add(new Text(x, y0 + (first + spacing * i) * unit, t.text(), t.size(), false, Anchor.START, colour,
                    -1, 0, t.cssClass()));
        }
        return out;
    }
}
