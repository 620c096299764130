package org.controlmap.render;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.controlmap.io.FileKind;
import org.controlmap.InputException;

/** An output format, chosen by the file name's extension. */
public enum MapFormat implements FileKind {
    SVG, PNG, PDF;

    @Override
    public List<String> extensions() {
        return List.of(name().toLowerCase(Locale.ROOT));
    }

    /** The format of an output path; an {@link InputException} for any other extension. */
    public static MapFormat of(Path file) {
        return of(file, values());
    }

    /** The format of an output path among {@code accepted}; an {@link InputException} for any other. */
    public static MapFormat of(Path file, MapFormat... accepted) {
        MapFormat f = FileKind.of(file, accepted);
        if (f == null) {
            String name = file.getFileName() == null ? "" : file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            throw new InputException(file + ": unknown " + (accepted.length == values().length ? "map" : "chart")
                    + " format " + (dot < 0 ? "(no extension)" : "'" + name.substring(dot).toLowerCase(Locale.ROOT)
                    + "'") + "; use " + FileKind.choices(accepted));
        }
        return f;
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
