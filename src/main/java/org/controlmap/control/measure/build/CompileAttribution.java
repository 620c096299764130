package org.controlmap.control.measure.build;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.controlmap.control.measure.CoastGaps;
import org.controlmap.control.measure.MismatchZones;
import org.controlmap.region.Region;
import org.controlmap.region.RegionCatalogue;

/**
 * Build step (Maven, process-classes, after the bundled boundaries are
 * compiled): builds the shapes {@code --attribution nearest} needs for the
 * bundled regions, which depend on nothing but those boundaries, so that a
 * run reads them in milliseconds instead of building them in seconds: the
 * mismatch zones at the default limit ({@link MismatchZones}) and the coastal
 * bands ({@link CoastGaps}). A run checks that they were built from the very
 * boundaries it uses, and builds them itself otherwise.
 *
 * <p>Usage: {@code CompileAttribution OUTPUT_DIR}
 */
public final class CompileAttribution {
    private CompileAttribution() {
    }

    public static void main(String[] args) throws IOException {
        Path outDir = Path.of(args[0]);
        Files.createDirectories(outDir);
        List<Region> home = RegionCatalogue.bundled().ukraine();
        try (OutputStream out = Files.newOutputStream(outDir.resolve("mismatch-zones.cmf"))) {
            MismatchZones.build(home, MismatchZones.DEFAULT_LIMIT_KM).write(out);
        }
        try (OutputStream out = Files.newOutputStream(outDir.resolve("coast-bands.cmf"))) {
            CoastGaps.write(home, CoastGaps.build(home), out);
        }
    }
}
