package org.controlmap.geodata.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;

/**
 * Build step (Maven, process-classes): writes {@code geodata/water.geojson}
 * (rivers as LineStrings, lakes as Polygons, which the boundary reader
 * {@code GeoJsonReader} does not take) as {@link CompiledFeatures}
 * ({@code water.cmf}), so the jar reads it without parsing JSON. Fails on any
 * other geometry type, a feature without {@code kind}, {@code name_en} and
 * {@code name_uk}, or an invalid geometry.
 *
 * <p>Usage: {@code CompileBundledWater OUTPUT_DIR water.geojson}
 */
public final class CompileBundledWater {
    private static final GeometryFactory GF = new GeometryFactory();

    private CompileBundledWater() {
    }

    public static void main(String[] args) throws IOException {
        Path outDir = Path.of(args[0]);
        Path in = Path.of(args[1]);
        List<GeoFeature> features = read(in);
        Files.createDirectories(outDir);
        try (OutputStream out = Files.newOutputStream(outDir.resolve("water.cmf"))) {
            CompiledFeatures.write(features, out);
        }
    }

    /** The features of a water GeoJSON file, checked as described above. */
    public static List<GeoFeature> read(Path in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in.toFile());
        List<GeoFeature> out = new ArrayList<>();
        int i = 0;
        for (JsonNode f : root.get("features")) {
            Map<String, Object> props = new LinkedHashMap<>();
            for (String key : List.of("kind", "name_en", "name_uk")) {
                JsonNode v = f.get("properties").get(key);
                if (v == null || !v.isTextual() || v.asText().isBlank()) {
                    throw new IllegalStateException(in + ": feature " + i + ": no " + key);
                }
                props.put(key, v.asText());
            }
            Geometry g = geometry(f.get("geometry"));
            if (!IsValidOp.isValid(g)) {
                throw new IllegalStateException(in + ": feature " + i + " (" + props.get("name_en")
                        + "): invalid geometry");
            }
            out.add(new GeoFeature(i++, props, g));
        }
        return out;
    }

    private static Geometry geometry(JsonNode g) {
        JsonNode c = g.get("coordinates");
        return switch (g.get("type").asText()) {
            case "LineString" -> GF.createLineString(positions(c));
            case "MultiLineString" -> {
                List<LineString> ls = new ArrayList<>();
                c.forEach(l -> ls.add(GF.createLineString(positions(l))));
                yield GF.createMultiLineString(ls.toArray(LineString[]::new));
            }
            case "Polygon" -> polygon(c);
            case "MultiPolygon" -> {
                List<Polygon> ps = new ArrayList<>();
                c.forEach(p -> ps.add(polygon(p)));
                yield GF.createMultiPolygon(ps.toArray(Polygon[]::new));
            }
            default -> throw new IllegalStateException("water.geojson: unexpected geometry " + g.get("type"));
        };
    }

    private static Polygon polygon(JsonNode rings) {
        LinearRing shell = GF.createLinearRing(positions(rings.get(0)));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = GF.createLinearRing(positions(rings.get(i)));
        }
        return GF.createPolygon(shell, holes);
    }

    private static Coordinate[] positions(JsonNode list) {
        Coordinate[] cs = new Coordinate[list.size()];
        for (int i = 0; i < list.size(); i++) {
            cs[i] = new Coordinate(list.get(i).get(0).asDouble(), list.get(i).get(1).asDouble());
        }
        return cs;
    }
}
