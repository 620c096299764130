package org.controlmap.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Text set to fit a width, measured with {@link TextWidths}: lines broken at
 * spaces, and type set smaller only where a line still cannot fit (one word
 * wider than the room), so nothing runs off the canvas.
 */
public final class TextFit {
    /**
     * Lines and the type size that fits them.
     *
     * @param lines the lines, in order
     * @param size  type size, px: the size asked for, or smaller where a line would not fit
     */
    public record Lines(List<String> lines, double size) {
        public Lines {
            lines = List.copyOf(lines);
        }
    }

    private TextFit() {
    }

    /**
     * A title in at most {@code maxLines} lines (1 or 2): one line when it
     * fits; else two lines broken at the space that makes the longer of them
     * shortest; then, when the longer still does not fit, the size that makes it fit.
     */
    public static Lines title(String text, double size, boolean bold, double room, int maxLines) {
        TextWidths w = TextWidths.get();
        double whole = w.width(text, drawn(size), bold);
        if (whole <= room || maxLines < 2 || text.indexOf(' ') < 0) {
            return new Lines(List.of(text), whole <= room ? size : smaller(size, room / whole));
        }
        String first = text;
        String second = "";
        double best = Double.POSITIVE_INFINITY;
        for (int i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) {
            String a = text.substring(0, i).strip();
            String b = text.substring(i + 1).strip();
            double longer = Math.max(w.width(a, drawn(size), bold), w.width(b, drawn(size), bold));
            if (longer < best) {
                best = longer;
                first = a;
                second = b;
            }
        }
        return new Lines(List.of(first, second), best <= room ? size : smaller(size, room / best));
    }

    /**
     * A paragraph broken at spaces into lines of at most {@code room} px at
     * {@code size}, each as full as it can be; a word wider than the room on its
     * own line, the whole paragraph then set smaller to fit it.
     */
    public static Lines wrap(String text, double size, boolean bold, double room) {
        TextWidths w = TextWidths.get();
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        double widest = 0;
        for (String word : text.strip().split(" +")) {
            String longer = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && w.width(longer, drawn(size), bold) > room) {
                lines.add(line.toString());
                widest = Math.max(widest, w.width(line.toString(), drawn(size), bold));
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(longer);
            }
        }
        lines.add(line.toString());
        widest = Math.max(widest, w.width(line.toString(), drawn(size), bold));
        return new Lines(lines, widest <= room ? size : smaller(size, room / widest));
    }

    /** The size as drawn at most: scenes round type sizes to 0.1 px ({@link Px}), so measure at the next tenth up. */
    private static double drawn(double size) {
        return Math.ceil(size * 10 - 1e-9) / 10;
    }

    /** The size scaled by {@code factor} (under 1), down to a tenth of a px so that rounding cannot make it wider. */
    private static double smaller(double size, double factor) {
        return Math.floor(size * factor * 10) / 10;
    }
}
