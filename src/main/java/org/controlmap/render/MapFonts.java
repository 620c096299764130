package org.controlmap.render;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * DejaVu Sans Book and Bold (Bitstream Vera licence, see
 * {@code fonts/LICENSE-DejaVu.txt}), loaded from the jar so labels are
 * measured and drawn with the same glyphs on every machine. SVG names the
 * family and falls back to sans-serif in the viewer; PNG and PDF use these
 * files, the PDF embeds them.
 */
public final class MapFonts {
    /** Family name written into SVG. */
    public static final String FAMILY = "DejaVu Sans";
    static final String REGULAR_TTF = "fonts/DejaVuSans.ttf";
    static final String BOLD_TTF = "fonts/DejaVuSans-Bold.ttf";

    // Fractional metrics, antialiased: the widths the PNG and PDF renderers use too.
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private static volatile MapFonts instance;

    private final Font regular;
    private final Font bold;

    private MapFonts(Font regular, Font bold) {
        this.regular = regular;
        this.bold = bold;
    }

    /** The bundled fonts, loaded on first use. */
    public static MapFonts get() {
        MapFonts f = instance;
        if (f == null) {
            synchronized (MapFonts.class) {
                if (instance == null) {
                    instance = new MapFonts(load(REGULAR_TTF), load(BOLD_TTF));
                }
                f = instance;
            }
        }
        return f;
    }

    private static Font load(String name) {
        try (InputStream in = open(name)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("bundled font " + name + " is broken", e);
        }
    }

    /** The TTF bytes of a bundled font, for embedding in PDF. */
    static InputStream open(String name) {
        InputStream in = MapFonts.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing bundled font " + name);
        }
        return in;
    }

    /** The font at a pixel size. */
    public Font font(double sizePx, boolean bold) {
        return (bold ? this.bold : regular).deriveFont((float) sizePx);
    }

    /**
     * Advance width of a line of text, px, as Java2D measures it. Map layout
     * uses {@link TextWidths}, the same numbers without AWT.
     */
    public double width(String text, double sizePx, boolean bold) {
        return font(sizePx, bold).getStringBounds(text, FRC).getWidth();
    }
}
