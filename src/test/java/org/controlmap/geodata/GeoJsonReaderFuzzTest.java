package org.controlmap.geodata;

import org.controlmap.InputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * Cheap fuzzing: whatever bytes come in, the reader either returns valid
 * polygons or throws {@link InputException} with a one-line message, never
 * another exception. Seeded, so a failure reproduces.
 */
class GeoJsonReaderFuzzTest {

    static final String DOC = """
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},
            "features":[
            {"type":"Feature","properties":{"name":"a","n":1.5,"ok":true,"list":[1,null,"x"]},
             "geometry":{"type":"Polygon","coordinates":[[[30,50],[31,50],[31,51],[30,51],[30,50]],
               [[30.2,50.2],[30.2,50.8],[30.8,50.8],[30.8,50.2],[30.2,50.2]]]}},
            {"type":"Feature","properties":null,"geometry":{"type":"MultiPolygon","coordinates":
              [[[[32,50,1],[33,50,1],[33,51,1],[32,50,1]]],[[[34,50],[35,50],[35,51],[34,50]]]]}},
            {"type":"Feature","properties":{},"geometry":null},
            {"type":"Feature","properties":{},"geometry":{"type":"GeometryCollection","geometries":[
              {"type":"Point","coordinates":[30,50]},
              {"type":"Polygon","coordinates":[[[36,46],[37,46],[37,47],[36,46]]]}]}}
            ]}""";

    /** Reads and checks the contract; returns true when it read, false on InputException. */
    static boolean readsOrRefuses(byte[] bytes) {
        List<String> warnings = new ArrayList<>();
        try {
            List<GeoFeature> fs = new GeoJsonReader(warnings::add).read(new ByteArrayInputStream(bytes), "f.geojson");
            for (GeoFeature f : fs) {
                Geometry g = f.geometry();
                assertThat(g).isInstanceOfAny(Polygon.class, MultiPolygon.class);
                assertThat(g.isValid()).isTrue();
            }
            assertThat(warnings).allSatisfy(w -> assertThat(w).startsWith("f.geojson").doesNotContain("\n"));
            return true;
        } catch (InputException e) {
            assertThat(e.getMessage()).startsWith("f.geojson").doesNotContain("\n");
            return false;
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("not an InputException for input: "
                    + new String(bytes, StandardCharsets.UTF_8), e);
        }
    }

    @Test
    void theSeedDocumentReads() {
        assertThat(readsOrRefuses(DOC.getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void everyTruncationIsAnInputException() {
        byte[] doc = DOC.getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut < doc.length; cut++) {
            if (readsOrRefuses(Arrays.copyOf(doc, cut))) {
                fail("a document truncated to " + cut + " of " + doc.length + " bytes was read");
            }
        }
    }

    @Test
    void everyTruncationOfTheGzipIsAnInputException() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(DOC.getBytes(StandardCharsets.UTF_8));
        }
        byte[] gz = out.toByteArray();
        assertThat(readsOrRefuses(gz)).isTrue();
        for (int cut = 0; cut < gz.length; cut++) {
            if (readsOrRefuses(Arrays.copyOf(gz, cut))) {
                fail("a gzip truncated to " + cut + " of " + gz.length + " bytes was read");
            }
        }
    }

    @Test
    void randomByteMutationsNeverThrowAnythingElse() {
        byte[] doc = DOC.getBytes(StandardCharsets.UTF_8);
        byte[] alphabet = "{}[],:\"0123456789.-eE nulltruefalseNaN\\xyz".getBytes(StandardCharsets.US_ASCII);
        Random rnd = new Random(20240708);
        int read = 0;
        for (int trial = 0; trial < 3000; trial++) {
            byte[] m = doc.clone();
            int edits = 1 + rnd.nextInt(3);
            for (int e = 0; e < edits; e++) {
                int at = rnd.nextInt(m.length);
                m[at] = rnd.nextInt(4) == 0 ? (byte) rnd.nextInt(256) : alphabet[rnd.nextInt(alphabet.length)];
            }
            if (readsOrRefuses(m)) {
                read++;
            }
        }
        // some mutations only touch numbers or names and still read: the loop exercised both outcomes
        assertThat(read).isBetween(1, 2999);
    }

    @Test
    void randomInvalidPolygonsRepairToValidOrFailCleanly() {
        Random rnd = new Random(42);
        int repaired = 0;
        int refused = 0;
        for (int trial = 0; trial < 400; trial++) {
            String ring = randomRing(rnd);
            String json = "{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}";
            if (readsOrRefuses(json.getBytes(StandardCharsets.UTF_8))) {
                repaired++;
            } else {
                refused++;
            }
        }
        assertThat(repaired).isPositive();
        assertThat(refused).isPositive();
    }

    /**
     * A ring around a point in Ukraine that is often invalid: a star with a
     * random order of vertices (bow-ties), or a regular polygon with a spike
     * or a tiny twisted loop.
     */
    static String randomRing(Random rnd) {
        double cx = 24 + rnd.nextDouble() * 14;
        double cy = 45 + rnd.nextDouble() * 7;
        int n = 4 + rnd.nextInt(12);
        List<double[]> pts = new ArrayList<>();
        int kind = rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            double a = kind == 0 ? rnd.nextDouble() * 2 * Math.PI : 2 * Math.PI * i / n;
            double r = 0.2 + rnd.nextDouble() * 0.3;
            pts.add(new double[] {cx + r * Math.cos(a), cy + r * Math.sin(a)});
        }
        if (kind == 1) { // a spike going out and back along almost the same line
            int at = rnd.nextInt(n);
            double[] p = pts.get(at);
            pts.add(at + 1, new double[] {p[0] + 0.5 * (rnd.nextDouble() - 0.5), p[1] + 0.5 * (rnd.nextDouble() - 0.5)});
            pts.add(at + 2, new double[] {p[0] + 1e-9, p[1]});
        } else if (kind == 2) { // swap two neighbours: a small twist
            int at = rnd.nextInt(n - 1);
            double[] t = pts.get(at);
            pts.set(at, pts.get(at + 1));
            pts.set(at + 1, t);
        }
        pts.add(pts.get(0));
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < pts.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "[%.9f,%.9f]", pts.get(i)[0], pts.get(i)[1]));
        }
        return sb.append(']').toString();
    }
}
