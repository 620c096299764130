package org.controlmap.render;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Locale;
import org.controlmap.geodata.InputException;

/** An output format, chosen by the file name's extension. */
public enum MapFormat {
    SVG, PNG, PDF;

    /** The format of an output path; an {@link InputException} for any other extension. */
    public static MapFormat of(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return switch (ext) {
            case "svg" -> SVG;
            case "png" -> PNG;
            case "pdf" -> PDF;
            default -> throw new InputException(file + ": unknown map format "
                    + (ext.isEmpty() ? "(no extension)" : "'." + ext + "'") + "; use .svg, .png or .pdf");
        };
    }

    /** Writes the scene; {@code dpi} is the PNG's stated resolution and the PDF's page scale. */
    public void write(MapScene scene, int dpi, OutputStream out) throws IOException {
        switch (this) {
            case SVG -> SvgMap.write(scene, out);
            case PNG -> PngMap.write(scene, dpi, out);
            case PDF -> PdfMap.write(scene, dpi, out);
        }
    }
}
