package org.controlmap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.controlmap.cli.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No command clobbers a file: not an input, not an output of a run that fails, not a directory name. */
class OutputSafetyTest {
    @TempDir
    Path dir;

    /** A box of 1°×1° held by Russia, inside Ukraine (Kirovohrad/Dnipropetrovsk), dated by the file name. */
    private static final String SNAPSHOT = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
            + "\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
            + "[[[32,48],[33,48],[33,49],[32,49],[32,48]]]}}]}";

    /** A name the file system refuses (over 255 bytes) although its directory is fine: fails only when moved. */
    private Path unwritable(String ext) {
        return dir.resolve("b".repeat(300) + ext);
    }

    private List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private Path snapshots() throws IOException {
        Path snaps = Files.createDirectory(dir.resolve("snaps"));
        Files.writeString(snaps.resolve("front_20240101.geojson"), SNAPSHOT);
        Files.writeString(snaps.resolve("front_20240102.geojson"), SNAPSHOT);
        return snaps;
    }

    @Test
    void seriesRefusesToOverwriteASnapshotFoundInADirectoryOrByAPattern() throws IOException {
        Path snaps = snapshots();
        Path victim = snaps.resolve("front_20240102.geojson");
        for (String[] args : new String[][] {
            {"series", snaps.toString(), "-o", victim.toString(), "--format", "json"},
            {"series", snaps + "/*.geojson", "-o", victim.toString(), "--format", "json"},
            {"series", snaps.toString(), "--chart", snaps.resolve("front_20240101.geojson").toString()},
        }) {
            CliRun r = run(args);
            assertThat(r.code()).as(r.err()).isEqualTo(2);
            assertThat(r.err().strip().lines()).hasSize(1);
            assertThat(r.err()).contains("would overwrite input");
        }
        assertThat(Files.readString(victim)).isEqualTo(SNAPSHOT);
        assertThat(Files.readString(snaps.resolve("front_20240101.geojson"))).isEqualTo(SNAPSHOT);
    }

    @Test
    void seriesTableAndChartAreReplacedTogetherOrNotAtAll() throws IOException {
        Path snaps = snapshots();
        Path csv = dir.resolve("series.csv");
        Files.writeString(csv, "old table");
        CliRun failed = run("series", snaps.toString(), "-o", csv.toString(), "--chart", unwritable(".svg").toString());
        assertThat(failed.code()).as(failed.err()).isEqualTo(2);
        assertThat(failed.err().strip().lines()).hasSize(1);
        assertThat(Files.readString(csv)).isEqualTo("old table");
        assertThat(names(dir)).containsExactly("series.csv", "snaps");

        Path chart = dir.resolve("chart.svg");
        CliRun ok = run("series", snaps.toString(), "-o", csv.toString(), "--chart", chart.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(Files.readString(csv)).startsWith("date,iso_3166_2,");
        assertThat(Files.readString(chart)).contains("<svg");
    }

    @Test
    void renderReplacesAllItsOutputsOrNone() throws IOException {
        Path a = dir.resolve("a.svg");
        Files.writeString(a, "old map");
        CliRun r = run("render", "--width", "400", "-o", a.toString(), "-o", unwritable(".png").toString());
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(Files.readString(a)).isEqualTo("old map");
        assertThat(names(dir)).containsExactly("a.svg");
        assertThat(r.out()).doesNotContain("wrote");
    }

    @Test
    void aTrailingSeparatorNamesADirectoryAndIsRefused() throws IOException {
        for (String[] args : new String[][] {
            {"areas", "-o", dir.resolve("newdir") + "/"},
            {"render", "-o", dir.resolve("newdir") + "/"},
            {"render", "-o", dir.resolve("a.svg").toString(), "--export-geojson", dir.resolve("newdir") + "/"},
        }) {
            CliRun r = run(args);
            assertThat(r.code()).as(r.err()).isEqualTo(2);
            assertThat(r.err().strip().lines()).hasSize(1);
            assertThat(r.err()).contains("newdir/: names a directory");
        }
        assertThat(names(dir)).isEmpty();
    }

    @Test
    void aLongFileNameWorks() throws IOException {
        Path out = dir.resolve("x".repeat(246) + ".csv");
        CliRun r = run("areas", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(out)).startsWith("iso_3166_2,");
        assertThat(names(dir)).hasSize(1);
    }

    @Test
    void threadsOutOfRangeAreRefused() throws IOException {
        Path snaps = snapshots();
        for (String n : List.of("0", "-4", "100000")) {
            CliRun r = run("series", snaps.toString(), "--threads", n);
            assertThat(r.code()).as(r.err()).isEqualTo(2);
            assertThat(r.err().strip().lines()).hasSize(1);
            assertThat(r.err()).contains("--threads " + n + ": must be between 1 and ");
        }
        assertThat(run("series", snaps.toString(), "--threads", "1").code()).isZero();
    }
}
