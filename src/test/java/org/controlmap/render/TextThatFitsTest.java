package org.controlmap.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.controlmap.cli.CliRun.run;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.controlmap.cli.CliRun;
import org.controlmap.render.MapScene.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Titles and footer text wrap and never run off the canvas; {@code --credit}, {@code --note}, {@code --size}. */
class TextThatFitsTest {
    private static final String LONG_TITLE = "Russia's summer offensive: the ground taken around Pokrovsk, "
            + "Kostiantynivka and on the Zaporizhzhia front between March and June of 2025";
    private static final String LONG_NOTE = "Held ground as the source draws it; grey zones between the lines count "
            + "as held by neither side, which the source's own published figures may treat differently, so the "
            + "totals here can differ from theirs by a few hundred square kilometres.";

    @TempDir
    Path dir;

    private static double width(Text t) {
        return TextWidths.get().width(t.text(), t.size(), t.bold());
    }

    @ParameterizedTest
    @CsvSource({"1600, en", "700, en", "700, uk", "400, en"})
    void longTitleTakesTwoLinesAndNotesAndCreditWrapInsideTheCanvas(int px, String lang) {
        MapOptions options = new MapOptions(MapMode.SCHEMATIC, lang, LONG_TITLE, px, null,
                "Graphic: Jane Doe / The Daily Example, with data from the State Statistics Service of Ukraine",
                List.of(LONG_NOTE, "Second note."));
        MapScene scene = MapLayout.build(MapFixture.CATALOGUE.regions(), MapFixture.COUNTRIES, MapFixture.ALLOCATION,
                MapFixture.PIECES, options);
        MapScene plain = MapFixture.shared(MapMode.SCHEMATIC, lang, px);
        List<Text> texts = SceneItems.texts(SceneItems.groups(scene.items(), "text").get(0));
        for (Text t : texts) {
            assertThat(t.x()).as(t.text()).isGreaterThanOrEqualTo(0);
            assertThat(t.x() + width(t)).as(t.text()).isLessThanOrEqualTo(px - 24 * px / 1600.0 + 0.5);
            assertThat(t.y()).as(t.text()).isLessThanOrEqualTo(scene.height());
        }
        List<Text> title = texts.stream().filter(t -> "title".equals(t.cssClass())).toList();
        assertThat(title).hasSize(2);
        assertThat(String.join(" ", title.stream().map(Text::text).toList())).isEqualTo(LONG_TITLE);
        // The title's second line sits above the subtitle, the subtitle above the map frame.
        Text subtitle = texts.stream().filter(t -> "subtitle".equals(t.cssClass())).findFirst().orElseThrow();
        assertThat(subtitle.y()).isGreaterThan(title.get(1).y());
        double frameTop = scene.georef().top();
        assertThat(subtitle.y() + 0.24 * subtitle.size()).isLessThan(frameTop);
        List<Text> notes = texts.stream().filter(t -> "note".equals(t.cssClass())).toList();
        assertThat(String.join(" ", notes.stream().map(Text::text).toList())).isEqualTo(LONG_NOTE + " Second note.");
        assertThat(notes.size()).isGreaterThanOrEqualTo(2);
        assertThat(texts).anyMatch(t -> "credit".equals(t.cssClass()) && t.text().startsWith("Graphic: Jane Doe"));
        // Every footer line below the one before, the last inside the canvas; the canvas grew to hold them.
        List<Text> footer = texts.stream().filter(t -> t.y() > frameTop + 10).toList();
        for (int i = 1; i < footer.size(); i++) {
            assertThat(footer.get(i).y()).isGreaterThan(footer.get(i - 1).y() + footer.get(i - 1).size());
        }
        assertThat(footer.get(footer.size() - 1).y()).isLessThan(scene.height());
        assertThat(scene.height()).isGreaterThan(plain.height());
    }

    @Test
    void oneWordTooLongForTheLineIsSetSmallerNotClipped() {
        String word = "Donetsk".repeat(20);
        TextFit.Lines t = TextFit.title(word, 34, true, 500, 2);
        assertThat(t.lines()).containsExactly(word);
        assertThat(TextWidths.get().width(word, t.size(), true)).isLessThanOrEqualTo(500 + 1e-6);
        TextFit.Lines w = TextFit.wrap("a b " + word + " c", 15, false, 300);
        assertThat(w.lines()).contains(word);
        assertThat(w.lines()).allMatch(l -> TextWidths.get().width(l, w.size(), false) <= 300 + 1e-6);
    }

    @Test
    void sizeInMillimetresAtADpiGivesThePixelsForPrint() throws Exception {
        Path png = dir.resolve("m.png");
        CliRun r = run("render", "--size", "180mm", "--dpi", "300", "-o", png.toString());
        assertThat(r.code()).as(r.err()).isZero();
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo((int) Math.round(180 / 25.4 * 300));
        // Printed at the dpi the PNG carries, it is 180 mm wide (to half a pixel).
        byte[] b = Files.readAllBytes(png);
        int at = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("pHYs") + 4;
        long perMetre = ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8)
                | (b[at + 3] & 0xFF);
        assertThat(img.getWidth() / (double) perMetre * 1000).isCloseTo(180, org.assertj.core.api.Assertions
                .within(0.1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--size 180 | give a width with its unit",
        "--size 180mm --width 1200 | --size and --width: give the width once",
        "--size 2000mm --dpi 300 | must be between 1 and 20000 px",
        "--size 10.5px | pixels are whole numbers",
        "--note | Missing required parameter"})
    void sizeMistakesAreOneLineErrors(String args, String message) {
        List<String> argv = new java.util.ArrayList<>(List.of(args.split(" ")));
        argv.add(0, "render");
        if (!args.startsWith("--note")) {
            argv.add("-o");
            argv.add(dir.resolve("m.png").toString());
        }
        CliRun r = run(argv.toArray(String[]::new));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(message);
        assertThat(dir.resolve("m.png")).doesNotExist();
    }
}
