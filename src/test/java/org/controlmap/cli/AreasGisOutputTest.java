package org.controlmap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.controlmap.cli.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.extension.rtree.RTreeIndexExtension;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import org.controlmap.geodata.GeoFeature;
import org.controlmap.geodata.GeoJsonReader;
import org.controlmap.geodata.GeodesicArea;
import org.controlmap.table.AreaColumns;
import org.controlmap.table.TableFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/** {@code areas --control FILE -o held.gpkg|held.geojson}: the measured geometry with the CSV's columns. */
class AreasGisOutputTest {
    @TempDir
    Path dir;

    /** A box over the Donbas: parts of Donetsk and Luhansk held, a front line where it meets free ground. */
    private Path box() throws IOException {
        Path control = dir.resolve("front_20241120.geojson");
        Files.writeString(control, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[37.5,47.5],"
                + "[39.3,47.5],[39.3,49.0],[37.5,49.0],[37.5,47.5]]]}}]}");
        return control;
    }

    /** The CSV of the same run: header, and per iso_3166_2 its cells by column name. */
    private static Map<String, Map<String, String>> csv(String text) {
        List<String> lines = text.lines().toList();
        List<String> header = Arrays.asList(lines.get(0).split(","));
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] cells = l.split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), cells[i]);
            }
            rows.put(cells[0], row);
        }
        return rows;
    }

    /** A CSV cell as a number; null when empty. */
    private static Double num(String cell) {
        return cell.isEmpty() ? null : Double.valueOf(cell);
    }

    /** A GeoJSON property as a number; null when null. */
    private static Double num(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    private record GpkgRow(Map<String, Object> values, Geometry geometry) {
    }

    private record GpkgTable(List<String> columns, int srsId, String organization, long code, boolean rtree,
            List<GpkgRow> rows) {
    }

    private static Map<String, GpkgTable> readGpkg(Path file) throws ParseException, IOException {
        Map<String, GpkgTable> tables = new LinkedHashMap<>();
        try (GeoPackage gp = GeoPackageManager.open(false, file.toFile())) {
            RTreeIndexExtension rtree = new RTreeIndexExtension(gp);
            for (String t : gp.getFeatureTables()) {
                FeatureDao dao = gp.getFeatureDao(t);
                SpatialReferenceSystem srs = dao.getSrs();
                List<String> cols = new ArrayList<>(Arrays.asList(dao.getTable().getColumnNames()));
                cols.remove(dao.getTable().getPkColumnName());
                cols.remove(dao.getGeometryColumnName());
                List<GpkgRow> rows = new ArrayList<>();
                FeatureResultSet rs = dao.queryForAll();
                try {
                    while (rs.moveToNext()) {
                        FeatureRow r = rs.getRow();
                        Map<String, Object> v = new LinkedHashMap<>();
                        for (String c : cols) {
                            v.put(c, r.getValue(c));
                        }
                        Geometry g = r.getGeometry() == null ? null : new WKBReader().read(r.getGeometry().getWkb());
                        rows.add(new GpkgRow(v, g));
                    }
                } finally {
                    rs.close();
                }
                tables.put(t, new GpkgTable(cols, (int) srs.getSrsId(), srs.getOrganization(),
                        srs.getOrganizationCoordsysId(), rtree.has(t), rows));
            }
        }
        return tables;
    }

    @Test
    void geoPackageHasALayerPerKindWithTheCsvColumnsAndNumbers() throws Exception {
        Path control = box();
        CliRun table = run("areas", "--control", control.toString(), "--attribution", "clip");
        assertThat(table.code()).as(table.err()).isZero();
        Map<String, Map<String, String>> csv = csv(table.out());
        List<String> header = Arrays.asList(table.out().lines().findFirst().orElseThrow().split(","));

        Path gpkg = dir.resolve("held.gpkg");
        CliRun r = run("areas", "--control", control.toString(), "--attribution", "clip", "-o", gpkg.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        Map<String, GpkgTable> tables = readGpkg(gpkg);
        assertThat(tables.keySet()).containsExactlyInAnyOrder("held_ground", "front_line");
        for (GpkgTable t : tables.values()) {
            assertThat(t.columns()).isEqualTo(header).isEqualTo(AreaColumns.KEYS);
            assertThat(t.organization()).isEqualToIgnoringCase("EPSG");
            assertThat(t.code()).isEqualTo(4326);
            assertThat(t.rtree()).as("spatial index").isTrue();
            for (GpkgRow row : t.rows()) {
                assertThat(row.geometry().isValid()).as(row.values().get("iso_3166_2").toString()).isTrue();
            }
        }

        GpkgTable held = tables.get("held_ground");
        List<String> heldIsos = held.rows().stream().map(x -> (String) x.values().get("iso_3166_2")).toList();
        List<String> csvHeld = csv.values().stream().filter(c -> !c.get("controller").isEmpty()
                && !c.get("iso_3166_2").equals("UA")).map(c -> c.get("iso_3166_2")).toList();
        assertThat(heldIsos).isEqualTo(csvHeld).contains("UA-14", "UA-09", "outside");
        for (GpkgRow row : held.rows()) {
            Map<String, String> c = csv.get((String) row.values().get("iso_3166_2"));
            assertThat(row.geometry()).isInstanceOf(MultiPolygon.class);
            double km2 = (Double) row.values().get("controlled_km2");
            assertThat(km2).isEqualTo(Double.parseDouble(c.get("controlled_km2")));
            assertThat(row.values().get("name")).isEqualTo(c.get("name"));
            assertThat(row.values().get("controller")).isEqualTo(c.get("controller"));
            assertThat((Double) row.values().get("controlled_pct")).isEqualTo(num(c.get("controlled_pct")));
            assertThat((Double) row.values().get("area_km2")).isEqualTo(num(c.get("area_km2")));
            assertThat(row.values().get("front_km")).isNull();
            // The geometry is what was measured: its own geodesic area is the row's km² (clip attribution).
            assertThat(GeodesicArea.km2(row.geometry())).isCloseTo(km2, within(0.001));
        }

        GpkgTable front = tables.get("front_line");
        assertThat(front.rows()).hasSize(1);
        GpkgRow f = front.rows().get(0);
        assertThat(f.values().get("iso_3166_2")).isEqualTo("UA");
        assertThat(f.geometry()).isInstanceOf(MultiLineString.class);
        assertThat(f.geometry().isEmpty()).isFalse();
        assertThat((Double) f.values().get("front_km")).isEqualTo(Double.parseDouble(csv.get("UA").get("front_km")))
                .isPositive();
        assertThat((Double) f.values().get("controlled_km2"))
                .isEqualTo(Double.parseDouble(csv.get("UA").get("controlled_km2")));

        // Same input, same content (rows, order, values, geometry).
        Path again = dir.resolve("again.gpkg");
        assertThat(run("areas", "--control", control.toString(), "--attribution", "clip", "-o", again.toString())
                .code()).isZero();
        Map<String, GpkgTable> second = readGpkg(again);
        assertThat(second.keySet()).isEqualTo(tables.keySet());
        for (String t : tables.keySet()) {
            List<GpkgRow> a = tables.get(t).rows();
            List<GpkgRow> b = second.get(t).rows();
            assertThat(b).hasSameSizeAs(a);
            for (int i = 0; i < a.size(); i++) {
                assertThat(b.get(i).values()).isEqualTo(a.get(i).values());
                assertThat(b.get(i).geometry().equalsExact(a.get(i).geometry())).isTrue();
            }
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(control.getFileName().toString(), "held.gpkg", "again.gpkg");
        }
    }

    @Test
    void geoJsonReadsBackWithTheCsvNumbers() throws IOException {
        Path control = box();
        CliRun table = run("areas", "--control", control.toString());
        assertThat(table.code()).as(table.err()).isZero();
        Map<String, Map<String, String>> csv = csv(table.out());

        Path out = dir.resolve("held.geojson");
        CliRun r = run("areas", "--control", control.toString(), "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        // The project's reader takes the polygons (the held ground) and skips the front line with a warning.
        List<String> warnings = new ArrayList<>();
        List<GeoFeature> fs = new GeoJsonReader(warnings::add).read(out);
        assertThat(warnings).hasSize(1).allMatch(w -> w.contains("not a polygon"));
        List<String> csvHeld = csv.values().stream().filter(c -> !c.get("controller").isEmpty()
                && !c.get("iso_3166_2").equals("UA")).map(c -> c.get("iso_3166_2")).toList();
        assertThat(fs.stream().map(f -> f.string("iso_3166_2")).toList()).isEqualTo(csvHeld).contains("UA-14");
        for (GeoFeature f : fs) {
            assertThat(new ArrayList<>(f.properties().keySet())).isEqualTo(AreaColumns.KEYS);
            Map<String, String> c = csv.get(f.string("iso_3166_2"));
            for (String col : List.of("area_km2", "controlled_km2", "controlled_pct", "mismatch_km2", "front_km")) {
                assertThat(num(f.properties().get(col))).as(col).isEqualTo(num(c.get(col)));
            }
            assertThat(f.string("controller")).isEqualTo(c.get("controller"));
            assertThat(f.geometry().isValid()).isTrue();
        }
        JsonNode all = new ObjectMapper().readTree(out.toFile()).get("features");
        assertThat(all.size()).isEqualTo(fs.size() + 1);
        JsonNode last = all.get(all.size() - 1);
        assertThat(last.at("/properties/iso_3166_2").asText()).isEqualTo("UA");
        assertThat(last.at("/geometry/type").asText()).isEqualTo("MultiLineString");
        assertThat(last.at("/properties/front_km").asDouble()).isEqualTo(num(csv.get("UA").get("front_km")))
                .isPositive();
        assertThat(last.at("/properties/controlled_km2").asDouble())
                .isEqualTo(num(csv.get("UA").get("controlled_km2")));
        // Byte for byte the same on a second run.
        Path again = dir.resolve("again.geojson");
        assertThat(run("areas", "--control", control.toString(), "-o", again.toString()).code()).isZero();
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(out));
    }

    @Test
    void geometryOutputNeedsControlPolygonsAndAFailedRunLeavesTheFileAlone() throws IOException {
        Path gpkg = dir.resolve("held.gpkg");
        CliRun r = run("areas", "-o", gpkg.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains("held.gpkg").contains("--control");
        assertThat(gpkg).doesNotExist();

        Files.writeString(gpkg, "previous");
        Path bad = dir.resolve("bad.geojson");
        Files.writeString(bad, "{\"type\":\"FeatureCollection\",\"features\":[");
        CliRun broken = run("areas", "--control", bad.toString(), "-o", gpkg.toString());
        assertThat(broken.code()).isEqualTo(2);
        assertThat(Files.readString(gpkg)).isEqualTo("previous");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("held.gpkg", "bad.geojson");
        }
    }
}
