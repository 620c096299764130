package org.controlmap.geodata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.controlmap.InputException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Reading that hands features on as they come ({@link FeatureFiles#stream}): the same features as reading
 * whole, progress told with growing counts up to the file's size and feature count, and the input limit
 * ({@link InputLimit}) applied inside a FlatGeobuf and a KMZ as in GeoJSON.
 */
class StreamingReadTest {
    private static final GeometryFactory GF = new GeometryFactory();

    @TempDir
    Path dir;

    /**
     * 25,000 squares as GeoJSON (past two of {@link ProgressCounter#FEATURES_STEP}), written once for the two
     * tests that only read it.
     */
    @TempDir
    static Path shared;
    private static Path many;

    @BeforeAll
    static void writeMany() throws IOException {
        many = shared.resolve("many.geojson");
        FormatWriters.geoJson(many, squares(25_000));
    }

    /** One call to a {@link ReadProgress}. */
    record Told(long bytes, long total, long features) {
    }

    private static List<FormatWriters.Shape> squares(int n) {
        List<FormatWriters.Shape> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x = 30 + 0.001 * (i % 1000);
            double y = 45 + 0.001 * (i / 1000);
            out.add(new FormatWriters.Shape(Map.of("n", Integer.toString(i)),
                    GF.toGeometry(new Envelope(x, x + 0.001, y, y + 0.001))));
        }
        return out;
    }

    private static List<Told> stream(Path file, List<GeoFeature> into) {
        List<Told> told = new ArrayList<>();
        FeatureFiles.stream(file, null, InputLimit.DEFAULT_BYTES, w -> { }, into::add,
                (b, t, f) -> told.add(new Told(b, t, f)));
        return told;
    }

    private static void assertGrowing(List<Told> told, long bytes, long features) {
        assertThat(told).hasSizeGreaterThan(2);
        for (int i = 1; i < told.size(); i++) {
            assertThat(told.get(i).bytes()).isGreaterThanOrEqualTo(told.get(i - 1).bytes());
            assertThat(told.get(i).features()).isGreaterThanOrEqualTo(told.get(i - 1).features());
        }
        Told last = told.get(told.size() - 1);
        assertThat(last.bytes()).isEqualTo(bytes);
        assertThat(last.total()).isEqualTo(bytes);
        assertThat(last.features()).isEqualTo(features);
        assertThat(told.get(0).features()).isLessThan(features);
    }

    @Test
    void geoJsonStreamsTheFeaturesOfAWholeReadAndTellsProgress() throws IOException {
        Path file = many;
        List<GeoFeature> streamed = new ArrayList<>();
        List<Told> told = stream(file, streamed);
        assertGrowing(told, Files.size(file), 25_000);
        List<GeoFeature> whole = FeatureFiles.read(file, null, w -> { }).features();
        assertThat(streamed).hasSameSizeAs(whole);
        for (int i = 0; i < whole.size(); i++) {
            assertThat(streamed.get(i).index()).isEqualTo(whole.get(i).index());
            assertThat(streamed.get(i).properties()).isEqualTo(whole.get(i).properties());
            assertThat(streamed.get(i).geometry().equalsExact(whole.get(i).geometry())).isTrue();
        }
    }

    @Test
    void gzipProgressCountsTheCompressedFile() throws IOException {
        Path plain = many;
        Path gz = dir.resolve("many.geojson.gz");
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(plain));
        }
        List<GeoFeature> streamed = new ArrayList<>();
        assertGrowing(stream(gz, streamed), Files.size(gz), 25_000);
        assertThat(streamed).hasSize(25_000);
    }

    @Test
    void flatGeobufStreamsAndTellsProgress() throws IOException {
        Path file = dir.resolve("many.fgb");
        FormatWriters.fgb(file, "many", squares(21_000), 4326);
        List<GeoFeature> streamed = new ArrayList<>();
        assertGrowing(stream(file, streamed), Files.size(file), 21_000);
        assertThat(streamed).hasSize(21_000);
    }

    @Test
    void flatGeobufKeepsTheInputLimitNamingTheOption() throws IOException {
        Path file = dir.resolve("small.fgb");
        FormatWriters.fgb(file, "small", squares(50), 4326);
        long limit = Files.size(file) - 1;
        assertThatThrownBy(() -> new FlatGeobufReader(w -> { }).read(file, limit, null, ReadProgress.NONE))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageContaining(InputLimit.OPTION).hasMessageContaining(InputLimit.ENV);
        assertThat(new FlatGeobufReader(w -> { }).read(file, limit + 1, null, ReadProgress.NONE).features())
                .hasSize(50);
    }

    @Test
    void kmzKeepsTheInputLimitNamingTheOption() throws IOException {
        String kml = FormatWriters.kml("doc", squares(40));
        Path file = dir.resolve("small.kmz");
        FormatWriters.zip(file, Map.of("doc.kml", kml));
        long size = kml.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        // the reader's own cap, past the early check of declared sizes (a zip may lie about them)
        assertThatThrownBy(() -> new KmlReader(w -> { }).readKmz(file, size - 1, null, ReadProgress.NONE))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + "!/doc.kml: larger than " + (size - 1) + " bytes")
                .hasMessageContaining(InputLimit.OPTION).hasMessageContaining(InputLimit.ENV);
        List<Told> told = new ArrayList<>();
        List<GeoFeature> fs = new ArrayList<>();
        new KmlReader(w -> { }).readKmz(file, size, fs::add, (b, t, f) -> told.add(new Told(b, t, f)));
        assertThat(fs).hasSize(40);
        assertThat(told.get(told.size() - 1)).isEqualTo(new Told(size, size, 40));
        // and through FeatureFiles, the limit given is the one applied
        assertThatThrownBy(() -> FeatureFiles.read(file, null, size - 1, w -> { }))
                .isInstanceOf(InputException.class).hasMessageContaining(InputLimit.OPTION);
    }
}
