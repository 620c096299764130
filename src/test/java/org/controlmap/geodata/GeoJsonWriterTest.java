package org.controlmap.geodata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

class GeoJsonWriterTest {
    private static final GeometryFactory GF = new GeometryFactory();

    private static LinearRing ring(double... xy) {
        Coordinate[] cs = new Coordinate[xy.length / 2];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
        }
        return GF.createLinearRing(cs);
    }

    /** A square with a hole, shell clockwise and hole counterclockwise: both the wrong way for RFC 7946. */
    private static Polygon squareWithHole() {
        LinearRing shell = ring(30, 45, 30, 46, 31, 46, 31, 45, 30, 45);
        LinearRing hole = ring(30.4, 45.4, 30.6, 45.4, 30.6, 45.6, 30.4, 45.6, 30.4, 45.4);
        return GF.createPolygon(shell, new LinearRing[] {hole});
    }

    private static String text(List<GeoJsonWriter.Feature> fs) {
        return new String(GeoJsonWriter.toBytes(fs), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> props(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void oneFeaturePerLineWithPropertiesInTheGivenOrder() {
        String s = text(List.of(
                new GeoJsonWriter.Feature(props("z", "last-alphabetically", "a", 1, "m", true), squareWithHole()),
                new GeoJsonWriter.Feature(props("iso_3166_2", "UA-14"), null)));
        String[] lines = s.split("\n", -1);
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).isEqualTo("{\"type\":\"FeatureCollection\",\"features\":[");
        assertThat(lines[1]).startsWith("{\"type\":\"Feature\",\"properties\":{\"z\":\"last-alphabetically\",\"a\":1,"
                + "\"m\":true},\"geometry\":{\"type\":\"Polygon\"").endsWith("},");
        assertThat(lines[2]).isEqualTo("{\"type\":\"Feature\",\"properties\":{\"iso_3166_2\":\"UA-14\"},"
                + "\"geometry\":null}");
        assertThat(lines[3]).isEqualTo("]}");
        assertThat(lines[4]).isEmpty();
    }

    @Test
    void ringsAreOrientedAsRfc7946Asks() throws Exception {
        Polygon p = squareWithHole();
        assertThat(Orientation.isCCW(p.getExteriorRing().getCoordinates())).isFalse();
        JsonNode rings = new ObjectMapper().readTree(text(List.of(new GeoJsonWriter.Feature(Map.of(), p))))
                .get("features").get(0).get("geometry").get("coordinates");
        assertThat(Orientation.isCCW(coords(rings.get(0)))).as("exterior CCW").isTrue();
        assertThat(Orientation.isCCW(coords(rings.get(1)))).as("hole CW").isFalse();
    }

    private static Coordinate[] coords(JsonNode ring) {
        List<Coordinate> cs = new ArrayList<>();
        ring.forEach(pos -> cs.add(new Coordinate(pos.get(0).asDouble(), pos.get(1).asDouble())));
        return cs.toArray(Coordinate[]::new);
    }

    @Test
    void coordinatesAreRoundedToSevenDecimalsAndRepeatsDropped() {
        Polygon p = GF.createPolygon(ring(
                30.123456789, 45.0, 30.12345678951, 45.00000000001, // rounds onto the previous vertex
                31.0, 45.0, 31.0, 46.5, 30.123456789, 45.0));
        String s = text(List.of(new GeoJsonWriter.Feature(Map.of(), p)));
        assertThat(s).contains("[30.1234568,45]").contains("[31,46.5]").doesNotContain("30.12345678");
        // Four distinct corners, closed: 4 positions, the repeat gone.
        assertThat(s.split("\\],\\[").length).isEqualTo(4);
    }

    @Test
    void numbersArePlainAndNonFiniteBecomesNull() {
        String s = text(List.of(new GeoJsonWriter.Feature(props("small", 1e-7, "big", 12345678901.5, "nan", Double.NaN,
                "list", List.of(1, "two"), "nested", props("k", -0.0)), null)));
        assertThat(s).contains("\"small\":0.0000001,\"big\":12345678901.5,\"nan\":null,\"list\":[1,\"two\"],"
                + "\"nested\":{\"k\":0}");
    }

    @Test
    void readsBackAsTheSameShapeWithinRounding() {
        Geometry mp = GF.createMultiPolygon(new Polygon[] {squareWithHole(),
                GF.createPolygon(ring(32, 45, 33, 45, 33, 46, 32, 45))});
        byte[] bytes = GeoJsonWriter.toBytes(List.of(new GeoJsonWriter.Feature(props("n", 1), mp)));
        List<GeoFeature> back = new GeoJsonReader(w -> { }).read(new ByteArrayInputStream(bytes), "t.geojson");
        assertThat(back).hasSize(1);
        assertThat(((Number) back.get(0).properties().get("n")).intValue()).isEqualTo(1);
        Geometry g = back.get(0).geometry();
        assertThat(g.getNumGeometries()).isEqualTo(2);
        assertThat(g.symDifference(mp).getArea()).isLessThan(1e-9);
    }

    @Test
    void sameInputSameBytes() {
        List<GeoJsonWriter.Feature> fs = List.of(new GeoJsonWriter.Feature(props("a", 0.1 + 0.2), squareWithHole()));
        assertThat(Arrays.equals(GeoJsonWriter.toBytes(fs), GeoJsonWriter.toBytes(List.copyOf(fs)))).isTrue();
        assertThat(text(fs)).contains("\"a\":0.30000000000000004");
    }
}
