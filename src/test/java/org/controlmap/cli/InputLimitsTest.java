package org.controlmap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.controlmap.InputException;
import org.controlmap.geodata.InputLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The input size limit ({@code --max-input-mb}, {@code CONTROLMAP_MAX_INPUT_MB}) and the JVM's own limits:
 * large valid inputs, made here, are refused in one line before they are parsed, and running out of heap is
 * one line with exit 3, never a stack trace. Limits are set small so the inputs stay small.
 */
class InputLimitsTest {
    @TempDir
    Path dir;

    /** {@code n} x {@code n} edge-matched squares over Zaporizhzhia, as a FeatureCollection. */
    private static void squares(Writer w, int n) throws IOException {
        w.write("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double x0 = 35 + 1.0 * i / n;
                double y0 = 47 + 0.5 * j / n;
                double x1 = 35 + 1.0 * (i + 1) / n;
                double y1 = 47 + 0.5 * (j + 1) / n;
                String a0 = f7(x0);
                String b0 = f7(y0);
                String a1 = f7(x1);
                String b1 = f7(y1);
                w.write((i + j == 0 ? "" : ",") + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":"
                        + "\"Polygon\",\"coordinates\":[[[" + a0 + "," + b0 + "],[" + a1 + "," + b0 + "],[" + a1 + ","
                        + b1 + "],[" + a0 + "," + b1 + "],[" + a0 + "," + b0 + "]]]}}");
            }
        }
        w.write("]}");
    }

    /**
     * {@code v} with seven decimals, the characters {@code String.format(Locale.ROOT, "%.7f", v)} gives (both
     * round the shortest decimal form half up) at a tenth of its cost: the inputs here are hundreds of
     * thousands of coordinates, and formatting them was seconds of the suite's CPU.
     */
    private static String f7(double v) {
        return BigDecimal.valueOf(v).setScale(7, RoundingMode.HALF_UP).toPlainString();
    }

    private Path plainSquares(String name, int n) throws IOException {
        Path f = dir.resolve(name);
        try (Writer w = Files.newBufferedWriter(f)) {
            squares(w, n);
        }
        return f;
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedByItsSizeBeforeParsing() throws IOException {
        Path f = plainSquares("squares_20250101.geojson", 60); // 3,600 features, about 0.7 MB
        long size = Files.size(f);
        assertThat(size).isBetween(InputLimit.MB / 2, InputLimit.MB);
        // Broken after the first MB: refused by size, so the syntax error past the limit is never reached.
        Files.write(f, "}}}not json".repeat(100_000).getBytes(StandardCharsets.US_ASCII),
                java.nio.file.StandardOpenOption.APPEND);
        CliRun r = CliRun.run("areas", "--control", f.toString(), "--max-input-mb", "1", "--format", "csv");
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("controlmap: " + f + ": file of 1.")
                .contains("the limit is 1 MB (--max-input-mb N or CONTROLMAP_MAX_INPUT_MB=N raises it");
    }

    @Test
    void theSameFileUnderALargerLimitIsMeasured() throws IOException {
        Path f = plainSquares("squares_20250101.geojson", 60);
        CliRun small = CliRun.run("areas", "--control", f.toString(), "--max-input-mb", "2", "--format", "csv");
        assertThat(small.code()).as(small.err()).isZero();
        assertThat(small.out()).contains("UA-23");
    }

    @Test
    void animateRefusesASnapshotOverTheLimitInOneLineAndMeasuresItUnderALargerOne() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path small = in.resolve("front_20250101.geojson");
        Files.writeString(small, AnimateCommandTest.box(37.4, 38, 47.25, 48));
        Path f = dir.resolve("in").resolve("squares_20250102.geojson");
        Files.move(plainSquares("squares.geojson", 80), f); // about 1.3 MB
        Path gif = dir.resolve("a.gif");
        CliRun r = CliRun.run("animate", in.toString(), "-o", gif.toString(), "--width", "200", "--max-input-mb",
                "1");
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("controlmap: " + f + ": file of ")
                .contains("the limit is 1 MB (--max-input-mb N or CONTROLMAP_MAX_INPUT_MB=N raises it");
        assertThat(gif).doesNotExist();
        CliRun ok = CliRun.run("animate", in.toString(), "-o", gif.toString(), "--width", "200", "--max-input-mb",
                "3");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("2 frames");
    }

    @Test
    void webRefusesASnapshotOverTheLimitInOneLineAndReadsItUnderALargerOne() throws IOException {
        Path in = Files.createDirectories(dir.resolve("web-in"));
        Files.writeString(in.resolve("front_20250101.geojson"), AnimateCommandTest.box(37.4, 38, 47.25, 48));
        Path f = in.resolve("squares_20250102.geojson");
        Files.move(plainSquares("web-squares.geojson", 80), f); // about 1.3 MB
        Path page = dir.resolve("p.html");
        CliRun r = CliRun.run("web", in.toString(), "-o", page.toString(), "--width", "400", "--max-input-mb", "1");
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("controlmap: " + f + ": file of ")
                .contains("the limit is 1 MB (--max-input-mb N or CONTROLMAP_MAX_INPUT_MB=N raises it");
        assertThat(page).doesNotExist();
        CliRun ok = CliRun.run("web", in.toString(), "-o", page.toString(), "--width", "400", "--max-input-mb", "3");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(page).exists();
    }

    @Test
    void aGzipBombOfValidFeaturesIsRefusedBeforeParsing() throws IOException {
        Path f = dir.resolve("bomb_20250101.geojson.gz");
        try (Writer w = new java.io.OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(f)),
                StandardCharsets.US_ASCII)) {
            // valid features, then (past the limit) a syntax error the parse would report first if it ran
            w.write("{\"type\":\"FeatureCollection\",\"features\":[");
            String feature = "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\","
                    + "\"coordinates\":[[[35,47],[35.1,47],[35.1,47.1],[35,47.1],[35,47]]]},";
            for (int i = 0; i < 40_000; i++) {
                w.write(feature);
            }
            w.write("oops");
        }
        assertThat(Files.size(f)).isLessThan(InputLimit.MB / 8);
        CliRun r = CliRun.run("series", f.toString(), "--max-input-mb", "1");
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("controlmap: " + f + ": gzip data that inflates to more than 1 MB; the limit"
                + " is 1 MB");
    }

    @Test
    void theEnvironmentVariableSetsTheLimitAndBadValuesAreNamed() {
        assertThat(SelectionOptions.maxInputBytes(null, null)).isEqualTo(512L << 20);
        assertThat(SelectionOptions.maxInputBytes(null, "3")).isEqualTo(3L << 20);
        assertThat(SelectionOptions.maxInputBytes("5", "3")).isEqualTo(5L << 20);
        assertThatThrownBy(() -> SelectionOptions.maxInputBytes(null, "lots")).isInstanceOf(InputException.class)
                .hasMessage("CONTROLMAP_MAX_INPUT_MB=lots: give a whole number of megabytes, e.g. 512");
        assertThatThrownBy(() -> SelectionOptions.maxInputBytes("0", null)).isInstanceOf(InputException.class)
                .hasMessage("--max-input-mb 0: give a whole number of megabytes from 1 up, e.g. 512");
        CliRun r = CliRun.run("diff", "--from", "a.geojson", "--to", "b.geojson", "--max-input-mb", "-4");
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("--max-input-mb -4: give a whole number");
    }

    @Test
    void runningOutOfHeapIsOneLineAndExitThree() throws Exception {
        // One valid polygon of 400,000 vertices: its JTS form and overlays need far more than a 40 MB heap.
        Path f = dir.resolve("dense_20250101.geojson");
        try (Writer w = Files.newBufferedWriter(f)) {
            w.write("{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[");
            int n = 100_000;
            for (int side = 0; side < 4; side++) {
                for (int k = 0; k < n; k++) {
                    double t = (double) k / n;
                    double x = side == 0 ? 35 + t : side == 1 ? 36 : side == 2 ? 36 - t : 35;
                    double y = side == 0 ? 47 : side == 1 ? 47 + 0.5 * t : side == 2 ? 47.5 : 47.5 - 0.5 * t;
                    w.write("[" + f7(x) + "," + f7(y) + "],");
                }
            }
            w.write("[35,47]]]}}");
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx40m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path"), "org.controlmap.cli.Main", "areas", "--control",
                f.toString(), "--format", "csv", "-o", dir.resolve("out.csv").toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(printed).isEqualTo(3);
        assertThat(printed.strip().lines()).as(printed).hasSize(1);
        assertThat(printed).startsWith("controlmap: out of memory (the Java heap is capped at ")
                .contains("CONTROLMAP_JAVA_OPTS=-Xmx").doesNotContain("\tat ");
    }

    @Test
    void aStackOverflowIsOneLineAndExitThreeAndOtherErrorsAreInternal() {
        StringWriter s = new StringWriter();
        assertThat(JvmLimits.report(new StackOverflowError(), new PrintWriter(s, true), false)).isEqualTo(3);
        assertThat(s.toString().strip().lines()).hasSize(1);
        assertThat(s.toString()).startsWith("controlmap: out of stack space");
        StringWriter t = new StringWriter();
        assertThat(JvmLimits.report(new AssertionError("x"), new PrintWriter(t, true), false)).isEqualTo(1);
        assertThat(t.toString()).startsWith("controlmap: internal error: java.lang.AssertionError: x");
    }
}
