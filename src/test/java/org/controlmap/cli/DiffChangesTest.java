package org.controlmap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.controlmap.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.extension.rtree.RTreeIndexExtension;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import org.controlmap.control.measure.ChangeAreas;
import org.controlmap.geodata.GeoFeature;
import org.controlmap.geodata.GeoJsonReader;
import org.controlmap.geodata.GeodesicArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBReader;

/** {@code diff --changes FILE.geojson|.gpkg}: one feature per area that changed hands. */
class DiffChangesTest {
    @TempDir
    Path dir;

    private Path box(String name, double west, double east) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[" + west + ",47.8],["
                + east + ",47.8],[" + east + ",48.5],[" + west + ",48.5],[" + west + ",47.8]]]}}]}");
        return p;
    }

    /** The diff table's gained and regained km² per ISO. */
    private static Map<String, double[]> table(String csv) {
        Map<String, double[]> m = new HashMap<>();
        for (String l : csv.lines().skip(1).toList()) {
            String[] c = l.split(",", -1);
            m.put(c[0], new double[] {Double.parseDouble(c[2]), Double.parseDouble(c[3])});
        }
        return m;
    }

    @Test
    void geoJsonHasAFeaturePerChangedAreaAddingUpToTheTable() throws IOException {
        // The box moves east: a strip gained in the east, a strip lost in the west.
        Path a = box("front_20241101.geojson", 37.5, 38.5);
        Path b = box("front_20241120.geojson", 37.7, 38.7);
        Path out = dir.resolve("changes.geojson");
        CliRun r = run("diff", "--from", a.toString(), "--to", b.toString(), "--changes", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, double[]> t = table(r.out());

        List<GeoFeature> fs = new GeoJsonReader(w -> { }).read(out);
        assertThat(fs).isNotEmpty();
        Map<String, Double> sum = new HashMap<>();
        List<String> kinds = new ArrayList<>();
        for (GeoFeature f : fs) {
            assertThat(new ArrayList<>(f.properties().keySet())).isEqualTo(ChangeAreas.COLUMNS);
            assertThat(f.geometry().isValid()).isTrue();
            assertThat(f.string("controller")).isEqualTo("RU");
            assertThat(f.string("from_date")).isEqualTo("2024-11-01");
            assertThat(f.string("to_date")).isEqualTo("2024-11-20");
            double km2 = ((Number) f.properties().get("area_km2")).doubleValue();
            assertThat(GeodesicArea.km2(f.geometry())).isCloseTo(km2, within(0.01));
            sum.merge(f.string("change"), km2, Double::sum);
            kinds.add(f.string("change"));
            // The region named is one the table has a change in.
            assertThat(t).containsKey(f.string("iso_3166_2"));
        }
        assertThat(kinds).containsSubsequence("gained", "lost");
        assertThat(kinds.indexOf("lost")).isGreaterThan(kinds.lastIndexOf("gained"));
        double[] ua = t.get("UA");
        double[] outside = t.getOrDefault("outside", new double[2]);
        assertThat(sum.get("gained")).isPositive().isCloseTo(ua[0] + outside[0], within(0.01));
        assertThat(sum.get("lost")).isPositive().isCloseTo(ua[1] + outside[1], within(0.01));

        // Same input, same bytes; the table still goes to stdout.
        Path again = dir.resolve("again.geojson");
        CliRun r2 = run("diff", "--from", a.toString(), "--to", b.toString(), "--changes", again.toString());
        assertThat(r2.out()).isEqualTo(r.out());
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(out));
    }

    @Test
    void geoPackageHasOneIndexedLayerInWgs84() throws Exception {
        Path a = box("front_20241101.geojson", 37.5, 38.5);
        Path b = box("front_20241120.geojson", 37.7, 38.7);
        Path gj = dir.resolve("changes.geojson");
        Path gpkg = dir.resolve("changes.gpkg");
        Path csv = dir.resolve("changes.csv");
        assertThat(run("diff", "--from", a.toString(), "--to", b.toString(), "--changes", gj.toString()).code())
                .isZero();
        CliRun r = run("diff", "--from", a.toString(), "--to", b.toString(), "--changes", gpkg.toString(),
                "-o", csv.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(csv).exists();
        JsonNode features = new ObjectMapper().readTree(gj.toFile()).get("features");
        try (GeoPackage gp = GeoPackageManager.open(false, gpkg.toFile())) {
            assertThat(gp.getFeatureTables()).containsExactly("changes");
            FeatureDao dao = gp.getFeatureDao("changes");
            assertThat(dao.getSrs().getOrganization()).isEqualToIgnoringCase("EPSG");
            assertThat(dao.getSrs().getOrganizationCoordsysId()).isEqualTo(4326);
            assertThat(new RTreeIndexExtension(gp).has("changes")).isTrue();
            List<String> cols = new ArrayList<>(Arrays.asList(dao.getTable().getColumnNames()));
            cols.removeAll(List.of("fid", "geom"));
            assertThat(cols).isEqualTo(ChangeAreas.COLUMNS);
            FeatureResultSet rs = dao.queryForAll();
            int i = 0;
            try {
                while (rs.moveToNext()) {
                    JsonNode f = features.get(i++);
                    assertThat(rs.getRow().getValue("change")).isEqualTo(f.at("/properties/change").asText());
                    assertThat(rs.getRow().getValue("area_km2")).isEqualTo(f.at("/properties/area_km2").asDouble());
                    Geometry g = new WKBReader().read(rs.getRow().getGeometry().getWkb());
                    assertThat(g.isValid()).isTrue();
                }
            } finally {
                rs.close();
            }
            assertThat(i).isEqualTo(features.size());
        }
    }

    @Test
    void changesNeedAGisNameAndAFailedRunWritesNoFile() throws IOException {
        Path a = box("front_20241101.geojson", 37.5, 38.5);
        Path b = box("front_20241120.geojson", 37.7, 38.7);
        Path shp = dir.resolve("changes.shp");
        CliRun r = run("diff", "--from", a.toString(), "--to", b.toString(), "--changes", shp.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains("changes.shp").contains(".geojson or .gpkg");
        assertThat(shp).doesNotExist();

        // A snapshot that cannot be read: the old change file stays, no temporary file is left.
        Path changes = dir.resolve("changes.gpkg");
        Files.writeString(changes, "previous");
        Path bad = dir.resolve("bad.geojson");
        Files.writeString(bad, "{\"type\":\"FeatureCollection\",\"features\":[");
        CliRun broken = run("diff", "--from", a.toString(), "--to", bad.toString(), "--changes", changes.toString());
        assertThat(broken.code()).isEqualTo(2);
        assertThat(Files.readString(changes)).isEqualTo("previous");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "front_20241101.geojson", "front_20241120.geojson", "bad.geojson", "changes.gpkg");
        }
    }

    @Test
    void csvHasARowPerAreaWithItsCentroidAndTownsAndTheMapLabelsTheLargest() throws IOException {
        // Gained: a strip in the east and, apart from it, a small square of under 1 km² (left out).
        Path a = box("front_20241101.geojson", 37.5, 38.5);
        Path b = dir.resolve("front_20241120.geojson");
        Files.writeString(b, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{},\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[[[[37.5,47.8],"
                + "[38.7,47.8],[38.7,48.5],[37.5,48.5],[37.5,47.8]]],[[[37.0,48.0],[37.005,48.0],[37.005,48.005],"
                + "[37.0,48.005],[37.0,48.0]]]]}}]}");
        Path csv = dir.resolve("changes.csv");
        Path gj = dir.resolve("changes.geojson");
        Path svg = dir.resolve("change.svg");
        CliRun r = run("diff", "--from", a.toString(), "--to", b.toString(), "--changes", csv.toString(), "-o",
                svg.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(run("diff", "--from", a.toString(), "--to", b.toString(), "--changes", gj.toString()).code())
                .isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo(String.join(",", ChangeAreas.COLUMNS));
        List<GeoFeature> fs = new GeoJsonReader(w -> { }).read(gj);
        assertThat(lines).hasSize(fs.size() + 1);
        assertThat(fs).hasSize(1); // the strip; the square of 0.2 km² is left out
        GeoFeature f = fs.get(0);
        assertThat(f.string("change")).isEqualTo("gained");
        double lon = ((Number) f.properties().get("centroid_lon")).doubleValue();
        double lat = ((Number) f.properties().get("centroid_lat")).doubleValue();
        assertThat(lon).isCloseTo(38.6, within(0.01));
        assertThat(lat).isCloseTo(48.15, within(0.01));
        String near = f.string("near");
        assertThat(near.split(", ")).hasSizeBetween(1, 3);
        // The CSV row says the same as the feature, the towns quoted as one field.
        assertThat(lines.get(1)).contains(",\"" + near + "\",").startsWith("gained,RU,"
                + f.properties().get("area_km2") + ",");

        // The map labels the area with its km² and the first town.
        String map = Files.readString(svg);
        long km2 = Math.round(((Number) f.properties().get("area_km2")).doubleValue());
        assertThat(map).contains("+" + String.format(java.util.Locale.ROOT, "%,d", km2) + " km² near "
                + near.split(", ")[0]);
        assertThat(map).contains("data-near=\"" + near + "\"");
    }
}
