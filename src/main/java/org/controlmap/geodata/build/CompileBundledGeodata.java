package org.controlmap.geodata.build;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.controlmap.geodata.CompiledFeatures;
import org.controlmap.geodata.GeoFeature;
import org.controlmap.geodata.GeoJsonReader;

/**
 * Build step (Maven, process-classes): reads {@code geodata/*.geojson} with the
 * validating reader, failing the build on any warning, and writes each as
 * {@link CompiledFeatures} ({@code NAME.cmf}) into the output directory.
 *
 * <p>Usage: {@code CompileBundledGeodata OUTPUT_DIR INPUT.geojson...}
 */
public final class CompileBundledGeodata {
    private CompileBundledGeodata() {
    }

    public static void main(String[] args) throws IOException {
        Path outDir = Path.of(args[0]);
        Files.createDirectories(outDir);
        for (int i = 1; i < args.length; i++) {
            Path in = Path.of(args[i]);
            List<String> warnings = new ArrayList<>();
            List<GeoFeature> features = new GeoJsonReader(warnings::add).read(in);
            if (!warnings.isEmpty()) {
                throw new IllegalStateException("bundled geodata must read without warnings: " + warnings);
            }
            String name = in.getFileName().toString().replaceFirst("\\.geojson$", ".cmf");
            try (OutputStream out = Files.newOutputStream(outDir.resolve(name))) {
                CompiledFeatures.write(features, out);
            }
        }
    }
}
