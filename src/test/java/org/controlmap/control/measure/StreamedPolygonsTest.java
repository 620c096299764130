package org.controlmap.control.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.controlmap.InputException;
import org.controlmap.control.Controller;
import org.controlmap.geodata.FeatureFiles;
import org.controlmap.geodata.FeatureSelection;
import org.controlmap.geodata.GeoFeature;
import org.controlmap.geodata.GeodesicArea;
import org.controlmap.geodata.InputLimit;
import org.controlmap.geodata.ReadProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Held ground merged batch by batch while a file is read ({@link StreamedPolygons}) against the features read
 * whole and merged at once ({@link ControlPolygons#of}): the same ground and km² for inputs of more than one
 * batch (a coverage, overlapping squares, two sides), the very same geometry for inputs of one batch, and the
 * same refusals.
 */
class StreamedPolygonsTest {
    private static final GeometryFactory GF = new GeometryFactory();

    @TempDir
    Path dir;

    /** {@code n} x {@code m} squares, neighbours sharing their vertices exactly; {@code overlap} degrees more. */
    private static List<GeoFeature> grid(int n, int m, double overlap, Controller every2ndRow) {
        List<GeoFeature> fs = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < n; i++) {
                Geometry sq = GF.toGeometry(new Envelope(35 + 0.01 * i, 35 + 0.01 * (i + 1) + overlap,
                        47 + 0.005 * j, 47 + 0.005 * (j + 1) + overlap));
                Map<String, Object> props = every2ndRow != null && (j / 7) % 2 == 1
                        ? Map.of("controller", every2ndRow.name()) : Map.of();
                fs.add(new GeoFeature(fs.size(), props, sq));
            }
        }
        return fs;
    }

    /** Batches of this many features, at most four batch results kept: many batches and merges, small grids. */
    private static final int BATCH = 200;

    private static ControlPolygons streamed(List<GeoFeature> fs) {
        StreamedPolygons s = new StreamedPolygons(Controller.RU, "grid", BATCH, Long.MAX_VALUE, 4);
        fs.forEach(s);
        return s.finish(w -> { });
    }

    private static void assertSameGround(ControlPolygons got, ControlPolygons expected) {
        assertThat(got.controllers()).isEqualTo(expected.controllers());
        for (Controller c : expected.controllers()) {
            Geometry a = got.held(c);
            Geometry b = expected.held(c);
            assertThat(a.isValid()).isTrue();
            double km2 = GeodesicArea.km2(b);
            assertThat(GeodesicArea.km2(a)).isCloseTo(km2, within(km2 * 1e-9));
            double apart = GeodesicArea.km2(OverlayNGRobust.overlay(a, b, OverlayNG.SYMDIFFERENCE));
            assertThat(apart).isLessThan(km2 * 1e-9);
        }
    }

    @Test
    void aCoverageOfManyBatchesGivesTheGroundOfOneUnion() {
        // 45 x 25 = 1,125 squares: five full batches and a part, the results merged twice (at four, at the end)
        List<GeoFeature> fs = grid(45, 25, 0, null);
        assertThat(fs.size()).isGreaterThan(5 * BATCH);
        ControlPolygons got = streamed(fs);
        assertSameGround(got, ControlPolygons.of(fs, Controller.RU, "grid"));
        assertThat(got.held(Controller.RU).getNumGeometries()).isEqualTo(1);
    }

    @Test
    void overlappingSquaresOfManyBatchesGiveTheGroundOfOneUnion() {
        List<GeoFeature> fs = grid(30, 25, 0.003, null);
        assertThat(fs.size()).isGreaterThan(3 * BATCH);
        assertSameGround(streamed(fs), ControlPolygons.of(fs, Controller.RU, "grid"));
    }

    @Test
    void twoSidesAreMergedApart() {
        List<GeoFeature> fs = grid(40, 42, 0, Controller.UA);
        assertThat(fs.size()).isGreaterThan(8 * BATCH);
        ControlPolygons got = streamed(fs);
        assertThat(got.controllers()).containsExactly(Controller.RU, Controller.UA);
        assertSameGround(got, ControlPolygons.of(fs, Controller.RU, "grid"));
    }

    @Test
    void oneBatchIsMergedExactlyAsBefore() {
        List<GeoFeature> fs = grid(40, 30, 0, Controller.UA);
        assertThat(fs.size()).isLessThan(StreamedPolygons.BATCH_FEATURES);
        StreamedPolygons s = new StreamedPolygons(Controller.RU, "grid");
        fs.forEach(s);
        ControlPolygons got = s.finish(w -> { });
        // ControlPolygons.of goes through StreamedPolygons too: the one union of all a side's features instead
        for (Controller c : List.of(Controller.RU, Controller.UA)) {
            List<Geometry> side = fs.stream().filter(f -> (c == Controller.UA) == !f.properties().isEmpty())
                    .map(GeoFeature::geometry).toList();
            assertThat(side).isNotEmpty();
            assertThat(got.held(c).equalsExact(ControlPolygons.union(side, "grid"))).isTrue();
        }
        assertThat(got.controllers()).containsExactly(Controller.RU, Controller.UA);
    }

    @Test
    void aFileIsReadIntoTheSameGroundAndKm2AsBefore() throws IOException {
        List<GeoFeature> fs = grid(120, 80, 0, Controller.UA);
        Path file = dir.resolve("grid-2024-11-20.geojson");
        StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (GeoFeature f : fs) {
            Envelope e = f.geometry().getEnvelopeInternal();
            sb.append(f.index() == 0 ? "" : ",").append("{\"type\":\"Feature\",\"properties\":{");
            if (!f.properties().isEmpty()) {
                sb.append("\"controller\":\"UA\"");
            }
            sb.append("},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[").append(e.getMinX()).append(',')
                    .append(e.getMinY()).append("],[").append(e.getMaxX()).append(',').append(e.getMinY())
                    .append("],[").append(e.getMaxX()).append(',').append(e.getMaxY()).append("],[")
                    .append(e.getMinX()).append(',').append(e.getMaxY()).append("],[").append(e.getMinX())
                    .append(',').append(e.getMinY()).append("]]]}}");
        }
        Files.writeString(file, sb.append("]}").toString());
        List<String> warnings = new ArrayList<>();
        ControlFile read = ControlFile.read(file, Controller.RU, null, null, FeatureSelection.ALL,
                ReadProgress.NONE, warnings::add);
        ControlPolygons before = ControlPolygons.of(FeatureFiles.read(file, null, w -> { }).features(),
                Controller.RU, file.toString());
        assertSameGround(read.polygons(), before);
        assertThat(read.date()).hasToString("2024-11-20");
        assertThat(warnings).isEmpty();
    }

    @Test
    void selectionAndRefusalsAreTheOnesOfReadingWhole() throws IOException {
        Path file = dir.resolve("two.geojson");
        Files.writeString(file, """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"side":"a","controller":"RU","date":"2024-01-02"},
                 "geometry":{"type":"Polygon","coordinates":[[[30,48],[31,48],[31,49],[30,48]]]}},
                {"type":"Feature","properties":{"side":"b","controller":"XX"},
                 "geometry":{"type":"Polygon","coordinates":[[[32,48],[33,48],[33,49],[32,48]]]}}]}""");
        // --where on a property no feature has: the selection's message, before the bad controller's
        FeatureSelection unknown = FeatureSelection.parse(null, List.of("colour!=red"));
        String expected = Fixtures.messageOf(() -> unknown.apply(FeatureFiles.read(file, null, w -> { }).features(),
                file.toString()));
        assertThatThrownBy(() -> read(file, unknown)).isInstanceOf(InputException.class).hasMessage(expected);
        FeatureSelection none = FeatureSelection.parse(null, List.of("side=c"));
        String expectedNone = Fixtures.messageOf(() -> none.apply(FeatureFiles.read(file, null, w -> { }).features(),
                file.toString()));
        assertThatThrownBy(() -> read(file, none)).isInstanceOf(InputException.class).hasMessage(expectedNone);
        // the bad controller, when selected
        assertThatThrownBy(() -> read(file, FeatureSelection.ALL)).isInstanceOf(InputException.class)
                .hasMessageContaining("feature 1: controller \"XX\" is neither RU nor UA");
        // the other one alone is read, dated by its property
        ControlFile a = read(file, FeatureSelection.parse(null, List.of("side=a")));
        assertThat(a.polygons().controllers()).containsExactly(Controller.RU);
        assertThat(a.date()).hasToString("2024-01-02");
    }

    private ControlFile read(Path file, FeatureSelection selection) {
        return ControlFile.read(file, Controller.RU, null, null, selection.withMaxBytes(InputLimit.DEFAULT_BYTES),
                ReadProgress.NONE, w -> { });
    }
}
