package org.controlmap.render;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Advance widths of the bundled DejaVu Sans Book and Bold, for measuring
 * labels: the sum of each character's advance (the font's {@code hmtx}
 * width through its {@code cmap}; characters it lacks take the missing
 * glyph's), times the size over the font's units per em. That is exactly
 * what Java2D measures with fractional metrics and no kerning, the way PNG
 * and PDF draw the text ({@code TextWidthsTest} compares the two), but
 * needs no AWT: an SVG-only run never starts the font stack.
 *
 * <p>The tables are compiled from the TTFs at build time
 * ({@code render.build.CompileTextWidths}, with PDFBox's fontbox): parsing a
 * TrueType file at start-up costs as much as the AWT stack this avoids.
 * Characters outside the Basic Multilingual Plane count as missing.
 */
public final class TextWidths {
    /** First four bytes of a table ("CMTW"). */
    public static final int MAGIC = 0x434D5457;
    static final String REGULAR = "fonts/DejaVuSans.adv";
    static final String BOLD = "fonts/DejaVuSans-Bold.adv";

    // Marks a character the font lacks (advances are below it; zero is a real one, e.g. combining accents).
    private static final char NONE = 0xFFFF;

    private static volatile TextWidths instance;

    private final Table regular;
    private final Table bold;

    private TextWidths(Table regular, Table bold) {
        this.regular = regular;
        this.bold = bold;
    }

    /** The bundled fonts' widths, loaded on first use (thread-safe). */
    public static TextWidths get() {
        TextWidths w = instance;
        if (w == null) {
            synchronized (TextWidths.class) {
                if (instance == null) {
                    instance = new TextWidths(Table.load(REGULAR), Table.load(BOLD));
                }
                w = instance;
            }
        }
        return w;
    }

    /** Advance width of a line of text at a size, px (same units as the size). */
    public double width(String text, double sizePx, boolean bold) {
        Table t = bold ? this.bold : regular;
        long units = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            units += cp <= 0xFFFF && t.advance[cp] != NONE ? t.advance[cp] : t.missing;
        }
        return units * sizePx / t.unitsPerEm;
    }

    /** One font's table: advance per BMP character ({@link #NONE}: not in the font). */
    private record Table(int unitsPerEm, int missing, char[] advance) {
        static Table load(String name) {
            try (InputStream raw = TextWidths.class.getResourceAsStream(name)) {
                if (raw == null) {
                    throw new IllegalStateException("missing text width table " + name + " (built from the fonts)");
                }
                DataInputStream in = new DataInputStream(new BufferedInputStream(raw));
                if (in.readInt() != MAGIC) {
                    throw new IllegalStateException(name + ": not a text width table");
                }
                int upem = in.readUnsignedShort();
                int missing = in.readUnsignedShort();
                int n = in.readInt();
                char[] advance = new char[0x10000];
                Arrays.fill(advance, NONE);
                for (int i = 0; i < n; i++) {
                    char c = in.readChar();
                    advance[c] = (char) in.readUnsignedShort();
                }
                return new Table(upem, missing, advance);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
