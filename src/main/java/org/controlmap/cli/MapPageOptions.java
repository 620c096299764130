package org.controlmap.cli;

import java.util.ArrayList;
import java.util.List;
import org.controlmap.InputException;
import picocli.CommandLine.Option;

/**
 * The options of a map's size and words, declared once for every command that draws a map: {@code render},
 * {@code report}, {@code diff}'s change map and {@code animate}'s frames, so their names, help and checks
 * cannot drift apart. Where a command's default differs (the change map is laid out 1,000 px wide, at 144
 * dpi), the help says so.
 */
final class MapPageOptions {

    @Option(names = "--width", paramLabel = "PX",
            description = "Width in pixels, 1–20000 (text scales with it). Default: 1600 (diff's change map, "
                    + "animate's GIF and video: 1000).")
    Integer width; // null when not given: the command's default

    @Option(names = "--dpi", paramLabel = "N",
            description = "Resolution written into the PNG and the PDF's page size (width/dpi inches), and the "
                    + "pixels of --size. Default: 200 (diff's change map: 144).")
    Integer dpi;

    @Option(names = "--size", paramLabel = "LENGTH",
            description = "Width for print, instead of --width: 180mm, 18cm, 7in (pixels = length × --dpi) or "
                    + "1200px. E.g. --size 180mm --dpi 300 gives a 2126 px PNG, a 180 mm wide PDF.")
    String size;

    @Option(names = "--title", paramLabel = "TEXT",
            description = "Title instead of the default one (report: of the map and the page); a long one is set "
                    + "in two lines.")
    String title;

    @Option(names = "--credit", paramLabel = "TEXT",
            description = "Credit line for the footer, e.g. \"Graphic: Jane Doe / The Daily\".")
    String credit;

    @Option(names = "--note", paramLabel = "TEXT",
            description = "Note for the footer, above the source; repeat for several.")
    String[] notes = {}; // an array, not a List: picocli then needs no generic-type reflection at start-up

    /** The first of these options given, as the user wrote it ("--note"), or null when none is. */
    String given() {
        return width != null ? "--width" : dpi != null ? "--dpi" : size != null ? "--size" : title != null
                ? "--title" : credit != null ? "--credit" : notes.length > 0 ? "--note" : null;
    }

    /** {@code --dpi}, checked ({@link MapChecks#dpi}), else {@code defaultDpi}. */
    int dpi(int defaultDpi) {
        return MapChecks.dpi(dpi != null ? dpi : defaultDpi);
    }

    /**
     * The canvas width: {@code --size} at {@code dpi} ({@link PrintSize#pixels}), else {@code --width}, else
     * {@code defaultWidth}; both given, or a width out of range, is a one-line {@link InputException}.
     */
    int width(int defaultWidth, int dpi) {
        if (size != null) {
            if (width != null) {
                throw new InputException("--size and --width: give the width once");
            }
            return PrintSize.pixels(size, dpi);
        }
        return MapChecks.width(width != null ? width : defaultWidth);
    }

    /** {@code --title}, or null for the default one. */
    String title() {
        return title;
    }

    /** {@code --credit} checked as {@link #text} checks it, or null. */
    String credit() {
        return text("--credit", credit);
    }

    /** The {@code --note}s in order, each checked as {@link #text} checks it. */
    List<String> notes() {
        List<String> out = new ArrayList<>();
        for (String n : notes) {
            out.add(text("--note", n));
        }
        return out;
    }

    /** Footer text: not blank, one line (a line break would be drawn as nothing), at most 1,000 characters. */
    static String text(String option, String value) {
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            throw new InputException(option + ": empty text");
        }
        if (value.length() > 1000) {
            throw new InputException(option + ": " + value.length() + " characters; at most 1000");
        }
        return value.replaceAll("\\s+", " ").strip();
    }
}
