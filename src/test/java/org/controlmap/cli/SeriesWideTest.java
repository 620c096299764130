package org.controlmap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.controlmap.cli.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.controlmap.region.Region;
import org.controlmap.region.RegionCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code series --wide FILE.csv}: one row per date, a named column per region held at any date. */
class SeriesWideTest {
    @TempDir
    Path dir;

    private Path box(String name, double west, double south, double east, double north) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[" + west + "," + south
                + "],[" + east + "," + south + "],[" + east + "," + north + "],[" + west + "," + north + "],["
                + west + "," + south + "]]]}}]}");
        return p;
    }

    @Test
    void wideTableHasADateRowsAndNamedRegionColumnsWithTheLongTablesNumbers() throws IOException {
        // Donetsk only on the first date; Donetsk, Zaporizhzhia and more on the second.
        Path a = box("front_20241101.geojson", 37.5, 47.8, 38.5, 48.5);
        Path b = box("front_20241120.geojson", 35.5, 47.0, 38.5, 48.5);
        Path wide = dir.resolve("wide.csv");
        Path tall = dir.resolve("tall.csv");
        CliRun r = run("series", a.toString(), b.toString(), "-o", tall.toString(), "--wide", wide.toString());
        assertThat(r.code()).as(r.err()).isZero();

        // The long table: per date, per ISO, km² as written.
        Map<String, Map<String, String>> km2 = new HashMap<>();
        List<String> heldIsos = new ArrayList<>();
        for (String l : Files.readAllLines(tall).subList(1, Files.readAllLines(tall).size())) {
            String[] c = l.split(",", -1);
            km2.computeIfAbsent(c[0], d -> new HashMap<>()).put(c[1], c[2]);
            if (!c[1].equals("UA") && !c[1].equals("outside") && !heldIsos.contains(c[1])) {
                heldIsos.add(c[1]);
            }
        }
        RegionCatalogue cat = RegionCatalogue.bundled();
        List<String> ordered = cat.regions().stream().map(Region::iso).filter(heldIsos::contains).toList();
        List<String> expectedHeader = new ArrayList<>(List.of("date"));
        for (String iso : ordered) {
            expectedHeader.add(iso + " " + cat.regions().stream().filter(x -> x.iso().equals(iso)).findFirst()
                    .orElseThrow().nameEn());
        }
        expectedHeader.add("Ukraine");

        List<String> lines = Files.readAllLines(wide);
        assertThat(lines).hasSize(3);
        assertThat(Arrays.asList(lines.get(0).split(","))).isEqualTo(expectedHeader)
                .contains("UA-14 Donetsk", "UA-23 Zaporizhzhia");
        assertThat(lines.get(1)).startsWith("2024-11-01,");
        assertThat(lines.get(2)).startsWith("2024-11-20,");
        for (String line : lines.subList(1, 3)) {
            String[] cells = line.split(",", -1);
            assertThat(cells).hasSize(expectedHeader.size());
            Map<String, String> day = km2.get(cells[0]);
            for (int i = 0; i < ordered.size(); i++) {
                assertThat(cells[i + 1]).as(cells[0] + " " + ordered.get(i))
                        .isEqualTo(day.getOrDefault(ordered.get(i), "0.000")).matches("\\d+\\.\\d{3}");
            }
            assertThat(cells[cells.length - 1]).isEqualTo(day.get("UA"));
        }
        // Zaporizhzhia is held only on the second date: a zero the first day, ground the second.
        int zap = expectedHeader.indexOf("UA-23 Zaporizhzhia");
        assertThat(lines.get(1).split(",")[zap]).isEqualTo("0.000");
        assertThat(Double.parseDouble(lines.get(2).split(",")[zap])).isPositive();

        // Same input, same bytes.
        Path again = dir.resolve("again.csv");
        assertThat(run("series", a.toString(), b.toString(), "--wide", again.toString()).code()).isZero();
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(wide));
    }

    @Test
    void wideNeedsACsvNameAndAFailedRunWritesNothing() throws IOException {
        Path a = box("front_20241101.geojson", 37.5, 47.8, 38.5, 48.5);
        Path xlsx = dir.resolve("wide.xlsx");
        CliRun r = run("series", a.toString(), "--wide", xlsx.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains("wide.xlsx").contains(".csv");
        assertThat(xlsx).doesNotExist();

        Path wide = dir.resolve("wide.csv");
        Files.writeString(wide, "previous");
        Path bad = dir.resolve("front_20241120.geojson");
        Files.writeString(bad, "{\"type\":\"FeatureCollection\",\"features\":[");
        CliRun broken = run("series", a.toString(), bad.toString(), "--wide", wide.toString());
        assertThat(broken.code()).isEqualTo(2);
        assertThat(Files.readString(wide)).isEqualTo("previous");
    }
}
