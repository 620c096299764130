package org.controlmap.geodata.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.controlmap.geodata.GeoJsonWriter;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/**
 * WaterExtract on a made-up TopoJSON topology: each river drawn through its own
 * reference points, plus a line far from all of them and a lake.
 */
class WaterExtractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double Q = 0.001; // quantisation step, degrees
    private static final java.io.PrintStream QUIET = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());

    /** A delta-encoded, quantised arc through the given lon/lat pairs. */
    private static ArrayNode arc(double[][] pts) {
        ArrayNode a = JSON.createArrayNode();
        long px = 0;
        long py = 0;
        for (double[] p : pts) {
            long x = Math.round(p[0] / Q);
            long y = Math.round(p[1] / Q);
            a.add(JSON.createArrayNode().add(x - px).add(y - py));
            px = x;
            py = y;
        }
        return a;
    }

    private static JsonNode topology(boolean withDnisterEstuary) {
        ObjectNode t = JSON.createObjectNode();
        t.putObject("transform").set("scale", JSON.createArrayNode().add(Q).add(Q));
        ((ObjectNode) t.get("transform")).set("translate", JSON.createArrayNode().add(0).add(0));
        ArrayNode arcs = t.putArray("arcs");
        ArrayNode rivers = t.putObject("objects").putObject("rivers").put("type", "GeometryCollection")
                .putArray("geometries");
        for (WaterExtract.Water w : WaterExtract.RIVERS) {
            List<WaterExtract.Ref> refs = w.refs();
            if (!withDnisterEstuary && w.nameEn().equals("Dnister")) {
                refs = refs.subList(0, refs.size() - 1);
            }
            double[][] pts = refs.stream().map(r -> new double[] {r.lon() + 0.01, r.lat()}).toArray(double[][]::new);
            arcs.add(arc(pts));
            rivers.addObject().put("type", "LineString").putArray("arcs").add(arcs.size() - 1);
        }
        // The Don, far from every reference point.
        arcs.add(arc(new double[][] {{39.0, 52.0}, {40.0, 50.0}, {41.0, 48.0}}));
        rivers.addObject().put("type", "LineString").putArray("arcs").add(arcs.size() - 1);
        // A square lake around the Kremenchuk reference point.
        WaterExtract.Ref k = WaterExtract.LAKES.get(0).refs().get(0);
        arcs.add(arc(new double[][] {{k.lon() - 0.2, k.lat() - 0.1}, {k.lon() + 0.2, k.lat() - 0.1},
            {k.lon() + 0.2, k.lat() + 0.1}, {k.lon() - 0.2, k.lat() + 0.1}, {k.lon() - 0.2, k.lat() - 0.1}}));
        ArrayNode lakes = ((ObjectNode) t.get("objects")).putObject("lakes").put("type", "GeometryCollection")
                .putArray("geometries");
        lakes.addObject().put("type", "Polygon").putArray("arcs").addArray().add(arcs.size() - 1);
        return t;
    }

    @Test
    void takesTheLinesNearTheReferencePointsAndNothingElse() {
        List<GeoJsonWriter.Feature> out = WaterExtract.extract(topology(true), QUIET);
        assertThat(out.stream().map(f -> (Object) f.properties().get("name_en")).toList())
                .containsExactly("Dnipro", "Dnister", "Kremenchuk Reservoir");
        Geometry dnipro = out.get(0).geometry();
        for (WaterExtract.Ref r : WaterExtract.RIVERS.get(0).refs()) {
            assertThat(WaterExtract.distanceKm(dnipro, r.lon(), r.lat())).as(r.place()).isLessThan(1);
        }
        // The Don line was left out: nothing of the output reaches lon 39.
        for (GeoJsonWriter.Feature f : out) {
            assertThat(f.geometry().getEnvelopeInternal().getMaxX()).isLessThan(39);
        }
        assertThat(out.get(2).properties().get("kind")).isEqualTo("lake");
        assertThat(out.get(2).properties().get("name_uk")).isEqualTo("Кременчуцьке водосховище");
    }

    @Test
    void outputIsByteIdenticalOnARerun() {
        byte[] once = GeoJsonWriter.toBytes(WaterExtract.extract(topology(true), QUIET));
        byte[] again = GeoJsonWriter.toBytes(WaterExtract.extract(topology(true), QUIET));
        assertThat(again).isEqualTo(once);
    }

    @Test
    void aReferencePointThatNoLinePassesFailsTheBuild() {
        assertThatThrownBy(() -> WaterExtract.extract(topology(false), QUIET))
                .hasMessageContaining("Dnister: no source line within 5.0 km of Bilhorod-Dnistrovskyi");
    }

    @Test
    void distanceIsInKilometres() {
        Geometry meridian = new org.locationtech.jts.geom.GeometryFactory().createLineString(
                new org.locationtech.jts.geom.Coordinate[] {
                    new org.locationtech.jts.geom.Coordinate(30, 40), new org.locationtech.jts.geom.Coordinate(30, 60)});
        // A degree of longitude at 60°N is half of one at the equator: 55.7 km.
        assertThat(WaterExtract.distanceKm(meridian, 31, 60)).isCloseTo(55.66, org.assertj.core.data.Offset.offset(0.1));
        assertThat(WaterExtract.distanceKm(meridian, 30, 61)).isCloseTo(110.57, org.assertj.core.data.Offset.offset(0.1));
    }
}
