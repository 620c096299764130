package org.controlmap.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.controlmap.InputException;
import org.controlmap.render.MapOptions;

/** {@code render --size}: a width for print (mm, cm, in) or the screen (px), as canvas pixels. */
final class PrintSize {
    private static final Pattern LENGTH = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(mm|cm|in|px)");

    private PrintSize() {
    }

    /**
     * The canvas width for a length: {@code px} as it is (whole pixels), else
     * the length in inches times {@code dpi}, rounded to the nearest pixel (180 mm at 300 dpi: 2126 px;
     * the PNG says 300 dpi and the PDF page is width/dpi inches, so both print 180 mm wide, to within a pixel).
     */
    static int pixels(String size, int dpi) {
        Matcher m = LENGTH.matcher(size.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new InputException("--size " + size + ": give a width with its unit, e.g. 180mm, 18cm, 7in or 1200px");
        }
        double v = Double.parseDouble(m.group(1));
        double inches = switch (m.group(2)) {
            case "mm" -> v / 25.4;
            case "cm" -> v / 2.54;
            case "in" -> v;
            default -> Double.NaN;
        };
        if (m.group(2).equals("px") && v != Math.rint(v)) {
            throw new InputException("--size " + size + ": pixels are whole numbers");
        }
        double px = Double.isNaN(inches) ? v : inches * dpi;
        if (px < 1 || px > MapOptions.MAX_WIDTH) {
            throw new InputException("--size " + size + (Double.isNaN(inches) ? "" : " at " + dpi + " dpi") + ": "
                    + Math.round(px) + " px wide; must be between 1 and " + MapOptions.MAX_WIDTH + " px");
        }
        return (int) Math.round(px);
    }
}
