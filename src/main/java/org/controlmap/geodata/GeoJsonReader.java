package org.controlmap.geodata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * PLACEHOLDER (tree model, no validation): to be replaced by the streaming,
 * validating reader. Signature is the contract.
 */
public final class GeoJsonReader {
    private static final GeometryFactory GF = new GeometryFactory();
    private final Consumer<String> warnings;

    public GeoJsonReader(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    public List<GeoFeature> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new InputException(file + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    public List<GeoFeature> read(InputStream in, String name) {
        try {
            ObjectMapper om = new ObjectMapper();
            JsonNode root = om.readTree(in);
            List<GeoFeature> out = new ArrayList<>();
            int i = 0;
            for (JsonNode f : root.get("features")) {
                Map<String, Object> props = om.convertValue(f.get("properties"), LinkedHashMap.class);
                out.add(new GeoFeature(i++, props == null ? Map.of() : props, geom(f.get("geometry"))));
            }
            return out;
        } catch (IOException e) {
            throw new InputException(name + ": " + e.getMessage(), e);
        }
    }

    private static Geometry geom(JsonNode g) {
        String t = g.get("type").asText();
        JsonNode c = g.get("coordinates");
        if (t.equals("Polygon")) {
            return poly(c);
        }
        Polygon[] ps = new Polygon[c.size()];
        for (int i = 0; i < ps.length; i++) {
            ps[i] = poly(c.get(i));
        }
        return GF.createMultiPolygon(ps);
    }

    private static Polygon poly(JsonNode rings) {
        LinearRing[] rs = new LinearRing[rings.size()];
        for (int r = 0; r < rs.length; r++) {
            JsonNode ring = rings.get(r);
            Coordinate[] cs = new Coordinate[ring.size()];
            for (int k = 0; k < cs.length; k++) {
                cs[k] = new Coordinate(ring.get(k).get(0).asDouble(), ring.get(k).get(1).asDouble());
            }
            rs[r] = GF.createLinearRing(cs);
        }
        LinearRing[] holes = new LinearRing[rs.length - 1];
        System.arraycopy(rs, 1, holes, 0, holes.length);
        return GF.createPolygon(rs[0], holes);
    }
}
