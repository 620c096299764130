package org.controlmap.control.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.controlmap.control.Attribution;
import org.controlmap.control.Controller;
import org.controlmap.geodata.FeatureFiles;
import org.controlmap.geodata.FeatureSelection;
import org.controlmap.geodata.FormatWriters;
import org.controlmap.geodata.FormatWriters.Shape;
import org.controlmap.InputException;
import org.controlmap.region.RegionCatalogue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * The same polygons written as GeoJSON, KML, KMZ, GeoPackage and FlatGeobuf (also in EPSG:3857) measure the
 * same km² per region, and --where picks features in each.
 */
class ControlFormatsTest {

    private static final GeometryFactory GF = new GeometryFactory();
    private static ControlOverlay overlay;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        overlay = ControlOverlay.of(RegionCatalogue.bundled());
    }

    /** A polygon from lon/lat pairs, closed; holes given as further arrays. */
    static Polygon poly(double[] shell, double[]... holes) {
        LinearRing[] hs = new LinearRing[holes.length];
        for (int i = 0; i < holes.length; i++) {
            hs[i] = ring(holes[i]);
        }
        return GF.createPolygon(ring(shell), hs);
    }

    private static LinearRing ring(double[] xy) {
        Coordinate[] cs = new Coordinate[xy.length / 2 + 1];
        for (int i = 0; i < xy.length / 2; i++) {
            cs[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
        }
        cs[cs.length - 1] = cs[0];
        return GF.createLinearRing(cs);
    }

    /** Three features over Donetsk, Zaporizhzhia, Kherson and Luhansk: one with a hole, one a MultiPolygon. */
    static List<Shape> shapes() {
        List<Shape> s = new ArrayList<>();
        s.add(new Shape(props("Occupied", "RU"), poly(new double[] {37.2, 47.3, 38.9, 47.2, 39.6, 48.3, 38.1, 48.9,
                37.0, 48.4}, new double[] {37.8, 47.8, 38.3, 47.8, 38.2, 48.2})));
        s.add(new Shape(props("Occupied", "RU"), GF.createMultiPolygon(new Polygon[] {
            poly(new double[] {34.9, 46.6, 36.4, 46.7, 36.2, 47.4, 35.0, 47.3}),
            poly(new double[] {33.2, 46.2, 34.0, 46.1, 34.2, 46.7, 33.4, 46.8})})));
        s.add(new Shape(props("Contested", "RU"), poly(new double[] {38.5, 48.9, 39.2, 48.9, 39.2, 49.3,
                38.5, 49.3})));
        return s;
    }

    private static Map<String, String> props(String name, String side) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("side", side);
        return m;
    }

    private double[] km2(Path file, FeatureSelection sel) {
        List<String> warnings = new ArrayList<>();
        Geometry held = ControlPolygons.of(ControlPolygons.readDocument(file, sel, warnings::add).features(),
                Controller.RU, file.toString()).held(Controller.RU);
        assertThat(warnings).isEmpty();
        Booking b = overlay.book(held, Controller.RU, MeasureOptions.defaults().withAttribution(Attribution.CLIP),
                true, file.toString());
        double[] out = new double[b.inside().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.heldKm2(i);
        }
        return out;
    }

    private Map<String, Path> writeAll(List<Shape> shapes) throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        Path gj = dir.resolve("held.geojson");
        FormatWriters.geoJson(gj, shapes);
        files.put("geojson", gj);
        Path kml = dir.resolve("held.kml");
        String text = FormatWriters.kml("Held 2024-11-20", shapes);
        Files.writeString(kml, text);
        files.put("kml", kml);
        Path kmz = dir.resolve("held.kmz");
        FormatWriters.zip(kmz, Map.of("doc.kml", text));
        files.put("kmz", kmz);
        Path gpkg = dir.resolve("held.gpkg");
        FormatWriters.gpkg(gpkg, "held", shapes, 4326);
        files.put("gpkg", gpkg);
        Path gpkg3857 = dir.resolve("held-3857.gpkg");
        FormatWriters.gpkg(gpkg3857, "held", shapes, 3857);
        files.put("gpkg 3857", gpkg3857);
        Path fgb = dir.resolve("held.fgb");
        FormatWriters.fgb(fgb, "held", shapes, 4326);
        files.put("fgb", fgb);
        Path fgb3857 = dir.resolve("held-3857.fgb");
        FormatWriters.fgb(fgb3857, "held", shapes, 3857);
        files.put("fgb 3857", fgb3857);
        return files;
    }

    @Test
    void everyFormatGivesTheSameKm2PerRegion() throws IOException {
        Map<String, Path> files = writeAll(shapes());
        double[] expected = km2(files.get("geojson"), FeatureSelection.ALL);
        int regionsHeld = 0;
        for (double v : expected) {
            regionsHeld += v > 1 ? 1 : 0;
        }
        assertThat(regionsHeld).as("the fixture spans several regions").isGreaterThanOrEqualTo(3);
        for (Map.Entry<String, Path> e : files.entrySet()) {
            double[] got = km2(e.getValue(), FeatureSelection.ALL);
            for (int i = 0; i < expected.length; i++) {
                assertThat(Math.abs(got[i] - expected[i])).as(e.getKey() + " region " + i)
                        .isLessThanOrEqualTo(1e-6 * Math.max(expected[i], 1e-3));
            }
        }
    }

    @Test
    void formatsAreFoundFromContentNotName() throws IOException {
        Map<String, Path> files = writeAll(shapes());
        Path renamed = dir.resolve("renamed.geojson");
        Files.copy(files.get("gpkg"), renamed);
        assertThat(FeatureFiles.formatOf(renamed)).isEqualTo(FeatureFiles.Format.GEOPACKAGE);
        Path kmlAsTxt = dir.resolve("held.data");
        Files.copy(files.get("kml"), kmlAsTxt);
        assertThat(FeatureFiles.formatOf(kmlAsTxt)).isEqualTo(FeatureFiles.Format.KML);
        assertThat(FeatureFiles.formatOf(files.get("fgb"))).isEqualTo(FeatureFiles.Format.FLATGEOBUF);
        assertThat(FeatureFiles.formatOf(files.get("kmz"))).isEqualTo(FeatureFiles.Format.KMZ);
    }

    @Test
    void propertiesAndNamesComeThroughInEveryFormat() throws IOException {
        Map<String, Path> files = writeAll(shapes());
        for (Map.Entry<String, Path> e : files.entrySet()) {
            var doc = ControlPolygons.readDocument(e.getValue(), FeatureSelection.ALL, w -> { });
            assertThat(doc.features()).as(e.getKey()).hasSize(3);
            assertThat(doc.features().get(2).string("name")).as(e.getKey()).isEqualTo("Contested");
            assertThat(doc.features().get(0).string("side")).as(e.getKey()).isEqualTo("RU");
        }
        var kml = ControlPolygons.readDocument(files.get("kml"), FeatureSelection.ALL, w -> { });
        assertThat(kml.members()).containsEntry("name", "Held 2024-11-20");
        assertThat(kml.features().get(0).properties()).containsEntry("styleUrl", "#ru")
                .containsEntry("folder", "Areas");
        assertThat(ControlPolygons.readDocument(files.get("gpkg"), FeatureSelection.ALL, w -> { }).members())
                .containsEntry("name", "held");
    }

    @Test
    void whereSelectsTheSameFeaturesInEveryFormat() throws IOException {
        Map<String, Path> files = writeAll(shapes());
        List<Shape> occupied = shapes().subList(0, 2);
        Path only = dir.resolve("only-occupied.geojson");
        FormatWriters.geoJson(only, occupied);
        double[] expected = km2(only, FeatureSelection.ALL);
        double[] all = km2(files.get("geojson"), FeatureSelection.ALL);
        assertThat(sum(expected)).isLessThan(sum(all) - 1000);
        for (String where : List.of("name=Occupied", "name=occupied", "name!=Contested", "name~CUPI")) {
            for (Map.Entry<String, Path> e : files.entrySet()) {
                double[] got = km2(e.getValue(), FeatureSelection.parse(null, List.of(where)));
                assertThat(sum(got)).as(e.getKey() + " " + where).isCloseTo(sum(expected),
                        org.assertj.core.data.Percentage.withPercentage(1e-4));
            }
        }
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    @Test
    void whereOnAnUnknownPropertyNamesTheOnesThereAre() throws IOException {
        Map<String, Path> files = writeAll(shapes());
        assertThatThrownBy(() -> km2(files.get("kml"), FeatureSelection.parse(null, List.of("Name=Occupied"))))
                .isInstanceOf(InputException.class)
                .hasMessage(files.get("kml") + ": --where Name=Occupied: no feature has a property \"Name\"; its"
                        + " features have \"folder\", \"name\", \"side\", \"styleUrl\"");
        assertThatThrownBy(() -> km2(files.get("gpkg"), FeatureSelection.parse(null, List.of("name=Liberated"))))
                .hasMessage(files.get("gpkg") + ": --where name=Liberated selects none of its 3 features (name is"
                        + " \"Contested\", \"Occupied\")");
        assertThatThrownBy(() -> FeatureSelection.parse(null, List.of("=x")))
                .hasMessageStartingWith("--where =x: write PROPERTY=VALUE");
    }

    @Test
    void aGeoPackageWithSeveralTablesNeedsALayer() throws Exception {
        Path gpkg = dir.resolve("two.gpkg");
        FormatWriters.gpkg(gpkg, "russia", shapes().subList(0, 1), 4326);
        try (var gp = mil.nga.geopackage.GeoPackageManager.open(gpkg.toFile())) {
            FormatWriters.addTable(gp, "ukraine", shapes().subList(2, 3), 4326);
        }
        assertThatThrownBy(() -> km2(gpkg, FeatureSelection.ALL))
                .hasMessage(gpkg + ": 2 feature tables (russia, ukraine); choose one with --layer NAME");
        assertThat(sum(km2(gpkg, FeatureSelection.parse("ukraine", List.of())))).isGreaterThan(1000);
        assertThatThrownBy(() -> km2(gpkg, FeatureSelection.parse("poland", List.of())))
                .hasMessage(gpkg + ": no feature table \"poland\" (--layer); it has russia, ukraine");
    }

    @Test
    void kmlOddities() throws IOException {
        // unclosed ring (closed with a warning), a Point placemark skipped, entities refused
        String kml = "<kml><Document><Placemark><name>p</name><Point><coordinates>30,50</coordinates></Point>"
                + "</Placemark><Placemark><Polygon><outerBoundaryIs><LinearRing><coordinates>30,50 31,50 31,51"
                + "</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></Document></kml>";
        Path f = dir.resolve("odd.kml");
        Files.writeString(f, kml);
        List<String> warnings = new ArrayList<>();
        var doc = ControlPolygons.readDocument(f, FeatureSelection.ALL, warnings::add);
        assertThat(doc.features()).hasSize(1);
        assertThat(doc.features().get(0).index()).isEqualTo(1);
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).startsWith(f + ":1:").contains("Placemark 0 (\"p\"): Point is not a polygon");
        assertThat(warnings.get(1)).contains("LinearRing not closed");

        Path xxe = dir.resolve("xxe.kml");
        Files.writeString(xxe, "<?xml version=\"1.0\"?>\n<!DOCTYPE kml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<kml><Document><name>&x;</name></Document></kml>");
        assertThatThrownBy(() -> ControlPolygons.readDocument(xxe, FeatureSelection.ALL, w -> { }))
                .isInstanceOf(InputException.class).hasMessageStartingWith(xxe + ":3:")
                .hasMessageNotContaining("root:");
    }
}
