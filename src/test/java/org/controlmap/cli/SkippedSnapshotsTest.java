package org.controlmap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.controlmap.cli.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a folder of snapshots holds that is not read (a subfolder, a link to nothing) is said by every command
 * that reads such a folder, not only by series: animate and web skipped them in silence.
 */
class SkippedSnapshotsTest {
    @TempDir
    Path dir;

    private static final String SNAPSHOT = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
            + "\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
            + "[[[32,48],[33,48],[33,49],[32,49],[32,48]]]}}]}";

    private Path folder() throws IOException {
        Path snaps = Files.createDirectory(dir.resolve("snaps"));
        Files.writeString(snaps.resolve("front_20240101.geojson"), SNAPSHOT);
        Files.createDirectory(snaps.resolve("older"));
        Files.writeString(snaps.resolve("older").resolve("front_20231201.geojson"), SNAPSHOT);
        Files.createSymbolicLink(snaps.resolve("front_20240102.geojson"), snaps.resolve("missing.geojson"));
        return snaps;
    }

    @Test
    void animateAndWebSayWhatTheFolderHoldsThatIsNotRead() throws IOException {
        Path snaps = folder();
        for (String[] args : new String[][] {
            {"animate", snaps.toString(), "--width", "400", "-o", dir.resolve("a.gif").toString()},
            {"web", snaps.toString(), "--width", "400", "-o", dir.resolve("w.html").toString()},
            {"series", snaps.toString()},
        }) {
            CliRun r = run(args);
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.err()).as(args[0])
                    .contains("controlmap: warning: " + snaps.resolve("older") + ": a folder inside " + snaps)
                    .contains("controlmap: warning: " + snaps.resolve("front_20240102.geojson") + ": a link to "
                            + snaps.resolve("missing.geojson") + ", which does not exist; skipped");
        }
    }
}
