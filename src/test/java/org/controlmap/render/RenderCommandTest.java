package org.controlmap.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.controlmap.cli.CliRun.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.controlmap.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The render command end to end through {@link Main#run}: outputs written, bad input refused before any work. */
class RenderCommandTest {
    @TempDir
    Path dir;



    private long files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void writesEveryFormatFromOneLayout() throws IOException {
        Path svg = dir.resolve("map.svg");
        Path png = dir.resolve("map.png");
        Path pdf = dir.resolve("map.pdf");
        Path geo = dir.resolve("pieces.geojson");
        CliRun r = run("render", "-o", svg.toString(), "-o", png.toString(), "-o", pdf.toString(), "--width", "800",
                "--export-geojson", geo.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String s = Files.readString(svg, StandardCharsets.UTF_8);
        assertThat(s).contains("viewBox=\"0 0 800 ").contains("data-iso=\"UA-14\"");
        assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
        assertThat(Files.readAllBytes(pdf)).startsWith('%', 'P', 'D', 'F');
        String g = Files.readString(geo, StandardCharsets.UTF_8);
        assertThat(g).contains("\"iso_3166_2\"").contains("\"controller\"").contains("UA-43");
        // second run: same bytes
        Path svg2 = dir.resolve("again.svg");
        assertThat(run("render", "-o", svg2.toString(), "--width", "800").code()).isZero();
        assertThat(Files.readAllBytes(svg2)).isEqualTo(Files.readAllBytes(svg));
    }

    @Test
    void titleAndModeOptions() throws IOException {
        Path svg = dir.resolve("c.svg");
        CliRun r = run("render", "--mode", "choropleth", "--title", "My <map> & co", "--lang", "uk", "-o",
                svg.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String s = Files.readString(svg, StandardCharsets.UTF_8);
        assertThat(s).contains("My &lt;map&gt; &amp; co").contains("Частка під контролем Росії")
                .doesNotContain("class=\"controlled\" data-iso");
    }

    @Test
    void badInputIsOneLineExitTwoAndNothingWritten() throws IOException {
        String[][] cases = {
            {"render", "-o", dir.resolve("map.jpg").toString()},
            {"render", "-o", dir.resolve("map").toString()},
            {"render", "-o", dir.resolve("no/such/dir/map.svg").toString()},
            {"render", "--width", "0", "-o", dir.resolve("a.svg").toString()},
            {"render", "--width", "20001", "-o", dir.resolve("a.svg").toString()},
            {"render", "--dpi", "0", "-o", dir.resolve("a.png").toString()},
            {"render", "--lang", "fr", "-o", dir.resolve("a.svg").toString()},
            {"render", "--mode", "heatmap", "-o", dir.resolve("a.svg").toString()},
            {"render", "--scenario", "x.yaml", "--control", "y.geojson", "-o", dir.resolve("a.svg").toString()},
            {"render", "--control", "y.geojson", "--mode", "schematic", "-o", dir.resolve("a.svg").toString()},
            {"render", "--controller", "UA", "-o", dir.resolve("a.svg").toString()},
            {"render", "-o", dir.resolve("a.svg").toString(), "-o", dir.resolve("a.svg").toString()},
            {"render", "-o", dir.resolve("a.svg").toString(), "-o", dir.resolve("b.txt").toString()},
            {"render", "--export-geojson", dir.resolve("p.csv").toString(), "-o", dir.resolve("a.svg").toString()},
        };
        for (String[] args : cases) {
            CliRun r = run(args);
            assertThat(r.code()).as(String.join(" ", args) + " → " + r.err()).isEqualTo(2);
            assertThat(r.err().strip().lines().count()).as(r.err()).isLessThanOrEqualTo(2);
            assertThat(r.err()).startsWith("controlmap: ");
        }
        assertThat(files()).isZero();
    }

    @Test
    void unknownExtensionMessageNamesTheFileAndTheFormats() {
        CliRun r = run("render", "-o", dir.resolve("map.jpg").toString());
        assertThat(r.err()).contains("map.jpg").contains(".svg, .png or .pdf");
    }

    @Test
    void controlPolygonIsDrawnClippedToTheRegions() throws IOException {
        // A square straddling the Zaporizhzhia–Donetsk border and the Sea of Azov coast.
        Path control = dir.resolve("control.geojson");
        Files.writeString(control, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[36.0,46.5],[38.0,46.5],"
                + "[38.0,47.6],[36.0,47.6],[36.0,46.5]]]}},"
                // and one across the Kharkiv–Belgorod border: Russia "holding" Belgorod is no control
                + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[36.0,49.9],[37.0,49.9],[37.0,50.6],[36.0,50.6],[36.0,49.9]]]}}]}");
        Path svg = dir.resolve("m.svg");
        CliRun r = run("render", "--control", control.toString(), "-o", svg.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String s = Files.readString(svg, StandardCharsets.UTF_8);
        assertThat(s).contains("class=\"controlled\" data-iso=\"UA-23\"").contains("class=\"controlled\" data-iso=\"UA-14\"")
                .contains("class=\"controlled\" data-iso=\"UA-63\"")
                .doesNotContain("class=\"controlled\" data-iso=\"UA-46\"")
                .doesNotContain("class=\"controlled\" data-iso=\"RU-BEL\"")
                .doesNotContain("Schematic: area to scale");
    }
}
