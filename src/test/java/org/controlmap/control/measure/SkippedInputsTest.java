package org.controlmap.control.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.controlmap.control.measure.Fixtures.box;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.controlmap.control.Controller;
import org.controlmap.geodata.GeoFeature;
import org.controlmap.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is not read is said: overlapping sides in a control file, entries of a snapshot folder left out. */
class SkippedInputsTest {
    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    @Test
    void ruAndUaOverTheSameGroundWarnWithTheOverlap() {
        List<GeoFeature> fs = List.of(
                new GeoFeature(0, Map.of("controller", "RU"), box(30, 31, 48, 49)),
                new GeoFeature(1, Map.of("controller", "UA"), box(30.5, 31.5, 48, 49)));
        ControlPolygons cp = ControlPolygons.of(fs, Controller.RU, "f.geojson", warnings::add);
        assertThat(cp.controllers()).containsExactly(Controller.RU, Controller.UA);
        double overlap = org.controlmap.geodata.GeodesicArea.km2(box(30.5, 31, 48, 49));
        assertThat(warnings).singleElement().asString()
                .isEqualTo("f.geojson: RU and UA features overlap over " + String.format(java.util.Locale.ROOT,
                        "%,.2f", overlap) + " km²; both sides' figures count that ground (check the controller"
                        + " properties)");
    }

    @Test
    void sidesThatOnlyTouchDoNotWarn() {
        List<GeoFeature> fs = List.of(
                new GeoFeature(0, Map.of("controller", "RU"), box(30, 31, 48, 49)),
                new GeoFeature(1, Map.of("controller", "UA"), box(31, 32, 48, 49)));
        ControlPolygons.of(fs, Controller.RU, "f.geojson", warnings::add);
        assertThat(warnings).isEmpty();
    }

    @Test
    void subfoldersDanglingLinksAndPipesInAFolderAreWarnedAbout() throws IOException, InterruptedException {
        Path snaps = Files.createDirectories(dir.resolve("snaps"));
        Files.writeString(snaps.resolve("a.geojson"), "{}");
        Files.createDirectories(snaps.resolve("older"));
        Files.writeString(snaps.resolve("older").resolve("b.geojson"), "{}");
        Files.createSymbolicLink(snaps.resolve("gone.geojson"), snaps.resolve("missing.geojson"));
        boolean fifo = new ProcessBuilder("mkfifo", snaps.resolve("pipe.geojson").toString()).start().waitFor() == 0;
        List<Path> files = SnapshotFiles.expand(List.of(snaps.toString()), warnings::add);
        assertThat(files).containsExactly(snaps.resolve("a.geojson"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith(snaps.resolve("older") + ": a folder inside "
                + snaps + "; not read"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).isEqualTo(snaps.resolve("gone.geojson") + ": a link to "
                + snaps.resolve("missing.geojson") + ", which does not exist; skipped"));
        if (fifo) {
            assertThat(warnings).anySatisfy(w -> assertThat(w).isEqualTo(snaps.resolve("pipe.geojson")
                    + ": not a regular file (a pipe, socket or device); skipped"));
        }
        assertThat(warnings).hasSize(fifo ? 3 : 2).allSatisfy(w -> assertThat(w).doesNotContain("\n"));
    }

    @Test
    void aNamedDanglingLinkIsAnError() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("x.geojson"), dir.resolve("nowhere.geojson"));
        assertThatThrownBy(() -> SnapshotFiles.expand(List.of(link.toString()), warnings::add))
                .isInstanceOf(InputException.class)
                .hasMessage(link + ": a link to " + dir.resolve("nowhere.geojson") + ", which does not exist");
    }

    @Test
    void aGlobReportsItsDanglingMatches() throws IOException {
        Files.writeString(dir.resolve("a.geojson"), "{}");
        Files.createSymbolicLink(dir.resolve("b.geojson"), dir.resolve("missing"));
        assertThat(SnapshotFiles.expand(List.of(dir + "/*.geojson"), warnings::add))
                .containsExactly(dir.resolve("a.geojson"));
        assertThat(warnings).singleElement().asString().endsWith("which does not exist; skipped");
    }
}
