package org.controlmap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.controlmap.cli.CliRun.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import org.controlmap.geodata.GeodesicArea;
import org.controlmap.region.MadeUpDistricts;
import org.controlmap.region.RegionCatalogue;
import org.controlmap.table.HeldGround;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.io.WKBReader;

/** {@code --regions FILE} with render, check and a GIS output of areas; made-up districts (a 3 × 3 grid). */
class RegionsOutputsTest {
    @TempDir
    Path dir;

    private static List<MadeUpDistricts.District> grid;

    @BeforeAll
    static void cut() {
        grid = MadeUpDistricts.grid(RegionCatalogue.bundled(), 3).stream()
                .filter(d -> List.of("UA-09", "UA-14").contains(d.parent())).toList();
    }

    /** A held box, a vertex every 0.01° (a long edge cut at district lines would not add up otherwise). */
    private Path box() throws IOException {
        double west = 36.5;
        double south = 47.3;
        double east = 38.6;
        double north = 48.6;
        StringBuilder ring = new StringBuilder();
        double[][] c = {{west, south}, {east, south}, {east, north}, {west, north}, {west, south}};
        for (int k = 0; k < 4; k++) {
            int n = (int) Math.ceil(Math.max(Math.abs(c[k + 1][0] - c[k][0]), Math.abs(c[k + 1][1] - c[k][1])) / 0.01);
            for (int j = 0; j < n; j++) {
                ring.append('[').append(c[k][0] + (c[k + 1][0] - c[k][0]) * j / n).append(',')
                        .append(c[k][1] + (c[k + 1][1] - c[k][1]) * j / n).append("],");
            }
        }
        ring.append('[').append(west).append(',').append(south).append(']');
        Path p = dir.resolve("front_20241120.geojson");
        Files.writeString(p, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[" + ring + "]]}}]}");
        return p;
    }

    /** CSV rows in order: iso → column → cell (quoted cells unquoted). */
    private static Map<String, Map<String, String>> csv(String text) {
        List<String> lines = text.lines().toList();
        List<String> header = Arrays.asList(lines.get(0).split(","));
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] cells = l.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String v = cells[i];
                row.put(header.get(i), v.startsWith("\"") ? v.substring(1, v.length() - 1).replace("\"\"", "\"") : v);
            }
            rows.put(row.get("iso_3166_2"), row);
        }
        return rows;
    }

    @Test
    void renderDrawsEachDistrictWithTheTablesShare() throws IOException {
        Path districts = MadeUpDistricts.write(grid, dir.resolve("made-up.geojson"));
        Path control = box();
        CliRun table = run("areas", "--control", control.toString(), "--regions", districts.toString());
        assertThat(table.code()).as(table.err()).isZero();
        Map<String, Map<String, String>> rows = csv(table.out());

        Path svg = dir.resolve("map.svg");
        CliRun r = run("render", "--control", control.toString(), "--regions", districts.toString(), "-o",
                svg.toString(), "--width", "800");
        assertThat(r.code()).as(r.err()).isZero();
        String s = Files.readString(svg, StandardCharsets.UTF_8);
        int layer = s.indexOf("<g class=\"districts\" id=\"districts\">");
        assertThat(layer).isPositive().isGreaterThan(s.indexOf("<g class=\"controlled\""))
                .isLessThan(s.indexOf("<g class=\"borders\""));
        Matcher m = Pattern.compile("<path class=\"district\" data-id=\"([^\"]+)\"[^>]* data-pct=\"([0-9.]+)\""
                + "[^>]*><title>([^<]+)</title>").matcher(s);
        List<String> drawn = new ArrayList<>();
        while (m.find()) {
            Map<String, String> row = rows.get(m.group(1));
            drawn.add(m.group(1));
            assertThat(Double.parseDouble(m.group(2))).as(m.group(1))
                    .isCloseTo(Double.parseDouble(row.get("controlled_pct")), within(0.0051));
            assertThat(m.group(3)).startsWith(row.get("name") + " (" + m.group(1) + ", district of ");
        }
        assertThat(drawn).containsExactlyElementsOf(grid.stream().map(MadeUpDistricts.District::id).toList());
        assertThat(s).contains("Thin lines: " + grid.size() + " districts from made-up.geojson (--regions)");
        // Same input, same bytes.
        Path again = dir.resolve("again.svg");
        assertThat(run("render", "--control", control.toString(), "--regions", districts.toString(), "-o",
                again.toString(), "--width", "800").code()).isZero();
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(svg));
    }

    @Test
    void renderAndCheckRefuseWhatDistrictsCannotDo() throws IOException {
        Path districts = MadeUpDistricts.write(grid, dir.resolve("made-up.geojson"));
        Path control = box();
        Path svg = dir.resolve("map.svg");
        Files.writeString(svg, "old");
        CliRun scenario = run("render", "--regions", districts.toString(), "-o", svg.toString());
        assertThat(scenario.code()).isEqualTo(2);
        assertThat(scenario.err()).startsWith("controlmap: --regions needs --control").hasLineCount(1);
        CliRun official = run("render", "--control", control.toString(), "--regions", districts.toString(),
                "--basis", "official", "-o", svg.toString());
        assertThat(official.code()).isEqualTo(2);
        assertThat(official.err()).contains("no official areas").hasLineCount(1);
        assertThat(Files.readString(svg)).isEqualTo("old");

        Path report = dir.resolve("check.json");
        Files.writeString(report, "old");
        CliRun check = run("check", "--control", control.toString(), "--regions", districts.toString(), "-o",
                report.toString());
        assertThat(check.code()).isEqualTo(2);
        assertThat(check.err()).hasLineCount(1).startsWith("controlmap: --regions: check tests a report's figures")
                .contains("areas --control " + control + " --regions " + districts);
        assertThat(Files.readString(report)).isEqualTo("old");
        assertThat(run("check", "--id-field", "code").err()).contains("--id-field needs --regions FILE");
    }

    @Test
    void geoPackageHoldsTheDistrictsHeldGroundWithTheCsvColumns() throws Exception {
        Path districts = MadeUpDistricts.write(grid, dir.resolve("made-up.geojson"));
        Path control = box();
        CliRun table = run("areas", "--control", control.toString(), "--attribution", "clip", "--regions",
                districts.toString());
        assertThat(table.code()).as(table.err()).isZero();
        Map<String, Map<String, String>> rows = csv(table.out());
        List<String> header = Arrays.asList(table.out().lines().findFirst().orElseThrow().split(","));

        Path gpkg = dir.resolve("held.gpkg");
        CliRun r = run("areas", "--control", control.toString(), "--attribution", "clip", "--regions",
                districts.toString(), "-o", gpkg.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> ids = new ArrayList<>();
        int districtRows = 0;
        try (GeoPackage gp = GeoPackageManager.open(false, gpkg.toFile())) {
            FeatureDao dao = gp.getFeatureDao(HeldGround.HELD_TABLE);
            List<String> cols = new ArrayList<>(Arrays.asList(dao.getTable().getColumnNames()));
            cols.remove(dao.getTable().getPkColumnName());
            cols.remove(dao.getGeometryColumnName());
            assertThat(cols).isEqualTo(header);
            assertThat(dao.getSrs().getOrganizationCoordsysId()).isEqualTo(4326);
            FeatureResultSet rs = dao.queryForAll();
            try {
                while (rs.moveToNext()) {
                    FeatureRow f = rs.getRow();
                    String id = (String) f.getValue("iso_3166_2");
                    ids.add(id);
                    Map<String, String> row = rows.get(id);
                    Geometry g = new WKBReader().read(f.getGeometry().getWkb());
                    assertThat(g).isInstanceOf(MultiPolygon.class);
                    assertThat(g.isValid()).as(id).isTrue();
                    assertThat(f.getValue("name")).isEqualTo(row.get("name"));
                    assertThat(f.getValue("controller")).isEqualTo(row.get("controller"));
                    assertThat(f.getValue("note")).isEqualTo(row.get("note"));
                    double km2 = (Double) f.getValue("controlled_km2");
                    assertThat(km2).isEqualTo(Double.parseDouble(row.get("controlled_km2")));
                    assertThat((Double) f.getValue("controlled_pct")).isEqualTo(row.get("controlled_pct").isEmpty()
                            ? null : Double.valueOf(row.get("controlled_pct")));
                    // What was measured: the feature's own geodesic area is the row's km² (clip attribution).
                    assertThat(GeodesicArea.km2(g)).as(id).isCloseTo(km2, within(0.001 + 1e-6 * km2));
                    if (row.get("note").startsWith("district of ")) {
                        districtRows++;
                        assertThat(f.getValue("official_area_km2")).isNull();
                    }
                }
            } finally {
                rs.close();
            }
        }
        // Every held row of the CSV, districts among them, in the CSV's order (a district after its region).
        List<String> csvHeld = rows.values().stream().filter(c -> !c.get("controller").isEmpty()
                && !c.get("iso_3166_2").equals("UA")).map(c -> c.get("iso_3166_2")).toList();
        assertThat(ids).isEqualTo(csvHeld);
        assertThat(districtRows).isGreaterThan(3);
        assertThat(ids.indexOf("UA-14-00")).isGreaterThan(ids.indexOf("UA-14"));
    }
}
