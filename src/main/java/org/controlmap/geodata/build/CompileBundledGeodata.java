package org.controlmap.geodata.build;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.controlmap.geodata.CompiledFeatures;
import org.controlmap.geodata.GeoFeature;
import org.controlmap.geodata.GeoJsonReader;
import org.controlmap.geodata.GeodesicArea;

/**
 * Build step (Maven, process-classes): reads {@code geodata/*.geojson} with the
 * validating reader, failing the build on any warning, and writes each as
 * {@link CompiledFeatures} ({@code NAME.cmf}) into the output directory, with
 * each feature's geodesic area added.
 *
 * <p>Usage: {@code CompileBundledGeodata OUTPUT_DIR INPUT.geojson...}
 */
public final class CompileBundledGeodata {
    private CompileBundledGeodata() {
    }

    /**
     * Adds {@link CompiledFeatures#AREA_KM2}: the geodesic area of each feature, by the same
     * {@link GeodesicArea} the tool measures everything with. The boundaries are
     * fixed, so their areas are computed once per build rather than at every
     * start-up; {@code CompiledFeaturesTest} recomputes and compares them.
     */
    private static List<GeoFeature> withArea(List<GeoFeature> features) {
        List<GeoFeature> out = new ArrayList<>();
        for (GeoFeature f : features) {
            Map<String, Object> props = new LinkedHashMap<>(f.properties());
            props.put(CompiledFeatures.AREA_KM2, Double.toString(GeodesicArea.km2(f.geometry())));
            out.add(new GeoFeature(f.index(), props, f.geometry()));
        }
        return out;
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
                CompiledFeatures.write(withArea(features), out);
            }
        }
    }
}
