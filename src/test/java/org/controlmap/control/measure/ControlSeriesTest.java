package org.controlmap.control.measure;

import org.controlmap.table.SeriesTable;
import org.controlmap.table.TableFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.controlmap.control.measure.Fixtures.box;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.controlmap.cli.CliRun;
import org.controlmap.control.Attribution;
import org.controlmap.control.Controller;
import org.controlmap.geodata.GeodesicArea;
import org.controlmap.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlSeriesTest {
    private final ControlOverlay overlay = Fixtures.overlay();

    @TempDir
    Path dir;

    private ControlSeries run(int threads, String... inputs) {
        return ControlSeries.measure(List.of(inputs), overlay, Controller.RU, MeasureOptions.defaults(), null,
                pool(threads), ControlSeries.SILENT, w -> { });
    }

    private static java.util.concurrent.ExecutorService pool(int threads) {
        return new java.util.concurrent.ForkJoinPool(threads);
    }

    /** Three daily snapshots: the held box grows east by 0.5° a day, the last one gzip-compressed. */
    private void threeSnapshots() throws IOException {
        Fixtures.write(dir, "front_20240103.geojson", Fixtures.collection(List.of(box(30, 31.5, 48, 49)), null));
        Fixtures.write(dir, "front_2024-01-01.geojson", Fixtures.collection(List.of(box(30, 30.5, 48, 49)), null));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("front_20240102.geojson.gz")))) {
            out.write(Fixtures.collection(List.of(box(30, 31, 48, 49)), null).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String csv(ControlSeries s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableFormat.CSV.write(SeriesTable.table(s), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void seriesOverThreeSnapshotsInADirectory() throws IOException {
        threeSnapshots();
        ControlSeries s = run(2, dir.toString());
        assertThat(s.points()).extracting(ControlSeries.Point::date).containsExactly(LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3));
        List<ControlSeries.Row> rows = s.rows();
        assertThat(rows).extracting(r -> r.date() + " " + r.iso()).containsExactly(
                "2024-01-01 UA-01", "2024-01-01 UA",
                "2024-01-02 UA-01", "2024-01-02 UA",
                "2024-01-03 UA-01", "2024-01-03 UA-02", "2024-01-03 UA");
        // Series cut edges at 0.25° cells (CellMeter): a 37 km edge measured as two geodesics instead of one
        // moves the area by about 1e-5 relative; real snapshots have kilometre edges and move far less.
        assertThat(rows.get(0).km2()).isCloseTo(GeodesicArea.km2(box(30, 30.5, 48, 49)), within(0.05));
        assertThat(rows.get(3).pct()).isCloseTo(100 * GeodesicArea.km2(box(30, 31, 48, 49))
                / overlay.ukraineOfficialKm2(), within(1e-3));
        String csv = csv(s);
        assertThat(csv).startsWith("date,iso_3166_2,controlled_km2,controlled_pct,mismatch_km2,front_km\n"
                + "2024-01-01,UA-01,");
        // Same bytes whatever the number of threads.
        assertThat(csv(run(1, dir.toString()))).isEqualTo(csv);
    }

    @Test
    void manyBatchesGiveTheSameBytesOnAnyNumberOfThreads() throws IOException {
        // 130 daily snapshots: three batches of 48, 48 and 34; the front creeps east 0.01° a day.
        LocalDate d0 = LocalDate.of(2024, 1, 1);
        for (int k = 0; k < 130; k++) {
            Fixtures.write(dir, "front_" + d0.plusDays(k) + ".geojson",
                    Fixtures.collection(List.of(box(30, 30.6 + 0.01 * k, 48, 48.8 + 0.001 * (k % 7))), null));
        }
        assertThat(ControlSeries.batchSize(130)).isEqualTo(48);
        String one = csv(run(1, dir.toString()));
        assertThat(csv(run(2, dir.toString()))).isEqualTo(one);
        assertThat(csv(run(3, dir.toString()))).isEqualTo(one);
        assertThat(one.lines().filter(l -> l.contains(",UA,")).count()).isEqualTo(130);
    }

    @Test
    void eachPointIsWhatMeasuringItsSnapshotAloneGivesUnderEitherAttribution() throws IOException {
        threeSnapshots();
        // The last day also spills 0.2° (15 km) into Russia and stops 0.4 km short of UA-01's western edge.
        Fixtures.write(dir, "front_20240104.geojson", Fixtures.collection(List.of(box(30.005, 32.2, 48, 49)),
                null));
        for (Attribution a : Attribution.values()) {
            MeasureOptions o = MeasureOptions.defaults().withAttribution(a);
            String one = csv(ControlSeries.measure(List.of(dir.toString()), overlay, Controller.RU, o, null, pool(1),
                    ControlSeries.SILENT, w -> { }));
            String two = csv(ControlSeries.measure(List.of(dir.toString()), overlay, Controller.RU, o, null, pool(2),
                    ControlSeries.SILENT, w -> { }));
            assertThat(two).isEqualTo(one);
            Booking alone = overlay.book(box(30.005, 32.2, 48, 49), Controller.RU, o, true, "last");
            String row = one.lines().filter(l -> l.startsWith("2024-01-04,UA-02,")).findFirst().orElseThrow();
            double km2 = Double.parseDouble(row.split(",")[2]);
            // Cells cut the box's long edges into shorter geodesics (see above): about 1e-5 relative.
            assertThat(km2).as(a.label()).isCloseTo(alone.heldKm2(1), within(1e-5 * km2));
            String ua01 = one.lines().filter(l -> l.startsWith("2024-01-04,UA-01,")).findFirst().orElseThrow();
            if (a == Attribution.NEAREST) {
                assertThat(ua01).as("the thin strip counts as held").contains(",100.00,");
                assertThat(one).doesNotContain("2024-01-04,RU-01,");
            } else {
                assertThat(one).contains("2024-01-04,RU-01,");
                assertThat(ua01).endsWith(",");
            }
        }
    }

    @Test
    void frontLengthOnEveryDateWhenAskedFor() throws IOException {
        threeSnapshots();
        MeasureOptions o = MeasureOptions.defaults().withFront(true);
        ControlSeries s = ControlSeries.measure(List.of(dir.toString()), overlay, Controller.RU, o, null, pool(2),
                ControlSeries.SILENT, w -> { });
        List<ControlSeries.Row> ua = s.rows().stream().filter(r -> r.iso().equals("UA")).toList();
        assertThat(ua).hasSize(3).allSatisfy(r -> assertThat(r.frontKm()).isNotNull());
        // The last day's front is what measuring that snapshot alone gives.
        Measurement alone = overlay.measure(ControlPolygons.of(Controller.RU, box(30, 31.5, 48, 49), "t"),
                MeasureOptions.defaults());
        assertThat(ua.get(2).frontKm()).isCloseTo(alone.allocation().frontKm(), within(1e-9));
        assertThat(run(2, dir.toString()).rows()).allSatisfy(r -> assertThat(r.frontKm()).isNull());
    }

    @Test
    void oneCollectionOfDatedFeatures() throws IOException {
        Path f = Fixtures.write(dir, "all.geojson", Fixtures.collection(
                List.of(box(30, 30.5, 48, 49), box(30, 31, 48, 49), box(31.5, 32.5, 48, 48.5)),
                List.of("{\"date\":\"2024-01-02\"}", "{\"date\":\"2024-01-01\"}", "{\"date\":\"2024-01-02\"}")));
        ControlSeries s = run(2, f.toString());
        assertThat(s.points()).hasSize(2);
        assertThat(s.points().get(0).date()).isEqualTo(LocalDate.of(2024, 1, 1));
        List<ControlSeries.Row> day2 = s.rows().stream().filter(r -> r.date().getDayOfMonth() == 2).toList();
        assertThat(day2).extracting(ControlSeries.Row::iso).containsExactly("UA-01", "UA-02", "UA", "outside");
        assertThat(s.source()).isEqualTo("all.geojson");
    }

    @Test
    void globPattern() throws IOException {
        threeSnapshots();
        assertThat(run(2, dir + "/front_*.geojson").points()).hasSize(2);
        assertThatThrownBy(() -> run(2, dir + "/nothing_*.geojson")).isInstanceOf(InputException.class)
                .hasMessageContaining("no files match");
    }

    @Test
    void snapshotWithoutDate() throws IOException {
        Fixtures.write(dir, "front.geojson", Fixtures.collection(List.of(box(30, 31, 48, 49)), null));
        Fixtures.write(dir, "front_20240101.geojson", Fixtures.collection(List.of(box(30, 31, 48, 49)), null));
        assertThatThrownBy(() -> run(2, dir.toString())).isInstanceOf(InputException.class)
                .hasMessageContaining("front.geojson: no date");
    }

    @Test
    void twoSnapshotsWithTheSameDate() throws IOException {
        Fixtures.write(dir, "a_20240101.geojson", Fixtures.collection(List.of(box(30, 31, 48, 49)), null));
        Fixtures.write(dir, "b_2024-01-01.geojson", Fixtures.collection(List.of(box(30, 31, 48, 49)), null));
        assertThatThrownBy(() -> run(2, dir.toString())).isInstanceOf(InputException.class)
                .hasMessageContaining("b_2024-01-01.geojson: date 2024-01-01 is also the date of")
                .hasMessageContaining("a_20240101.geojson");
    }

    @Test
    void nonPolygonGeometryOnly() throws IOException {
        Fixtures.write(dir, "p_20240101.geojson", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":"
                + "\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[30.5,48.5]}}]}");
        // The reader or ControlPolygons says so, naming the file.
        assertThatThrownBy(() -> run(2, dir.toString())).isInstanceOf(InputException.class)
                .hasMessageContaining("p_20240101.geojson: no ").hasMessageContaining("olygon");
    }

    @Test
    void emptyDirectory() {
        assertThatThrownBy(() -> run(2, dir.toString())).isInstanceOf(InputException.class)
                .hasMessageContaining("no .geojson");
    }

    @Test
    void gzipNameThatIsNotGzip() throws IOException {
        Fixtures.write(dir, "x_20240101.geojson.gz", Fixtures.collection(List.of(box(30, 31, 48, 49)), null));
        assertThatThrownBy(() -> run(2, dir.toString())).isInstanceOf(InputException.class)
                .hasMessageContaining("not a gzip file");
    }

    @Test
    void truncatedGzipIsAnError() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(buf)) {
            out.write(Fixtures.collection(List.of(box(30, 31, 48, 49)), null).getBytes(StandardCharsets.UTF_8));
        }
        byte[] all = buf.toByteArray();
        Files.write(dir.resolve("t_20240101.geojson.gz"), java.util.Arrays.copyOf(all, all.length / 2));
        assertThatThrownBy(() -> run(2, dir.toString())).isInstanceOf(InputException.class)
                .hasMessageContaining("t_20240101.geojson.gz");
    }

    @Test
    void cliExitsWithTwoAndOneLineOnBadInput() {
        CliRun r = CliRun.run("series", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains("no .geojson");
    }

    @Test
    void jsonOutput() throws IOException {
        threeSnapshots();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableFormat.JSON.write(SeriesTable.table(run(2, dir.toString())), out);
        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"controller\" : \"RU\"").contains("\"iso_3166_2\" : \"UA\"");
        List<String> dates = new ArrayList<>();
        for (String l : json.split("\n")) {
            if (l.contains("\"date\"")) {
                dates.add(l.trim());
            }
        }
        assertThat(dates).hasSize(7);
    }
}
