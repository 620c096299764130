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
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.controlmap.InputException;

/**
 * The snapshot files a user named: files as they are, directories as their
 * control files ({@code .geojson}, {@code .json}, and those with {@code .gz}
 * added; {@code .kml}, {@code .kmz}, {@code .gpkg}, {@code .fgb}; not recursive), and glob patterns ({@code data/*.geojson},
 * {@code data/**}{@code /2024*.geojson.gz}) for shells that do not expand
 * them or for quoted patterns. Each group comes out sorted by name; a file
 * named twice is used once. What a directory or pattern holds but is not read
 * is warned about, one line each: subfolders of a named directory, links to
 * nothing, pipes and devices with a GeoJSON name.
 */
public final class SnapshotFiles {
    private SnapshotFiles() {
    }

    /** {@link #expand(List, Consumer)} without warnings. */
    public static List<Path> expand(List<String> inputs) {
        return expand(inputs, w -> { });
    }

    /**
     * Expands the inputs; a missing file, a named link to nothing, an empty
     * directory or a pattern matching nothing is an error.
     *
     * @param warnings one line for each entry of a directory or match of a pattern that is skipped
     */
    public static List<Path> expand(List<String> inputs, Consumer<String> warnings) {
        if (inputs.isEmpty()) {
            throw new InputException("no snapshots given: name files, directories or patterns");
        }
        Set<Path> seen = new LinkedHashSet<>();
        List<Path> out = new ArrayList<>();
        for (String in : inputs) {
            for (Path p : expandOne(in, warnings)) {
                if (seen.add(p.toAbsolutePath().normalize())) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    private static List<Path> expandOne(String in, Consumer<String> warnings) {
        if (isPattern(in)) {
            return glob(in, warnings);
        }
        Path p = Paths.get(in);
        if (Files.isDirectory(p)) {
            List<Path> files = list(p, 1, f -> isGeoJsonName(f.getFileName().toString()), true, warnings);
            if (files.isEmpty()) {
                throw new InputException(in + ": no .geojson, .json, .geojson.gz, .kml, .kmz, .gpkg or .fgb files in this directory");
            }
            return files;
        }
        if (!Files.exists(p) && Files.isSymbolicLink(p)) {
            throw new InputException(in + ": a link to " + target(p) + ", which does not exist");
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

    private static List<Path> glob(String pattern, Consumer<String> warnings) {
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
                ? list(base, depth, f -> m.matches(base.relativize(f)), false, warnings)
                : List.of();
        if (files.isEmpty()) {
            throw new InputException(pattern + ": no files match this pattern");
        }
        return files;
    }

    /**
     * The regular files (links to them included) under {@code dir} that {@code keep} accepts, sorted;
     * the others it accepts are warned about, and so are subfolders when {@code folders} is set.
     */
    private static List<Path> list(Path dir, int depth, Predicate<Path> keep, boolean folders,
            Consumer<String> warnings) {
        List<Path> entries;
        try (Stream<Path> s = Files.walk(dir, depth)) {
            entries = s.filter(f -> !f.equals(dir)).sorted().toList();
        } catch (IOException e) {
            throw new InputException(dir + ": cannot list (" + e.getMessage() + ")", e);
        }
        List<Path> files = new ArrayList<>();
        for (Path f : entries) {
            if (Files.isDirectory(f)) {
                if (folders) {
                    warnings.accept(f + ": a folder inside " + dir + "; not read (snapshots are read one level"
                            + " deep: name it too, or use the pattern '" + dir + "/**/*.geojson')");
                }
            } else if (!keep.test(f)) {
                continue;
            } else if (Files.isRegularFile(f)) {
                files.add(f);
            } else if (Files.isSymbolicLink(f) && !Files.exists(f)) {
                warnings.accept(f + ": a link to " + target(f) + ", which does not exist; skipped");
            } else {
                warnings.accept(f + ": not a regular file (a pipe, socket or device); skipped");
            }
        }
        return files;
    }

    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "a missing file";
        }
    }
}
