package org.controlmap.geodata;

import org.controlmap.InputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

class GeoJsonReaderTest {

    /** A 1°×1° square near Kyiv, counter-clockwise. */
    static final String SQUARE = "[[30,50],[31,50],[31,51],[30,51],[30,50]]";
    static final String POLY = "{\"type\":\"Polygon\",\"coordinates\":[" + SQUARE + "]}";

    final List<String> warnings = new ArrayList<>();

    List<GeoFeature> read(String json) {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    List<GeoFeature> read(byte[] bytes) {
        return new GeoJsonReader(warnings::add).read(new ByteArrayInputStream(bytes), "x.geojson");
    }

    String error(String json) {
        return error(json.getBytes(StandardCharsets.UTF_8));
    }

    String error(byte[] bytes) {
        InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class, () -> read(bytes));
        assertThat(e.getMessage()).doesNotContain("\n").startsWith("x.geojson");
        return e.getMessage();
    }

    static String feature(String geometry) {
        return "{\"type\":\"Feature\",\"properties\":{},\"geometry\":" + geometry + "}";
    }

    /** A FeatureCollection with one feature per line, the first on line 2. */
    static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[\n" + String.join(",\n", features) + "\n]}";
    }

    static String polygon(String... rings) {
        return "{\"type\":\"Polygon\",\"coordinates\":[" + String.join(",", rings) + "]}";
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // ---- happy paths ------------------------------------------------------------------------------

    @Test
    void readsPolygonWithHoleMultiPolygonAndGeometryCollection() {
        String hole = "[[30.25,50.25],[30.25,50.75],[30.75,50.75],[30.75,50.25],[30.25,50.25]]";
        String json = collection(
                feature(polygon(SQUARE, hole)),
                feature("{\"type\":\"MultiPolygon\",\"coordinates\":[[" + SQUARE + "],"
                        + "[[[32,50],[33,50],[33,51],[32,51],[32,50]]]]}"),
                feature("{\"type\":\"GeometryCollection\",\"geometries\":[" + POLY + ","
                        + "{\"type\":\"Polygon\",\"coordinates\":[[[34,50],[35,50],[35,51],[34,51],[34,50]]]}]}"));
        List<GeoFeature> fs = read(json);
        assertThat(warnings).isEmpty();
        assertThat(fs).extracting(GeoFeature::index).containsExactly(0, 1, 2);
        Polygon withHole = (Polygon) fs.get(0).geometry();
        assertThat(withHole.getNumInteriorRing()).isEqualTo(1);
        double square = GeodesicArea.m2(read(collection(feature(POLY))).get(0).geometry());
        double holeOnly = GeodesicArea.m2(read(collection(feature(polygon(hole)))).get(0).geometry());
        assertThat(GeodesicArea.m2(withHole)).isCloseTo(square - holeOnly, within(1e-3));
        assertThat(fs.get(1).geometry()).isInstanceOf(MultiPolygon.class);
        assertThat(fs.get(1).geometry().getNumGeometries()).isEqualTo(2);
        // a GeometryCollection of polygons comes back as a MultiPolygon
        assertThat(fs.get(2).geometry()).isInstanceOf(MultiPolygon.class);
        assertThat(fs.get(2).geometry().getNumGeometries()).isEqualTo(2);
        for (GeoFeature f : fs) {
            assertThat(f.geometry().isValid()).isTrue();
            assertThat(f.geometry().getCoordinate().getZ()).isNaN();
        }
        assertThat(fs.get(0).geometry().getCoordinates()[2].x).isEqualTo(31.0);
        assertThat(fs.get(0).geometry().getCoordinates()[2].y).isEqualTo(51.0);
    }

    @Test
    void keepsPropertiesOfEveryJsonTypeInFileOrder() {
        String json = collection("{\"type\":\"Feature\",\"geometry\":" + POLY + ",\"properties\":{"
                + "\"s\":\"Київ\",\"i\":7,\"l\":12345678901,\"b\":123456789012345678901234567890,"
                + "\"d\":1.5,\"t\":true,\"f\":false,\"n\":null,\"o\":{\"k\":[1,\"two\"]},\"a\":[]}}");
        Map<String, Object> p = read(json).get(0).properties();
        assertThat(p.keySet()).containsExactly("s", "i", "l", "b", "d", "t", "f", "n", "o", "a");
        assertThat(p.get("s")).isEqualTo("Київ");
        assertThat(p.get("i")).isEqualTo(7);
        assertThat(p.get("l")).isEqualTo(12345678901L);
        assertThat(p.get("b")).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(p.get("d")).isEqualTo(1.5);
        assertThat(p.get("t")).isEqualTo(true);
        assertThat(p.get("f")).isEqualTo(false);
        assertThat(p).containsEntry("n", null);
        assertThat(p.get("o")).isEqualTo(Map.of("k", List.of(1, "two")));
        assertThat(p.get("a")).isEqualTo(List.of());
        assertThat(read(json).get(0).string("i")).isEqualTo("7");
    }

    @Test
    void membersMayComeInAnyOrder() {
        String json = "{\"features\":[{\"geometry\":{\"coordinates\":[" + SQUARE + "],\"type\":\"Polygon\"},"
                + "\"properties\":{\"name\":\"a\"},\"type\":\"Feature\"}],\"type\":\"FeatureCollection\"}";
        List<GeoFeature> fs = read(json);
        assertThat(fs).hasSize(1);
        assertThat(fs.get(0).string("name")).isEqualTo("a");
        assertThat(fs.get(0).geometry().getArea()).isEqualTo(1.0);
    }

    @Test
    void readsASingleFeatureAndBareGeometries() {
        assertThat(read(feature(POLY))).singleElement().satisfies(f -> {
            assertThat(f.index()).isZero();
            assertThat(f.geometry()).isInstanceOf(Polygon.class);
        });
        assertThat(read(POLY)).singleElement().satisfies(f -> assertThat(f.properties()).isEmpty());
        assertThat(read("{\"type\":\"MultiPolygon\",\"coordinates\":[[" + SQUARE + "]]}")).hasSize(1);
        assertThat(read("{\"type\":\"GeometryCollection\",\"geometries\":[" + POLY + "]}")).hasSize(1);
        assertThat(warnings).isEmpty();
    }

    @Test
    void acceptsUtf8ByteOrderMark() {
        byte[] json = collection(feature(POLY)).getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[json.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, bom, 3, json.length);
        assertThat(read(bom)).hasSize(1);
    }

    @Test
    void dropsThirdAndFourthOrdinatesEvenWhenMixed() {
        List<GeoFeature> fs = read(collection(feature(
                polygon("[[30,50,100],[31,50,0,7],[31,51],[30,51,-3.5],[30,50,100]]"))));
        Geometry g = fs.get(0).geometry();
        assertThat(g.equalsExact(read(collection(feature(POLY))).get(0).geometry())).isTrue();
        assertThat(g.getCoordinates()).allSatisfy(c -> assertThat(c.getZ()).isNaN());
    }

    @Test
    void readsGzipByMagicBytesWhateverTheName(@TempDir Path dir) throws IOException {
        byte[] json = collection(feature(POLY)).getBytes(StandardCharsets.UTF_8);
        Path gz = dir.resolve("a.geojson.gz");
        Path disguised = dir.resolve("b.geojson");
        Files.write(gz, gzip(json));
        Files.write(disguised, gzip(json));
        Geometry plain = read(json).get(0).geometry();
        GeoJsonReader reader = new GeoJsonReader(warnings::add);
        assertThat(reader.read(gz).get(0).geometry().equalsExact(plain)).isTrue();
        assertThat(reader.read(disguised).get(0).geometry().equalsExact(plain)).isTrue();
    }

    @Test
    void clockwiseOuterRingMeansTheSameArea() {
        double ccw = GeodesicArea.m2(read(collection(feature(POLY))).get(0).geometry());
        double cw = GeodesicArea.m2(read(collection(feature(
                polygon("[[30,50],[30,51],[31,51],[31,50],[30,50]]")))).get(0).geometry());
        assertThat(cw).isEqualTo(ccw);
        assertThat(cw / 1e6).isBetween(7000.0, 8000.0); // never "the whole globe but this square"
    }

    @Test
    void leavesTheCallersStreamOpen() {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream(POLY.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        new GeoJsonReader(warnings::add).read(in, "x.geojson");
        assertThat(closed[0]).isFalse();
    }

    // ---- JSON syntax ------------------------------------------------------------------------------

    @Test
    void truncatedJsonNamesLineAndColumn() {
        String json = "{\"type\":\"FeatureCollection\",\"features\":[\n"
                + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[30,50],[31,";
        assertThat(error(json)).matches("x\\.geojson:2:\\d+: features\\[0\\]\\.geometry\\.coordinates\\[0\\]\\[1\\]"
                + "\\[1\\]: unexpected end of file: .* is not closed \\(truncated or unbalanced JSON\\)");
    }

    @Test
    void unbalancedBracketsAreAnError() {
        assertThat(error("{\"type\":\"Polygon\",\n\"coordinates\":[" + SQUARE + "]]}"))
                .startsWith("x.geojson:2:").contains("close marker");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity"})
    void nanAndInfinityAreErrorsWithLocation(String literal) {
        String json = "{\"type\":\"Polygon\",\n\"coordinates\":[[[30," + literal + "],[31,50],[31,51],[30,50]]]}";
        assertThat(error(json)).startsWith("x.geojson:2:").contains("coordinates[0][0][1]: ")
                .contains(literal + " is not a number JSON allows");
    }

    @Test
    void duplicateKeysAreAnError() {
        assertThat(error("{\"type\":\"Polygon\",\"coordinates\":[" + SQUARE + "],\n \"coordinates\":[]}"))
                .startsWith("x.geojson:2:").endsWith(": coordinates: duplicate key \"coordinates\"");
    }

    @Test
    void invalidUtf8IsAnError() {
        byte[] json = collection(feature(POLY)).replace("{}", "{\"n\":\"??\"}").getBytes(StandardCharsets.UTF_8);
        int q = new String(json, StandardCharsets.ISO_8859_1).indexOf("??");
        json[q] = (byte) 0xC3;
        json[q + 1] = (byte) 0x28;
        assertThat(error(json)).startsWith("x.geojson:2:");
    }

    @Test
    void contentAfterTheObjectIsAnError() {
        assertThat(error(POLY + "\n" + POLY)).startsWith("x.geojson:2:1: unexpected content");
        assertThat(error(POLY + " x")).startsWith("x.geojson:1:");
    }

    @Test
    void aDocumentThatIsNotAnObjectIsAnError() {
        assertThat(error("[" + SQUARE + "]")).isEqualTo(
                "x.geojson:1:1: a GeoJSON file must be a JSON object ({...}), found an array");
    }

    // ---- GeoJSON structure ------------------------------------------------------------------------

    @Test
    void missingTypeIsAnErrorNamingTheFeature() {
        assertThat(error("{\"features\":[]}")).startsWith("x.geojson:1:1: missing \"type\"");
        assertThat(error(collection(feature(POLY), "{\"properties\":{},\"geometry\":" + POLY + "}")))
                .isEqualTo("x.geojson:3:1: features[1]: missing \"type\" (expected \"Feature\")");
        assertThat(error(collection(feature("{\"coordinates\":[" + SQUARE + "]}"))))
                .isEqualTo("x.geojson:2:46: features[0].geometry: geometry has no \"type\"");
    }

    @Test
    void wrongCaseOrUnknownTypeIsAnErrorNamingTheFeature() {
        assertThat(error(collection(feature(POLY), "{\"type\":\"feature\",\"geometry\":" + POLY + "}")))
                .isEqualTo("x.geojson:3:9: features[1].type: \"feature\" where \"Feature\" was expected"
                        + " (GeoJSON types are case-sensitive: \"Feature\")");
        assertThat(error(collection(feature(POLY), feature("{\"type\":\"multipolygon\",\"coordinates\":[]}"))))
                .startsWith("x.geojson:3:54: features[1].geometry.type: \"multipolygon\" where a geometry type")
                .endsWith("(GeoJSON types are case-sensitive: \"MultiPolygon\")");
        assertThat(error(collection(feature("{\"type\":\"Polygn\",\"coordinates\":[]}"))))
                .startsWith("x.geojson:2:54: features[0].geometry.type: \"Polygn\" where a geometry type");
        assertThat(error("{\"type\":\"Topology\",\"objects\":{}}"))
                .startsWith("x.geojson:1:9: type: \"Topology\" where \"FeatureCollection\", \"Feature\"");
    }

    @Test
    void nullGeometryIsAcceptedWithAWarning() {
        List<GeoFeature> fs = read(collection(feature(POLY), "{\"type\":\"Feature\",\"properties\":{\"a\":1},"
                + "\"geometry\":null}"));
        assertThat(fs).hasSize(2);
        assertThat(fs.get(1).index()).isEqualTo(1);
        assertThat(fs.get(1).geometry().isEmpty()).isTrue();
        assertThat(fs.get(1).string("a")).isEqualTo("1");
        assertThat(warnings).containsExactly(
                "x.geojson:3:1: features[1]: no geometry (\"geometry\": null); kept with an empty shape");
    }

    @Test
    void nullFeaturesAreSkippedAndNullPropertiesAreEmptyWithWarnings() {
        List<GeoFeature> fs = read(collection("null",
                "{\"type\":\"Feature\",\"properties\":null,\"geometry\":" + POLY + "}"));
        assertThat(fs).singleElement().satisfies(f -> {
            assertThat(f.index()).isEqualTo(1);
            assertThat(f.properties()).isEmpty();
        });
        assertThat(warnings).containsExactly(
                "x.geojson:2:1: features[0]: null instead of a feature; skipped",
                "x.geojson: 1 feature has \"properties\": null; read as no properties");
    }

    @Test
    void coordinatesNestedTooShallowOrTooDeepNameThePath() {
        assertThat(error(collection(feature(POLY), feature("{\"type\":\"Polygon\",\"coordinates\":" + SQUARE + "}"))))
                .isEqualTo("x.geojson:3:78: features[1].geometry.coordinates: Polygon coordinates nested too shallow:"
                        + " expected an array of rings (arrays of positions), found an array of positions");
        assertThat(error(collection(feature("{\"type\":\"Polygon\",\"coordinates\":[[" + SQUARE + "]]}"))))
                .startsWith("x.geojson:2:78: features[0].geometry.coordinates: Polygon coordinates nested too deep");
        assertThat(error(collection(feature("{\"type\":\"MultiPolygon\",\"coordinates\":[" + SQUARE + "]}"))))
                .startsWith("x.geojson:2:83: features[0].geometry.coordinates: MultiPolygon coordinates nested too"
                        + " shallow");
        assertThat(error(collection(feature(POLY), feature(polygon("[[30,50],[31,50],5,[30,51],[30,50]]")))))
                .isEqualTo("x.geojson:3:96: features[1].geometry.coordinates[0][2]: position must be an array of 2"
                        + " or more numbers");
        assertThat(error(collection(feature(polygon("[[30,50],[31,50],[31],[30,51],[30,50]]")))))
                .startsWith("x.geojson:2:96: features[0].geometry.coordinates[0][2]: position must be an array");
        assertThat(error(collection(feature(polygon("[[30,50],[31,50],[[31,51]],[30,51],[30,50]]")))))
                .startsWith("x.geojson:2:96: features[0].geometry.coordinates[0][2]: nested deeper");
        assertThat(error(collection(feature(polygon("[[30,50],[31,\"50\"],[31,51],[30,51],[30,50]]")))))
                .startsWith("x.geojson:2:88: features[0].geometry.coordinates[0][1]: position must");
    }

    /** Web Mercator metres of (lon, lat) degrees, spherical formulas (EPSG:3857), to write a fixture. */
    static double[] mercator(double lon, double lat) {
        double r = 6378137;
        return new double[] {Math.toRadians(lon) * r, r * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2))};
    }

    static String mercatorSquare() {
        StringBuilder sb = new StringBuilder("[[");
        double[][] ll = {{30, 50}, {31, 50}, {31, 51}, {30, 51}, {30, 50}};
        for (int i = 0; i < ll.length; i++) {
            double[] m = mercator(ll[i][0], ll[i][1]);
            sb.append(i == 0 ? "" : ",").append('[').append(m[0]).append(',').append(m[1]).append(']');
        }
        return sb.append("]]").toString();
    }

    @Test
    void aProjectedCrsIsReprojectedToLonLat() {
        String json = "{\"type\":\"FeatureCollection\",\n\"crs\":{\"type\":\"name\",\"properties\":"
                + "{\"name\":\"urn:ogc:def:crs:EPSG::3857\"}},\"features\":["
                + feature("{\"type\":\"Polygon\",\"coordinates\":" + mercatorSquare() + "}") + "]}";
        List<GeoFeature> fs = read(json);
        assertThat(fs).hasSize(1);
        org.locationtech.jts.geom.Envelope e = fs.get(0).geometry().getEnvelopeInternal();
        assertThat(e.getMinX()).isCloseTo(30, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(e.getMaxY()).isCloseTo(51, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(GeodesicArea.km2(fs.get(0).geometry())).isCloseTo(
                GeodesicArea.km2(read(collection(feature(POLY))).get(0).geometry()),
                org.assertj.core.data.Percentage.withPercentage(1e-4));
    }

    @Test
    void oldStyleEpsgCrsIsReadToo() {
        String crs = "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"EPSG\",\"properties\":{\"code\":%s}},"
                + "\"features\":[%s]}";
        assertThat(read(String.format(crs, "4326", feature(POLY)))).hasSize(1);
        assertThat(read(String.format(crs, "3857", feature("{\"type\":\"Polygon\",\"coordinates\":"
                + mercatorSquare() + "}"))).get(0).geometry().getEnvelopeInternal().getMinY())
                .isCloseTo(50, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void anUnknownOrLateCrsIsRefused() {
        String json = "{\"type\":\"FeatureCollection\",\n\"crs\":{\"type\":\"name\",\"properties\":"
                + "{\"name\":\"urn:ogc:def:crs:FOO::12\"}},\"features\":[" + feature(POLY) + "]}";
        assertThat(error(json)).startsWith("x.geojson:2:7: crs: crs urn:ogc:def:crs:FOO::12 is not a coordinate"
                + " system controlmap knows");
        String late = "{\"type\":\"FeatureCollection\",\"features\":[" + feature(POLY) + "],\n\"crs\":{\"type\":"
                + "\"name\",\"properties\":{\"name\":\"EPSG:3857\"}}}";
        assertThat(error(late)).startsWith("x.geojson:2:7: crs: crs EPSG:3857 comes after the coordinates");
    }

    @Test
    void aTruncatedStringSaysSo() {
        assertThat(error("{\"type\":\"Fea")).isEqualTo("x.geojson:1:13: type: unexpected end of file: a string is"
                + " not closed (truncated or unbalanced JSON)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:OGC::CRS84", "EPSG:4326",
            "urn:ogc:def:crs:EPSG::4326", "http://www.opengis.net/def/crs/OGC/1.3/CRS84"})
    void lonLatCrsNamesAreAccepted(String crs) {
        String json = "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":"
                + "{\"name\":\"" + crs + "\"}},\"features\":[" + feature(POLY) + "]}";
        assertThat(read(json)).hasSize(1);
    }

    @Test
    void coordinatesInMetresAreRejectedNamingTheFeature() {
        String metres = "[[3400000,6500000],[3500000,6500000],[3500000,6600000],[3400000,6500000]]";
        assertThat(error(collection(feature(POLY), feature(polygon(metres)))))
                .isEqualTo("x.geojson:3:80: features[1].geometry.coordinates[0][0]: coordinates outside"
                        + " longitude/latitude range (3400000, 6500000): this file looks projected (metres?);"
                        + " controlmap needs longitude/latitude in degrees (CRS84)");
        assertThat(error(collection(feature(polygon("[[30,50],[30,91],[31,51],[30,50]]")))))
                .startsWith("x.geojson:2:88: features[0].geometry.coordinates[0][1]: coordinates outside");
        assertThat(error(collection(feature(polygon("[[-180.5,50],[30,51],[31,51],[-180.5,50]]")))))
                .contains("features[0].geometry.coordinates[0][0]: coordinates outside");
    }

    @Test
    void swappedLatitudeAndLongitudeAroundUkraineIsWarned() {
        read(collection(feature(polygon("[[50,30],[50,31],[51,31],[51,30],[50,30]]"))));
        assertThat(warnings).singleElement().asString().startsWith("x.geojson: all coordinates lie at longitude 44..53,"
                + " latitude 22..41: are longitude and latitude swapped");
        warnings.clear();
        read(collection(feature(POLY)));
        assertThat(warnings).isEmpty();
    }

    // ---- geometry validity ------------------------------------------------------------------------

    @Test
    void ringsNeedFourPositionsAndToBeClosed() {
        assertThat(error(collection(feature(polygon("[[30,50],[31,50],[30,50]]")))))
                .isEqualTo("x.geojson:2:79: features[0].geometry.coordinates[0]: ring has 3 positions;"
                        + " a closed ring needs at least 4 (the last equal to the first)");
        assertThat(error(collection(feature(polygon(SQUARE, "[]")))))
                .contains("features[0].geometry.coordinates[1]: ring has 0 positions");
        assertThat(error(collection(feature(polygon("[[30,50],[31,50],[31,51],[30,51]]")))))
                .isEqualTo("x.geojson:2:79: features[0].geometry.coordinates[0]: ring is not closed:"
                        + " first position (30, 50) differs from last (30, 51)");
    }

    @Test
    void smallSelfIntersectionIsRepairedWithAWarningNamingTheSpot() {
        // a tiny twisted loop in the top edge of the square
        String ring = "[[30,50],[31,50],[31,51],[30.01,51],[30.02,51.01],[30.02,51],[30,51],[30,50]]";
        List<GeoFeature> fs = read(collection(feature(polygon(ring))));
        Geometry g = fs.get(0).geometry();
        assertThat(g.isValid()).isTrue();
        assertThat(warnings).singleElement().asString()
                .startsWith("x.geojson:2:46: features[0].geometry: Ring Self-intersection at 30.020000, 51.000000"
                        + " (lon, lat); repaired with JTS GeometryFixer, area changed by ");
        // the repair keeps the square and the little loop
        double square = GeodesicArea.m2(read(collection(feature(POLY))).get(0).geometry());
        assertThat(GeodesicArea.m2(g)).isGreaterThan(square);
    }

    @Test
    void overlappingPartsOfAMultiPolygonAreMergedWithAWarning() {
        String json = collection(feature("{\"type\":\"MultiPolygon\",\"coordinates\":[[" + SQUARE + "],"
                + "[[[30.995,50],[31.5,50],[31.5,51],[30.995,51],[30.995,50]]]]}"));
        Geometry g = read(json).get(0).geometry();
        assertThat(g.isValid()).isTrue();
        assertThat(g.getNumGeometries()).isEqualTo(1);
        assertThat(warnings).singleElement().asString().contains("features[0].geometry: ")
                .contains("repaired with JTS GeometryFixer, area changed by -0.33");
    }

    @Test
    void aBowTieWhoseRepairChangesTheAreaIsAnError() {
        assertThat(error(collection(feature(polygon("[[30,50],[31,51],[31,50],[30,51],[30,50]]")))))
                .startsWith("x.geojson:2:46: features[0].geometry: Self-intersection at 30.500000, 50.500000"
                        + " (lon, lat); repairing it would change the area from ")
                .endsWith("more than the 1 % a repair may change; fix the shape in the source");
    }

    @Test
    void aShapeThatCollapsesIsAnError() {
        assertThat(error(collection(feature(polygon("[[30,50],[31,50],[32,50],[30,50]]")))))
                .startsWith("x.geojson:2:46: features[0].geometry: ")
                .endsWith("repairing it leaves no area (the shape collapses); fix the shape in the source");
    }

    @Test
    void antimeridianCrossingIsAnError() {
        assertThat(error(collection(feature(polygon("[[179,50],[-179,50],[-179,51],[179,51],[179,50]]")))))
                .isEqualTo("x.geojson:2:79: features[0].geometry.coordinates[0]: ring spans 358° of longitude:"
                        + " it crosses the antimeridian, which controlmap does not support (split it at ±180°)");
    }

    @Test
    void emptyGeometriesAndEmptyMembersAreEmptyWithWarnings() {
        List<GeoFeature> fs = read(collection(feature(POLY),
                feature("{\"type\":\"Polygon\",\"coordinates\":[]}"),
                feature("{\"type\":\"MultiPolygon\",\"coordinates\":[[],[" + SQUARE + "]]}")));
        assertThat(fs).hasSize(3);
        assertThat(fs.get(1).geometry().isEmpty()).isTrue();
        assertThat(fs.get(2).geometry().getNumGeometries()).isEqualTo(1);
        assertThat(warnings).containsExactly(
                "x.geojson:3:46: features[1].geometry: empty Polygon; kept with an empty shape",
                "x.geojson:4:84: features[2].geometry.coordinates[0]: EMPTY member of a MultiPolygon; ignored");
    }

    @Test
    void nonPolygonFeaturesAreSkippedWithAWarning() {
        List<GeoFeature> fs = read(collection(feature("{\"type\":\"Point\",\"coordinates\":[30,50]}"),
                feature(POLY),
                feature("{\"type\":\"GeometryCollection\",\"geometries\":[" + POLY
                        + ",{\"type\":\"LineString\",\"coordinates\":[[30,50],[31,50]]}]}")));
        assertThat(fs).extracting(GeoFeature::index).containsExactly(1, 2);
        assertThat(warnings).containsExactly(
                "x.geojson:2:46: features[0]: Point is not a polygon; feature skipped",
                "x.geojson:4:46: features[2].geometry: LineString in a GeometryCollection dropped;"
                        + " only polygons are kept");
    }

    @Test
    void aFileWithoutPolygonsIsAnErrorCountingWhatItHas() {
        assertThat(error(collection(feature("{\"type\":\"Point\",\"coordinates\":[30,50]}"),
                feature("{\"type\":\"Point\",\"coordinates\":[31,50]}"),
                feature("{\"type\":\"LineString\",\"coordinates\":[[30,50],[31,50]]}"),
                "{\"type\":\"Feature\",\"properties\":{},\"geometry\":null}")))
                .isEqualTo("x.geojson: no polygons (found 4 features: 2 Point, 1 LineString, 1 without geometry)");
        assertThat(error(collection())).isEqualTo("x.geojson: no polygons (found 0 features)");
        assertThat(error("{\"type\":\"Point\",\"coordinates\":[30,50]}"))
                .isEqualTo("x.geojson: no polygons (found 1 feature: 1 Point)");
    }

    @Test
    void aPointWithPolygonDepthIsAnError() {
        assertThat(error(collection(feature("{\"type\":\"Point\",\"coordinates\":[" + SQUARE + "]}"))))
                .contains("features[0].geometry.coordinates: Point coordinates nested too deep");
    }

    // ---- numbers ----------------------------------------------------------------------------------

    @Test
    void hugeAndOverlongNumbersAreRejectedBeforeGeometry() {
        assertThat(error(collection(feature(polygon("[[1e400,50],[31,50],[31,51],[1e400,50]]")))))
                .isEqualTo("x.geojson:2:80: features[0].geometry.coordinates[0][0]: number too large for a coordinate");
        String longNumber = "30." + "0".repeat(70) + "1";
        assertThat(error(collection(feature(polygon("[[" + longNumber + ",50],[31,50],[31,51],[30,50]]")))))
                .startsWith("x.geojson:2:").contains("features[0].geometry.coordinates[0][0][0]: number longer than 64");
    }

    // ---- size and resources -----------------------------------------------------------------------

    @Test
    void deepNestingIsCappedWithoutStackOverflow() {
        String deep = "{\"type\":\"Polygon\",\"coordinates\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertThat(error(deep)).startsWith("x.geojson:1:").contains("coordinates[0][0]")
                .endsWith("JSON nested deeper than 200 levels");
        String deepProps = collection("{\"type\":\"Feature\",\"geometry\":" + POLY + ",\"properties\":{\"a\":"
                + "[".repeat(300) + "]".repeat(300) + "}}");
        assertThat(error(deepProps)).endsWith("JSON nested deeper than 200 levels");
    }

    @Test
    void aFileLargerThanMaxBytesIsRefusedNamingTheSetting() {
        byte[] json = collection(feature(POLY)).getBytes(StandardCharsets.UTF_8);
        GeoJsonReader small = new GeoJsonReader(warnings::add, json.length - 1);
        assertThatThrownBy(() -> small.read(new ByteArrayInputStream(json), "x.geojson"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("x.geojson: larger than " + (json.length - 1) + " bytes of (uncompressed)"
                        + " JSON; the limit is ").hasMessageContaining("--max-input-mb N or CONTROLMAP_MAX_INPUT_MB=N");
        assertThat(new GeoJsonReader(warnings::add, json.length).read(new ByteArrayInputStream(json), "x"))
                .hasSize(1);
    }

    @Test
    void aGzipBombStopsOneBytePastTheCap() {
        // 64 MB of spaces compress to about 64 KB
        byte[] bomb = gzip(("{" + " ".repeat(64 * 1024 * 1024) + "}").getBytes(StandardCharsets.US_ASCII));
        assertThat(bomb.length).isLessThan(1024 * 1024);
        GeoJsonReader capped = new GeoJsonReader(warnings::add, 1_000_000);
        assertThatThrownBy(() -> capped.read(new ByteArrayInputStream(bomb), "bomb.geojson.gz"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("bomb.geojson.gz: larger than 1000000 bytes")
                .hasMessageContaining("CONTROLMAP_MAX_INPUT_MB");
    }

    @Test
    void cappedStreamDeliversAtMostOneBytePastTheCap() throws IOException {
        long[] pulled = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                pulled[0]++;
                return ' ';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                Arrays.fill(b, off, off + len, (byte) ' ');
                pulled[0] += len;
                return len;
            }
        };
        CappedInputStream capped = new CappedInputStream(endless, 1000);
        byte[] buf = new byte[300];
        assertThatThrownBy(() -> {
            while (capped.read(buf, 0, buf.length) >= 0) {
                // keep reading
            }
        }).isInstanceOf(CappedInputStream.CapExceeded.class);
        assertThat(pulled[0]).isEqualTo(1001);
    }

    @Test
    void truncatedGzipIsAnErrorNotAShortRead() {
        byte[] gz = gzip(collection(feature(POLY), feature(POLY)).getBytes(StandardCharsets.UTF_8));
        byte[] cut = Arrays.copyOf(gz, gz.length - 12);
        assertThat(error(cut)).startsWith("x.geojson: gzip data is truncated or corrupt");
        byte[] noTrailer = Arrays.copyOf(gz, gz.length - 4);
        assertThat(error(noTrailer)).startsWith("x.geojson: gzip data is truncated or corrupt");
    }

    @Test
    void emptyFilesAreAnError() {
        assertThat(error("")).isEqualTo("x.geojson: empty file");
        assertThat(error(" \n\t ")).isEqualTo("x.geojson: empty file");
        assertThat(error(gzip(new byte[0]))).isEqualTo("x.geojson: empty file");
    }

    @Test
    void missingFilesAndDirectoriesAreErrors(@TempDir Path dir) {
        GeoJsonReader r = new GeoJsonReader(warnings::add);
        Path missing = dir.resolve("nope.geojson");
        assertThatThrownBy(() -> r.read(missing)).isInstanceOf(InputException.class)
                .hasMessage(missing + ": no such file");
        assertThatThrownBy(() -> r.read(dir)).isInstanceOf(InputException.class)
                .hasMessage(dir + ": is a directory, not a GeoJSON file");
    }

    @Test
    void warningsAreCappedPerFile() {
        String[] nulls = new String[GeoJsonReader.MAX_WARNINGS + 5];
        Arrays.fill(nulls, "null");
        String[] all = Arrays.copyOf(nulls, nulls.length + 1);
        all[nulls.length] = feature(POLY);
        read(collection(all));
        assertThat(warnings).hasSize(GeoJsonReader.MAX_WARNINGS + 1);
        assertThat(warnings.get(warnings.size() - 1)).isEqualTo("x.geojson: 5 more warnings not shown");
    }
}
