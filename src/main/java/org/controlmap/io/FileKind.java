package org.controlmap.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A kind of output file known by its name's extension (tables, maps, charts,
 * GIS files): the one rule every command uses to pick a format from {@code -o}.
 */
public interface FileKind {
    /** Extensions this kind is written as, lower case, without the dot; the first is the usual one. */
    List<String> extensions();

    /** The kind among {@code kinds} whose extension ends the file's name (any case); null when none does. */
    static <K extends FileKind> K of(Path file, K[] kinds) {
        for (K k : kinds) {
            if (hasExtension(file, k.extensions())) {
                return k;
            }
        }
        return null;
    }

    /**
     * Whether the file's name ends in a dot and one of {@code extensions} (lower case, without the dot; the
     * name in any case): for outputs of one format only ({@code web}'s page, {@code --export-geojson}).
     */
    static boolean hasExtension(Path file, List<String> extensions) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String e : extensions) {
            if (name.endsWith("." + e)) {
                return true;
            }
        }
        return false;
    }

    /** The usual extensions of {@code kinds} for a message: ".csv, .md, .json or .html". */
    static String choices(FileKind[] kinds) {
        List<String> es = new ArrayList<>();
        for (FileKind k : kinds) {
            es.add("." + k.extensions().get(0));
        }
        return es.size() == 1 ? es.get(0)
                : String.join(", ", es.subList(0, es.size() - 1)) + " or " + es.get(es.size() - 1);
    }
}
