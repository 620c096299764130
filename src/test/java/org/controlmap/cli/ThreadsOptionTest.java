package org.controlmap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.controlmap.cli.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command with {@code --threads} refuses the same nonsense in the same words (one rule: Workers.check). */
class ThreadsOptionTest {
    @TempDir
    Path dir;

    @Test
    void animateAndWebRefuseWhatSeriesRefuses() throws IOException {
        Path snaps = Files.createDirectory(dir.resolve("snaps"));
        Files.writeString(snaps.resolve("front_20240101.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[]}");
        int max = Workers.maxThreads();
        for (String n : List.of("0", "-4", String.valueOf(max + 1), "100000")) {
            for (String[] args : new String[][] {
                {"animate", snaps.toString(), "--threads", n, "-o", dir.resolve("a.gif").toString()},
                {"web", snaps.toString(), "--threads", n, "-o", dir.resolve("w.html").toString()},
            }) {
                CliRun r = run(args);
                assertThat(r.code()).as(r.err()).isEqualTo(2);
                assertThat(r.err()).isEqualTo("controlmap: --threads " + n + ": must be between 1 and " + max + "\n");
            }
        }
        assertThat(dir.resolve("a.gif")).doesNotExist();
        assertThat(dir.resolve("w.html")).doesNotExist();
    }
}
