package org.controlmap.render.build;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.controlmap.render.TextWidths;

/**
 * Build step (Maven, process-classes): reads the bundled TrueType fonts with
 * PDFBox's fontbox and writes each one's advance widths as a
 * {@link TextWidths} table ({@code NAME.adv}) next to it in the output
 * directory, so laying out a map measures text without starting the AWT font
 * stack (about 0.1 s of CPU in a fresh JVM, and on a server without
 * fontconfig a failure an SVG never needed to risk).
 *
 * <p>Usage: {@code CompileTextWidths OUTPUT_DIR FONT.ttf...}
 */
public final class CompileTextWidths {
    private CompileTextWidths() {
    }

    public static void main(String[] args) throws IOException {
        Path outDir = Path.of(args[0]);
        Files.createDirectories(outDir);
        for (int i = 1; i < args.length; i++) {
            Path ttf = Path.of(args[i]);
            String name = ttf.getFileName().toString().replaceFirst("\\.ttf$", ".adv");
            try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(Files.readAllBytes(ttf)));
                    OutputStream out = Files.newOutputStream(outDir.resolve(name))) {
                write(font, out);
            }
        }
    }

    /** The table of one font: every Basic Multilingual Plane character its cmap maps, in code order. */
    static void write(TrueTypeFont font, OutputStream out) throws IOException {
        CmapLookup cmap = font.getUnicodeCmapLookup();
        Map<Integer, Integer> advances = new TreeMap<>();
        for (int c = 0; c <= 0xFFFF; c++) {
            if (c >= 0xD800 && c <= 0xDFFF) {
                continue; // surrogates: not characters
            }
            int glyph = cmap.getGlyphId(c);
            if (glyph > 0) {
                advances.put(c, font.getAdvanceWidth(glyph));
            }
        }
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(TextWidths.MAGIC);
        data.writeShort(font.getUnitsPerEm());
        data.writeShort(font.getAdvanceWidth(0));
        data.writeInt(advances.size());
        for (Map.Entry<Integer, Integer> e : advances.entrySet()) {
            data.writeChar(e.getKey());
            data.writeShort(e.getValue());
        }
        data.flush();
    }
}
