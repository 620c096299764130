package org.controlmap.control.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.controlmap.control.measure.Fixtures.box;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.ForkJoinPool;
import org.controlmap.InputException;
import org.controlmap.control.Controller;
import org.controlmap.geodata.FeatureSelection;
import org.controlmap.geodata.GeodesicArea;
import org.controlmap.geodata.InputLimit;
import org.controlmap.table.SeriesTable;
import org.controlmap.table.TableFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * A series' snapshot file merged per date while it is read ({@link DatedPolygons}): the dates, names, warnings
 * and refusals {@code series} gave when it grouped the whole file's features by date, the ground of each
 * date against the plain union of its features and against files of one date each, and a file of many more
 * features than a batch never waiting whole.
 */
class DatedPolygonsTest {
    private final ControlOverlay overlay = Fixtures.overlay();

    @TempDir
    Path dir;

    private static final FeatureSelection ALL = FeatureSelection.ALL.withMaxBytes(InputLimit.DEFAULT_BYTES);

    private static String date(String d) {
        return "{\"date\":\"" + d + "\"}";
    }

    private Path write(String name, List<Geometry> boxes, List<String> props) throws IOException {
        return Fixtures.write(dir, name, Fixtures.collection(boxes, props));
    }

    private static String csv(ControlSeries s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableFormat.CSV.write(SeriesTable.table(s), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private ControlSeries series(String input) {
        return ControlSeries.measure(List.of(input), overlay, Controller.RU, MeasureOptions.defaults(), null,
                new ForkJoinPool(2), ControlSeries.SILENT, w -> { });
    }

    private static void assertSameGround(Geometry got, Geometry expected) {
        double km2 = GeodesicArea.km2(expected);
        assertThat(got.isValid()).isTrue();
        assertThat(GeodesicArea.km2(got)).isCloseTo(km2, within(km2 * 1e-9));
        assertThat(GeodesicArea.km2(OverlayNGRobust.overlay(got, expected, OverlayNG.SYMDIFFERENCE)))
                .isLessThan(km2 * 1e-9);
    }

    @Test
    void aFileOfSeveralDatesIsTheSeriesOfItsDatesInFilesOfTheirOwn() throws IOException {
        // Three days, their features interleaved and overlapping; then each day in its own file, undated. Full
        // height boxes: their long edges lie on the regions' with vertices every 0.5°, as the cells cut them.
        List<Geometry> boxes = List.of(box(30, 30.5, 48, 49), box(30, 31.2, 48, 49), box(30.2, 31, 48, 49),
                box(30, 31.9, 48, 49), box(30.4, 31.5, 48, 49), box(31, 32.2, 48, 49));
        List<String> days = List.of("2024-01-01", "2024-01-02", "2024-01-01", "2024-01-03", "2024-01-02",
                "2024-01-03");
        Path all = write("all.geojson", boxes, days.stream().map(DatedPolygonsTest::date).toList());
        Path apart = Files.createDirectory(dir.resolve("apart"));
        for (String day : List.of("2024-01-01", "2024-01-02", "2024-01-03")) {
            List<Geometry> its = new ArrayList<>();
            for (int i = 0; i < boxes.size(); i++) {
                if (days.get(i).equals(day)) {
                    its.add(boxes.get(i));
                }
            }
            Fixtures.write(apart, "front_" + day + ".geojson", Fixtures.collection(its, null));
        }
        String one = csv(series(all.toString()));
        assertThat(one).isEqualTo(csv(series(apart.toString())));
        // and each day's Ukraine row is what booking that day's file alone gives (cells: about 1e-5 relative)
        for (String day : List.of("2024-01-01", "2024-01-02", "2024-01-03")) {
            ControlFile alone = ControlFile.read(apart.resolve("front_" + day + ".geojson"), Controller.RU, w -> { });
            double expected = overlay.measure(alone.polygons(), MeasureOptions.defaults()).ukraineKm2(Controller.RU);
            String row = one.lines().filter(l -> l.startsWith(day + ",UA,")).findFirst().orElseThrow();
            assertThat(Double.parseDouble(row.split(",")[2])).isCloseTo(expected, within(1e-5 * expected));
        }
        SortedMap<LocalDate, ControlPolygons> read = DatedPolygons.read(all, Controller.RU, ALL, w -> { });
        assertThat(read.values()).extracting(ControlPolygons::name).containsExactly(all + " (2024-01-01)",
                all + " (2024-01-02)", all + " (2024-01-03)");
    }

    @Test
    void undatedFeaturesTakeTheFileNamesDateWhereverTheyAre() throws IOException {
        Path f = write("front_20240105.geojson", List.of(box(30, 30.5, 48, 49), box(30, 31, 48, 48.5),
                box(30, 31.5, 48, 49), box(30.5, 31.5, 48.5, 49)),
                List.of("{}", date("2024-01-02"), "{}", date("2024-01-01")));
        SortedMap<LocalDate, ControlPolygons> read = DatedPolygons.read(f, Controller.RU, ALL, w -> { });
        assertThat(read.keySet()).extracting(LocalDate::toString)
                .containsExactly("2024-01-01", "2024-01-02", "2024-01-05");
        Geometry undated = ControlPolygons.union(List.of(box(30, 30.5, 48, 49), box(30, 31.5, 48, 49)), "u");
        assertThat(read.get(LocalDate.of(2024, 1, 5)).held(Controller.RU).equalsExact(undated)).isTrue();
        assertThat(read.get(LocalDate.of(2024, 1, 5)).name()).isEqualTo(f + " (2024-01-05)");
        assertThat(DatedPolygons.dates(f, ALL, w -> { })).isEqualTo(read.keySet());
        // a file none of whose features is dated is one snapshot, of its name's date, named as the file
        Path plain = write("front_20240106.geojson", List.of(box(30, 30.5, 48, 49), box(30, 31, 48, 48.5)), null);
        SortedMap<LocalDate, ControlPolygons> one = DatedPolygons.read(plain, Controller.RU, ALL, w -> { });
        assertThat(one.keySet()).containsExactly(LocalDate.of(2024, 1, 6));
        assertThat(one.get(LocalDate.of(2024, 1, 6)).name()).isEqualTo(plain.toString());
    }

    @Test
    void anUndatedFeatureBesideDatedOnesIsRefusedByItsIndexWhenTheNameHasNoDate() throws IOException {
        List<Geometry> three = List.of(box(30, 30.5, 48, 49), box(30, 31, 48, 48.5), box(30, 31.5, 48, 49));
        Path after = write("after.geojson", three, List.of(date("2024-01-01"), date("2024-01-02"), "{}"));
        assertRefused(after, after + ": feature 2: no \"date\" property (other features have one) and the file"
                + " name has no date");
        // the undated ones come first: which is wrong is known only when a dated one comes, and it is the first
        Path before = write("before.geojson", three, List.of("{}", "{}", date("2024-01-01")));
        assertRefused(before, before + ": feature 0: no \"date\" property (other features have one) and the file"
                + " name has no date");
        // a date that is no date: its own message when it comes first, the undated feature's when that does
        Path badFirst = write("badfirst.geojson", three, List.of(date("soon"), "{}", date("2024-01-01")));
        assertRefused(badFirst, Fixtures.messageOf(() -> SnapshotDates.fromProperty("soon", badFirst + ": feature 0")));
        Path badLater = write("badlater.geojson", three, List.of("{}", date("soon"), date("2024-01-01")));
        assertRefused(badLater, badLater + ": feature 0: no \"date\" property (other features have one) and the"
                + " file name has no date");
    }

    private static void assertRefused(Path f, String message) {
        assertThatThrownBy(() -> DatedPolygons.read(f, Controller.RU, ALL, w -> { }))
                .isInstanceOf(InputException.class).hasMessage(message);
        assertThatThrownBy(() -> DatedPolygons.dates(f, ALL, w -> { }))
                .isInstanceOf(InputException.class).hasMessage(message);
    }

    @Test
    void aFileWithoutDatesInItsFeaturesOrNameIsDatedByItsProperties() throws IOException {
        List<Geometry> two = List.of(box(30, 30.5, 48, 49), box(30, 31, 48, 48.5));
        // a top-level member after the features: known only at the end of the file
        String collection = Fixtures.collection(two, null);
        Path top = Fixtures.write(dir, "top.geojson", collection.substring(0, collection.length() - 1)
                + ",\"date\":\"2024-03-04\"}");
        SortedMap<LocalDate, ControlPolygons> read = DatedPolygons.read(top, Controller.RU, ALL, w -> { });
        assertThat(read.keySet()).containsExactly(LocalDate.of(2024, 3, 4));
        assertSameGround(read.get(LocalDate.of(2024, 3, 4)).held(Controller.RU), ControlPolygons.union(two, "t"));
        // features edited on different days: the latest, with the warning ControlFile gives
        Path edited = write("edited.geojson", two, List.of("{\"updated\":\"2024-02-01T10:00:00Z\"}",
                "{\"updated\":\"2024-02-03\"}"));
        List<String> warnings = new ArrayList<>();
        assertThat(DatedPolygons.read(edited, Controller.RU, ALL, warnings::add).keySet())
                .containsExactly(LocalDate.of(2024, 2, 3));
        assertThat(warnings).containsExactly(edited + ": features carry 2 different dates, 2024-02-01 to"
                + " 2024-02-03; dated 2024-02-03, the latest");
        List<String> fileWarnings = new ArrayList<>();
        ControlFile.read(edited, Controller.RU, fileWarnings::add);
        assertThat(warnings).isEqualTo(fileWarnings);
        Path none = write("none.geojson", two, null);
        assertRefused(none, none + ": no date in its name or properties: name it with YYYYMMDD or YYYY-MM-DD, or"
                + " give its features a \"date\" property");
    }

    @Test
    void theSelectionAndSizeLimitApplyAsTheyDid() throws IOException {
        List<Geometry> boxes = List.of(box(30, 30.5, 48, 49), box(30, 31, 48, 48.5), box(30, 31.5, 48, 49),
                box(30, 32, 48, 49));
        Path f = write("kinds.geojson", boxes, List.of("{\"date\":\"2024-01-01\",\"kind\":\"occupied\"}",
                "{\"date\":\"2024-01-01\",\"kind\":\"contested\"}", "{\"date\":\"2024-01-02\",\"kind\":\"occupied\"}",
                "{\"date\":\"2024-01-03\",\"kind\":\"contested\"}"));
        FeatureSelection occupied = FeatureSelection.parse(null, List.of("kind=occupied"))
                .withMaxBytes(InputLimit.DEFAULT_BYTES);
        SortedMap<LocalDate, ControlPolygons> read = DatedPolygons.read(f, Controller.RU, occupied, w -> { });
        // the third date has no selected feature: it is no snapshot
        assertThat(read.keySet()).extracting(LocalDate::toString).containsExactly("2024-01-01", "2024-01-02");
        assertThat(read.get(LocalDate.of(2024, 1, 1)).held(Controller.RU).equalsExact(boxes.get(0))).isTrue();
        assertThat(DatedPolygons.dates(f, occupied, w -> { })).isEqualTo(read.keySet());
        FeatureSelection unknown = FeatureSelection.parse(null, List.of("colour=red"))
                .withMaxBytes(InputLimit.DEFAULT_BYTES);
        String whole = Fixtures.messageOf(() -> unknown.apply(org.controlmap.geodata.FeatureFiles.read(f, null, w -> { })
                .features(), f.toString()));
        assertThat(whole).startsWith(f + ": --where colour=red: no feature has a property \"colour\"");
        assertThatThrownBy(() -> DatedPolygons.read(f, Controller.RU, unknown, w -> { }))
                .isInstanceOf(InputException.class).hasMessage(whole);
        assertThatThrownBy(() -> DatedPolygons.read(f, Controller.RU, ALL.withMaxBytes(100), w -> { }))
                .isInstanceOf(InputException.class).hasMessageStartingWith(f + ": ")
                .hasMessageContaining(InputLimit.OPTION);
        assertThatThrownBy(() -> DatedPolygons.dates(f, ALL.withMaxBytes(100), w -> { }))
                .isInstanceOf(InputException.class).hasMessageContaining(InputLimit.OPTION);
    }

    /** Squares of 0.01° x 0.005° at 47–48°N, {@code n} a row, edge-matched; date k of {@code dates} every k-th. */
    private Path squares(String name, int count, int n, int dates, boolean interleaved) throws IOException {
        StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int k = 0; k < count; k++) {
            int i = k % n;
            int j = k / n;
            int day = interleaved ? k % dates : k * dates / count;
            double x0 = 35 + 0.01 * i;
            double x1 = 35 + 0.01 * (i + 1);
            double y0 = 47 + 0.005 * j;
            double y1 = 47 + 0.005 * (j + 1);
            sb.append(k == 0 ? "" : ",").append("{\"type\":\"Feature\",\"properties\":{\"date\":\"2024-01-")
                    .append(String.format("%02d", day + 1)).append("\"},\"geometry\":{\"type\":\"Polygon\","
                            + "\"coordinates\":[[[").append(x0).append(',').append(y0).append("],[")
                    .append(x1).append(',').append(y0).append("],[").append(x1).append(',')
                    .append(y1).append("],[").append(x0).append(',').append(y1).append("],[")
                    .append(x0).append(',').append(y0).append("]]]}}");
        }
        return Fixtures.write(dir, name, sb.append("]}").toString());
    }

    /** The plain union of each date's features, read whole: what series merged before it streamed. */
    private static Map<LocalDate, Geometry> wholeUnions(Path f) {
        Map<LocalDate, List<Geometry>> byDate = new java.util.TreeMap<>();
        for (var feature : org.controlmap.geodata.FeatureFiles.read(f, null, w -> { }).features()) {
            byDate.computeIfAbsent(SnapshotDates.fromProperty(feature.properties().get("date"), "t"),
                    k -> new ArrayList<>()).add(feature.geometry());
        }
        Map<LocalDate, Geometry> out = new java.util.TreeMap<>();
        byDate.forEach((d, gs) -> out.put(d, ControlPolygons.union(gs, "whole")));
        return out;
    }

    private static final int BATCH = 16;

    @Test
    void featuresOfInterleavedDatesNeverWaitWholeAndGiveTheGroundOfOneUnion() throws IOException {
        // 900 squares, three dates taking turns: each date's batches fill a few squares at a time
        Path f = squares("turns.geojson", 900, 30, 3, true);
        DatedPolygons d = new DatedPolygons(f, Controller.RU, true, BATCH, Long.MAX_VALUE, 4);
        SortedMap<LocalDate, ControlPolygons> read = d.polygons(f, ALL, w -> { });
        assertThat(d.mostWaiting()).isLessThanOrEqualTo(2L * BATCH);
        Map<LocalDate, Geometry> whole = wholeUnions(f);
        assertThat(read.keySet()).isEqualTo(whole.keySet()).hasSize(3);
        whole.forEach((date, g) -> assertSameGround(read.get(date).held(Controller.RU), g));
    }

    @Test
    void datesOneAfterAnotherAreEachMergedInOneBatchExactlyAsBefore() throws IOException {
        // 6 dates of 12 squares in a row: more than a batch waits in all, never more than one batch per date
        Path f = squares("days.geojson", 72, 12, 6, false);
        DatedPolygons d = new DatedPolygons(f, Controller.RU, true, BATCH, Long.MAX_VALUE, 4);
        SortedMap<LocalDate, ControlPolygons> read = d.polygons(f, ALL, w -> { });
        assertThat(d.mostWaiting()).isLessThanOrEqualTo(2L * BATCH);
        Map<LocalDate, Geometry> whole = wholeUnions(f);
        assertThat(read.keySet()).isEqualTo(whole.keySet()).hasSize(6);
        whole.forEach((date, g) -> assertThat(read.get(date).held(Controller.RU).equalsExact(g)).isTrue());
    }

    @Test
    void snapshotSequenceListsAndMeasuresTheDatesOfAFile() throws IOException {
        Path f = write("all.geojson", List.of(box(30, 30.5, 48, 49), box(30, 31, 48, 48.5)),
                List.of(date("2024-01-02"), date("2024-01-01")));
        List<SnapshotSequence.Snapshot> list = SnapshotSequence.list(List.of(f), ALL, new ForkJoinPool(1),
                w -> { });
        assertThat(list).extracting(SnapshotSequence.Snapshot::origin).containsExactly(f + " (2024-01-01)",
                f + " (2024-01-02)");
        SnapshotSequence.Meter meter = new SnapshotSequence.Meter(overlay, Controller.RU, MeasureOptions.defaults(),
                ALL);
        assertThat(meter.measure(list.get(0)).held().equalsExact(box(30, 31, 48, 48.5))).isTrue();
        assertThat(meter.measure(list.get(1)).held().equalsExact(box(30, 30.5, 48, 49))).isTrue();
    }

    @Test
    void theSnapshotThatReadsAFileCarriesItsDatesOverlapWarnings() throws IOException {
        // animate and web measure through the Meter: RU and UA over the same ground on 2024-01-01 is said once,
        // with the snapshot that read the file, named as series names it.
        Path f = write("sides.geojson", List.of(box(30, 31, 48, 49), box(30.5, 31.5, 48, 49), box(30, 31, 48, 49)),
                List.of("{\"date\": \"2024-01-01\", \"controller\": \"RU\"}",
                        "{\"date\": \"2024-01-01\", \"controller\": \"UA\"}", date("2024-01-02")));
        List<SnapshotSequence.Snapshot> list = SnapshotSequence.list(List.of(f), ALL, new ForkJoinPool(1),
                w -> { });
        SnapshotSequence.Meter meter = new SnapshotSequence.Meter(overlay, Controller.RU, MeasureOptions.defaults(),
                ALL);
        assertThat(meter.measure(list.get(0)).warnings()).singleElement().asString()
                .startsWith(f + " (2024-01-01): RU and UA features overlap over ");
        assertThat(meter.measure(list.get(1)).warnings()).isEmpty();
    }
}
