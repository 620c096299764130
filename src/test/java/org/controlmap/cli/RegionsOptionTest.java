package org.controlmap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.controlmap.cli.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.controlmap.region.MadeUpDistricts;
import org.controlmap.region.RegionCatalogue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --regions FILE} on areas and series: district rows under their region, sums, reports, errors. */
class RegionsOptionTest {
    @TempDir
    Path dir;

    private static List<MadeUpDistricts.District> grid;

    @BeforeAll
    static void cut() {
        // Donetsk, Luhansk and Zaporizhzhia, each cut by a 3 x 3 grid: the units a front box below crosses.
        grid = MadeUpDistricts.grid(RegionCatalogue.bundled(), 3).stream()
                .filter(d -> List.of("UA-09", "UA-14", "UA-23").contains(d.parent())).toList();
    }

    /**
     * A held box with a vertex every 0.01° along its edges, as real control polygons are sampled: a long
     * straight edge cut at district lines would be measured as several geodesics instead of one, and the
     * parts would not add up to the whole for that reason alone.
     */
    private Path box(String name, double west, double south, double east, double north) throws IOException {
        StringBuilder ring = new StringBuilder();
        double[][] corners = {{west, south}, {east, south}, {east, north}, {west, north}, {west, south}};
        for (int c = 0; c < 4; c++) {
            int n = (int) Math.ceil(Math.max(Math.abs(corners[c + 1][0] - corners[c][0]),
                    Math.abs(corners[c + 1][1] - corners[c][1])) / 0.01);
            for (int k = 0; k < n; k++) {
                double x = corners[c][0] + (corners[c + 1][0] - corners[c][0]) * k / n;
                double y = corners[c][1] + (corners[c + 1][1] - corners[c][1]) * k / n;
                ring.append('[').append(x).append(',').append(y).append("],");
            }
        }
        ring.append('[').append(west).append(',').append(south).append(']');
        Path p = dir.resolve(name);
        Files.writeString(p, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[" + ring + "]]}}]}");
        return p;
    }

    /** CSV rows by their first column(s): iso → columns. */
    private static Map<String, String[]> rows(String csv, int keyColumns) {
        Map<String, String[]> m = new HashMap<>();
        for (String l : csv.lines().skip(1).toList()) {
            String[] c = l.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
            m.put(keyColumns == 1 ? c[0] : c[0] + " " + c[1], c);
        }
        return m;
    }

    @Test
    void districtRowsFollowTheirRegionAndAddUpToItUnderClip() throws IOException {
        Path districts = MadeUpDistricts.write(grid, dir.resolve("made-up.geojson"));
        Path front = box("front_20241120.geojson", 36.5, 47.3, 37.9, 48.6);
        CliRun plain = run("areas", "--control", front.toString(), "--attribution", "clip");
        CliRun r = run("areas", "--control", front.toString(), "--attribution", "clip", "--regions",
                districts.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty(); // a grid leaves no gap and has no overlap worth a warning
        Map<String, String[]> before = rows(plain.out(), 1);
        Map<String, String[]> after = rows(r.out(), 1);
        // The bundled rows and the total are as without --regions.
        for (String iso : before.keySet()) {
            assertThat(String.join(",", after.get(iso))).isEqualTo(String.join(",", before.get(iso)));
        }
        List<String> order = r.out().lines().skip(1).map(l -> l.substring(0, l.indexOf(','))).toList();
        for (String parent : List.of("UA-14", "UA-23")) {
            double sum = 0;
            int at = order.indexOf(parent);
            List<String> mine = grid.stream().filter(d -> d.parent().equals(parent))
                    .map(MadeUpDistricts.District::id).toList();
            assertThat(order.subList(at + 1, at + 1 + mine.size())).containsExactlyElementsOf(mine);
            for (String id : mine) {
                String[] c = after.get(id);
                assertThat(c[11]).startsWith("district of " + parent);
                sum += Double.parseDouble(c[7]);
            }
            double held = Double.parseDouble(after.get(parent)[7]);
            assertThat(held).isGreaterThan(100);
            assertThat(sum).as(parent).isCloseTo(held, within(1e-5 * held + 0.002));
        }
    }

    @Test
    void underNearestHeldGroundInNoDistrictStaysOnTheRegionRow() throws IOException {
        // Leave out the Donetsk districts the box covers most of: the region row keeps what they held.
        List<MadeUpDistricts.District> some = new ArrayList<>(grid);
        MadeUpDistricts.District gone = some.stream().filter(d -> d.id().equals("UA-14-11")).findFirst()
                .orElseThrow();
        some.remove(gone);
        Path districts = MadeUpDistricts.write(some, dir.resolve("gappy.geojson"));
        Path front = box("front_20241120.geojson", 36.5, 47.3, 37.9, 48.6);
        CliRun plain = run("areas", "--control", front.toString());
        CliRun r = run("areas", "--control", front.toString(), "--regions", districts.toString(), "--format",
                "csv");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning: " + districts + ": districts overlap by 0 km²")
                .contains("uncovered (in 1 regions)");
        Map<String, String[]> after = rows(r.out(), 1);
        assertThat(String.join(",", after.get("UA-14"))).isEqualTo(String.join(",", rows(plain.out(), 1)
                .get("UA-14")));
        assertThat(after).doesNotContainKey("UA-14-11");
        assertThat(after.get("UA-14-00")[8]).isEmpty(); // districts carry no mismatch_km2
        double sum = some.stream().filter(d -> d.parent().equals("UA-14"))
                .mapToDouble(d -> Double.parseDouble(after.get(d.id())[7])).sum();
        assertThat(sum).isLessThan(Double.parseDouble(after.get("UA-14")[7]) - 100);
        assertThat(run("areas", "--control", front.toString(), "--regions", districts.toString(), "--format", "md")
                .out()).contains("UA-14 Donetsk: its " + (grid.stream().filter(d -> d.parent().equals("UA-14"))
                .count() - 1) + " districts leave ");
    }

    @Test
    void seriesHasDistrictRowsPerDateThatAddUpUnderClip() throws IOException {
        Path districts = MadeUpDistricts.write(grid, dir.resolve("made-up.geojson"));
        Path a = box("front_20241101.geojson", 37.5, 47.8, 38.5, 48.5);
        Path b = box("front_20241120.geojson", 35.5, 47.0, 38.5, 48.5);
        Path wide = dir.resolve("wide.csv");
        CliRun r = run("series", a.toString(), b.toString(), "--attribution", "clip", "--regions",
                districts.toString(), "--wide", wide.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, String[]> rows = rows(r.out(), 2);
        for (String date : List.of("2024-11-01", "2024-11-20")) {
            double sum = 0;
            for (MadeUpDistricts.District d : grid) {
                String[] c = rows.get(date + " " + d.id());
                if (d.parent().equals("UA-14") && c != null) {
                    sum += Double.parseDouble(c[2]);
                }
            }
            double held = Double.parseDouble(rows.get(date + " UA-14")[2]);
            assertThat(sum).as(date).isCloseTo(held, within(1e-5 * held + 0.002));
        }
        assertThat(Files.readAllLines(wide).get(0)).contains(",UA-14 Donetsk,UA-14-");
    }

    @Test
    void diffHasDistrictRowsThatAddUpToTheirRegionsChange() throws IOException {
        Path districts = MadeUpDistricts.write(grid, dir.resolve("made-up.geojson"));
        Path a = box("front_20241101.geojson", 37.5, 47.8, 37.9, 48.5);
        Path b = box("front_20241120.geojson", 36.5, 47.3, 37.9, 48.6);
        CliRun r = run("diff", "--from", a.toString(), "--to", b.toString(), "--attribution", "clip", "--regions",
                districts.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, String[]> rows = rows(r.out(), 1);
        for (String parent : List.of("UA-14", "UA-23")) {
            double gained = grid.stream().filter(d -> d.parent().equals(parent) && rows.containsKey(d.id()))
                    .mapToDouble(d -> Double.parseDouble(rows.get(d.id())[2])).sum();
            double region = Double.parseDouble(rows.get(parent)[2]);
            assertThat(region).isGreaterThan(100);
            assertThat(gained).as(parent).isCloseTo(region, within(1e-5 * region + 0.002));
        }
    }

    @Test
    void badDistrictFilesAreOneLocatedLineAndExit2() throws IOException {
        Path front = box("front_20241120.geojson", 36.5, 47.3, 37.9, 48.6);
        String poly = "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[37,48],[37.1,48],[37.1,48.1],[37,48]]]}";
        Map<String, String> bad = Map.of(
                "noid.geojson", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                        + "\"properties\":{\"name\":\"A\"}," + poly + "}]}",
                "dup.geojson", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                        + "\"properties\":{\"id\":7}," + poly + "},{\"type\":\"Feature\",\"properties\":{\"id\":7},"
                        + poly + "}]}",
                "point.geojson", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                        + "\"properties\":{\"id\":1}," + poly + "},{\"type\":\"Feature\",\"properties\":{\"id\":2},"
                        + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[37,48]}}]}",
                "empty.geojson", "{\"type\":\"FeatureCollection\",\"features\":[]}");
        Map<String, String> says = Map.of(
                "noid.geojson", ": feature 0: no 'id' property (--id-field); it has name",
                "dup.geojson", ": feature 1: id '7' is also the id of feature 0; ids must be unique",
                "point.geojson", "Point is not a polygon",
                "empty.geojson", "no polygons");
        for (Map.Entry<String, String> e : bad.entrySet()) {
            Path f = dir.resolve(e.getKey());
            Files.writeString(f, e.getValue());
            Path out = dir.resolve("t.csv");
            Files.writeString(out, "previous");
            CliRun r = run("areas", "--control", front.toString(), "--regions", f.toString(), "-o", out.toString());
            assertThat(r.code()).as(e.getKey() + ": " + r.err()).isEqualTo(2);
            assertThat(r.err().lines()).as(r.err()).hasSize(1);
            assertThat(r.err()).startsWith("controlmap: " + f).contains(says.get(e.getKey()));
            assertThat(Files.readString(out)).isEqualTo("previous");
            CliRun s = run("series", front.toString(), "--regions", f.toString());
            assertThat(s.code()).as(e.getKey() + ": " + s.err()).isEqualTo(2);
            assertThat(s.err()).contains(says.get(e.getKey()));
        }
        Path own = dir.resolve("districts.json");
        Files.writeString(own, bad.get("noid.geojson"));
        CliRun over = run("areas", "--control", front.toString(), "--regions", own.toString(), "-o", own.toString(),
                "--format", "csv");
        assertThat(over.code()).isEqualTo(2);
        assertThat(Files.readString(own)).isEqualTo(bad.get("noid.geojson"));
        assertThat(run("areas", "--regions", dir.resolve("empty.geojson").toString()).err())
                .contains("--regions needs --control");
        assertThat(run("areas", "--control", front.toString(), "--id-field", "code").err())
                .contains("--id-field needs --regions FILE");
    }
}
