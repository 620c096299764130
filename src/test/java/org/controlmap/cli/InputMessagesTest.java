package org.controlmap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.controlmap.cli.CliRun.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad inputs end to end: one line in plain words, exit 2, no Jackson internals, values cut. */
class InputMessagesTest {
    @TempDir
    Path dir;

    private static void plainOneLineError(CliRun r, String file) {
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("controlmap: " + file).hasLineCount(1).doesNotContain("StreamReadConstraints")
                .doesNotContain("JsonReadFeature").doesNotContain("REDACTED").doesNotContain("Source:")
                .doesNotContain("`");
    }

    @Test
    void scenarioJsonErrorsAreInPlainWords() throws IOException {
        String head = "{\"date\":\"2024-11-20\",\"source\":{\"title\":\"t\"},\"statements\":[{\"region\":\"UA-23\","
                + "\"controller\":\"RU\",\"percent\":";
        Path nan = Files.writeString(dir.resolve("nan.json"), head + "NaN}]}");
        CliRun r = run("areas", "--scenario", nan.toString());
        plainOneLineError(r, nan.toString());
        assertThat(r.err()).contains(nan + ":1:").contains("NaN is not a number JSON allows");
        Path longNumber = Files.writeString(dir.resolve("long.json"), head + "1".repeat(100) + "}]}");
        r = run("areas", "--scenario", longNumber.toString());
        plainOneLineError(r, longNumber.toString());
        assertThat(r.err()).contains("number longer than 64 characters");
        Path truncated = Files.writeString(dir.resolve("trunc.json"), head);
        r = run("areas", "--scenario", truncated.toString());
        plainOneLineError(r, truncated.toString());
        assertThat(r.err()).contains("unexpected end of file: an object (opened at line 1, column ");
    }

    @Test
    void aTenMegabyteValueIsNotEchoed() throws IOException {
        Path big = Files.writeString(dir.resolve("big.geojson"), "{\"type\":\"" + "x".repeat(10_000_000) + "\"}");
        CliRun r = run("areas", "--control", big.toString());
        plainOneLineError(r, big.toString());
        assertThat(r.err().length()).isLessThan(400);
    }

    @Test
    void latin1ScenarioIsNotUtf8() throws IOException {
        Path latin1 = Files.write(dir.resolve("s.yaml"), ("date: 2024-11-20\nsource: {title: t}\nstatements:\n"
                + "  - {region: Zaporizhzhia, controller: RU, percent: 5, quote: \"caf\u00e9\"}\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        CliRun r = run("areas", "--scenario", latin1.toString());
        plainOneLineError(r, latin1.toString());
        assertThat(r.err()).isEqualTo("controlmap: " + latin1 + ": not UTF-8 (byte 0xE9 at line 4); save it as"
                + " UTF-8\n");
    }

    @Test
    void overlappingSidesInAControlFileWarn() throws IOException {
        String ru = "{\"type\":\"Feature\",\"properties\":{\"controller\":\"RU\"},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[35,47],[36,47],[36,48],[35,48],[35,47]]]}}";
        String ua = ru.replace("RU", "UA").replace("[35,", "[35.5,").replace("[36,", "[36.5,");
        Path f = Files.writeString(dir.resolve("front_2024-11-20.geojson"),
                "{\"type\":\"FeatureCollection\",\"features\":[" + ru + "," + ua + "]}");
        CliRun r = run("areas", "--control", f.toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains(f + ": RU and UA features overlap over ").contains(" km²; both sides'");
        // series reads its snapshots through its own per-date merge: the same warning, once.
        CliRun s = run("series", f.toString(), "-o", dir.resolve("s.csv").toString());
        assertThat(s.code()).isZero();
        assertThat(s.err()).containsOnlyOnce(f + ": RU and UA features overlap over ");
        // animate and web: DatedPolygonsTest#theSnapshotThatReadsAFileCarriesItsDatesOverlapWarnings
    }
}
