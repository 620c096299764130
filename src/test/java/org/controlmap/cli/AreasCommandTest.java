package org.controlmap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.controlmap.cli.CliRun.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI end to end: exit codes, one-line errors, files written whole or not at all. */
class AreasCommandTest {
    @TempDir
    Path dir;



    @Test
    void defaultIsTheBundledScenarioAsCsv() {
        CliRun r = run("areas");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out().lines()).hasSize(32);
        assertThat(r.out()).startsWith("iso_3166_2,name,area_km2,").contains("UA-23,Zaporizhzhia,");
    }

    @Test
    void writesTheFormatOfTheExtension() throws IOException {
        Path md = dir.resolve("t.md");
        CliRun r = run("areas", "-o", md.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(md)).startsWith("**Territory held");
        assertThat(run("areas", "--format", "json").out()).startsWith("{");
        assertThat(run("areas", "--basis", "geometry").out()).contains(",geometry,");
    }

    @Test
    void badScenarioIsOneLineExit2AndLeavesTheOutputAlone() throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "date: 2024-11-20\nsource: {title: t}\nstatements:\n"
                + "  - {region: UA-99, controller: RU, percent: 5}\n");
        Path out = dir.resolve("t.csv");
        Files.writeString(out, "previous");
        CliRun r = run("areas", "--scenario", bad.toString(), "-o", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("controlmap: " + bad + ":4:5: ").contains("UA-99: no such region")
                .doesNotContain("Exception");
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo("previous");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("bad.yaml", "t.csv");
        }
    }

    @Test
    void debugShowsTheStackTrace() throws IOException {
        Path empty = dir.resolve("empty.yaml");
        Files.writeString(empty, "");
        CliRun r = run("areas", "--debug", "--scenario", empty.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("empty file").contains("at org.controlmap");
    }

    @Test
    void usageErrors() {
        CliRun r = run("areas", "--format", "xls");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--format").contains("xls");
        CliRun ext = run("areas", "-o", dir.resolve("t.xlsx").toString());
        assertThat(ext.code()).isEqualTo(2);
        assertThat(ext.err()).contains("unknown table format");
        CliRun missingDir = run("areas", "-o", dir.resolve("nope/t.csv").toString());
        assertThat(missingDir.code()).isEqualTo(2);
        assertThat(missingDir.err()).contains("does not exist");
        CliRun missing = run("areas", "--scenario", dir.resolve("none.yaml").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("none.yaml: no such file");
    }

    @Test
    void controlPolygonsAreMeasuredWithAnOutsideRow() throws IOException {
        // A box around Sevastopol: covers the whole city region plus sea around it.
        Path control = dir.resolve("front_20241120.geojson");
        Files.writeString(control, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[33.0,44.2],"
                + "[34.2,44.2],[34.2,45.0],[33.0,45.0],[33.0,44.2]]]}}]}");
        CliRun r = run("areas", "--control", control.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String sevastopol = r.out().lines().filter(l -> l.startsWith("UA-40,")).findFirst().orElseThrow();
        assertThat(sevastopol).contains(",geometry,RU,100.00,");
        assertThat(r.out()).containsPattern("(?m)^outside,outside every region,,,geometry,RU,,[1-9]");
        assertThat(r.out().lines().filter(l -> l.startsWith("UA-43,")).findFirst().orElseThrow())
                .contains(",RU,"); // the box reaches into the Autonomous Republic too
        CliRun both = run("areas", "--control", control.toString(), "--scenario", control.toString());
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("not both");
        assertThat(run("areas", "--snap-km", "1").err()).contains("--snap-km was replaced by --attribution nearest");
        assertThat(run("areas", "--attribution", "clip").err()).contains("give --control");
        assertThat(run("areas", "--control", control.toString(), "--nearest-limit-km", "0").err())
                .contains("--nearest-limit-km");
        // Nearest books the sea around the city to it: more km² than the boundary's, shown as mismatch.
        String[] cols = sevastopol.split(",");
        assertThat(Double.parseDouble(cols[7])).isGreaterThan(Double.parseDouble(cols[2]));
        assertThat(Double.parseDouble(cols[8])).isCloseTo(Double.parseDouble(cols[7]) - Double.parseDouble(cols[2]),
                org.assertj.core.api.Assertions.within(0.01));
        CliRun clip = run("areas", "--control", control.toString(), "--attribution", "clip");
        String clipped = clip.out().lines().filter(l -> l.startsWith("UA-40,")).findFirst().orElseThrow();
        assertThat(clipped).contains(",RU,100.00,").contains(",,"); // no mismatch column value under clip
        assertThat(Double.parseDouble(clipped.split(",")[7])).isCloseTo(Double.parseDouble(cols[2]),
                org.assertj.core.api.Assertions.within(0.001));
    }

    @Test
    void groundFartherThanTheLimitStaysOutsideWithAWarning() throws IOException {
        // Crimea's south coast and the Black Sea 30 to 120 km beyond it.
        Path control = dir.resolve("front_20241120.geojson");
        Files.writeString(control, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[33.6,43.3],"
                + "[34.6,43.3],[34.6,44.8],[33.6,44.8],[33.6,43.3]]]}}]}");
        CliRun r = run("areas", "--control", control.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("farther than 25 km from every Ukrainian region").contains("'outside' row");
        assertThat(r.out()).containsPattern("(?m)^outside,outside every region,,,geometry,RU,,[1-9]");
        // A polygon that marks ground well beyond Ukraine is more than a boundary mismatch: said so.
        Path wide = dir.resolve("wide_20241120.geojson");
        Files.writeString(wide, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[38.5,46.5],"
                + "[41.5,46.5],[41.5,50.5],[38.5,50.5],[38.5,46.5]]]}}]}");
        CliRun w = run("areas", "--control", wide.toString());
        assertThat(w.code()).as(w.err()).isZero();
        assertThat(w.err()).contains("more than two drawings of one border differ by").contains("--attribution clip");
        Path inland = dir.resolve("inland_20241120.geojson");
        Files.writeString(inland, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[37.0,47.8],"
                + "[37.8,47.8],[37.8,48.4],[37.0,48.4],[37.0,47.8]]]}}]}");
        CliRun in = run("areas", "--control", inland.toString());
        assertThat(in.code()).as(in.err()).isZero();
        assertThat(in.err()).doesNotContain("more than two drawings").doesNotContain("farther than");
        // (Another limit builds the zones at run time, seconds for the bundled regions: ControlOverlayTest
        // covers it on small synthetic ones.)
    }

    @Test
    void helpAndVersion() {
        assertThat(run("--help").out()).contains("areas");
        assertThat(run("--version").out()).startsWith("controlmap ");
    }
}
