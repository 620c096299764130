package org.controlmap.control.measure;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.controlmap.geodata.InputException;

/**
 * The snapshot files a user named: files as they are, directories as their
 * control files ({@code .geojson}, {@code .json}, and those with {@code .gz}
 * added; {@code .kml}, {@code .kmz}, {@code .gpkg}, {@code .fgb}; not recursive), and glob patterns ({@code data/*.geojson},
 * {@code data/**}{@code /2024*.geojson.gz}) for shells that do not expand
 * them or for quoted patterns. Each group comes out sorted by name; a file
 * named twice is used once.
 */
public final class SnapshotFiles {
    private SnapshotFiles() {
    }

    /** Expands the inputs; a missing file, an empty directory or a pattern matching nothing is an error. */
    public static List<Path> expand(List<String> inputs) {
        if (inputs.isEmpty()) {
            throw new InputException("no snapshots given: name files, directories or patterns");
        }
        Set<Path> seen = new LinkedHashSet<>();
        List<Path> out = new ArrayList<>();
        for (String in : inputs) {
            for (Path p : expandOne(in)) {
                if (seen.add(p.toAbsolutePath().normalize())) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    private static List<Path> expandOne(String in) {
        if (isPattern(in)) {
            return glob(in);
        }
        Path p = Paths.get(in);
        if (Files.isDirectory(p)) {
            List<Path> files = list(p, 1, f -> isGeoJsonName(f.getFileName().toString()));
            if (files.isEmpty()) {
                throw new InputException(in + ": no .geojson, .json, .geojson.gz, .kml, .kmz, .gpkg or .fgb files in this directory");
            }
            return files;
        }
        if (!Files.exists(p)) {
            throw new InputException(in + ": no such file or directory");
        }
        return List.of(p);
    }

    static boolean isPattern(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
    }

    static boolean isGeoJsonName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".kml") || n.endsWith(".kmz") || n.endsWith(".gpkg") || n.endsWith(".fgb")) {
            return true; // the other formats FeatureFiles reads
        }
        if (n.endsWith(".gz")) {
            n = n.substring(0, n.length() - 3);
        }
        return n.endsWith(".geojson") || n.endsWith(".json");
    }

    private static List<Path> glob(String pattern) {
        String norm = pattern.replace('\\', '/');
        String[] parts = norm.split("/", -1);
        // The base is the longest leading run of path segments without pattern characters.
        int k = 0;
        while (k < parts.length - 1 && !isPattern(parts[k])) {
            k++;
        }
        String baseText = String.join("/", java.util.Arrays.copyOfRange(parts, 0, k));
        Path base = k == 1 && parts[0].isEmpty() ? Paths.get("/")
                : baseText.isEmpty() ? Paths.get(".") : Paths.get(baseText);
        String rest = String.join("/", java.util.Arrays.copyOfRange(parts, k, parts.length));
        int depth = rest.contains("**") ? Integer.MAX_VALUE : parts.length - k;
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        List<Path> files = Files.isDirectory(base)
                ? list(base, depth, f -> m.matches(base.relativize(f)) && Files.isRegularFile(f))
                : List.of();
        if (files.isEmpty()) {
            throw new InputException(pattern + ": no files match this pattern");
        }
        return files;
    }

    private static List<Path> list(Path dir, int depth, java.util.function.Predicate<Path> keep) {
        try (Stream<Path> s = Files.walk(dir, depth)) {
            return s.filter(f -> !f.equals(dir) && Files.isRegularFile(f)).filter(keep).sorted().toList();
        } catch (IOException e) {
            throw new InputException(dir + ": cannot list (" + e.getMessage() + ")", e);
        }
    }
}
