package org.controlmap.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.controlmap.cli.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.controlmap.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** {@code render --focus|--bbox} and {@code diff --focus}: framed maps name more towns and show where they lie. */
class FocusViewTest {
    @TempDir
    Path dir;

    /** Russian-held ground as a box: its west edge runs a few km east of Pokrovsk and Kostiantynivka. */
    private Path held(String name, double west) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[" + west + ",46.9],[40.3,"
                + "46.9],[40.3,48.45],[" + west + ",48.45],[" + west + ",46.9]]]}}]}");
        return p;
    }

    @Test
    void controlMapOfDonetskNamesTheTownsAlongTheFront() throws Exception {
        Path control = held("deepstatemap_data_20250630.geojson", 37.3);
        Path out = dir.resolve("donetsk.svg");
        CliRun r = run("render", "--control", control.toString(), "--focus", "Donetsk", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Document doc = SvgDom.read(out);
        List<String> towns = SvgDom.texts(SvgDom.group(doc, "places"), "text");
        assertThat(towns).contains("Pokrovsk", "Kramatorsk", "Sloviansk", "Kostiantynivka");
        Element inset = SvgDom.group(doc, "inset");
        assertThat(inset).as("<g id=inset>").isNotNull();
        assertThat(inset.getElementsByTagName("path").getLength()).isEqualTo(3);

        // The whole map names far fewer towns, and has no inset.
        Path whole = dir.resolve("whole.svg");
        assertThat(run("render", "--control", control.toString(), "-o", whole.toString()).code()).isZero();
        Document w = SvgDom.read(whole);
        assertThat(SvgDom.group(w, "inset")).isNull();
        assertThat(SvgDom.texts(SvgDom.group(w, "places"), "text")).hasSizeLessThan(towns.size());
    }

    @Test
    void boxFramesTheMapAndUkrainianNamesTheTowns() throws Exception {
        Path out = dir.resolve("box.svg");
        CliRun r = run("render", "--bbox", "36.5,47.6,38.6,49.2", "--lang", "uk", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(SvgDom.texts(SvgDom.group(SvgDom.read(out), "places"), "text")).contains("Краматорськ", "Покровськ");
    }

    @Test
    void diffMapFramedOnARegionNamesItsTownsAndShowsTheInset() throws Exception {
        Path a = held("front_20250301.geojson", 37.5);
        Path b = held("front_20250630.geojson", 37.3);
        Path out = dir.resolve("change.svg");
        CliRun r = run("diff", "--from", a.toString(), "--to", b.toString(), "--focus", "Donetsk", "-o",
                out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Document doc = SvgDom.read(out);
        assertThat(SvgDom.group(doc, "inset")).isNotNull();
        assertThat(SvgDom.texts(SvgDom.group(doc, "places"), "text")).contains("Pokrovsk", "Kostiantynivka");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "render --focus Donetzk | --focus Donetzk: no such region (did you mean UA-14 Donetsk?)",
        "render --focus Donetsk, | --focus Donetsk,: empty region name",
        "render --bbox 36,47,38 | --bbox 36,47,38: give four numbers W,S,E,N",
        "render --bbox 38,47,36,49 | W < E and S < N",
        "render --bbox 36,47,x,49 | 'x' is not a number",
        "render --bbox 100,10,101,11 | lies outside the map's regions",
        "render --focus Donetsk --bbox 36,47,38,49 | give one frame, not both"})
    void mistakesAreOneLineErrors(String args, String message) {
        List<String> argv = new ArrayList<>(List.of(args.split(" ")));
        argv.add("-o");
        argv.add(dir.resolve("m.svg").toString());
        CliRun r = run(argv.toArray(String[]::new));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(message);
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
        assertThat(dir.resolve("m.svg")).doesNotExist();
    }

    @Test
    void diffTableWithAFrameIsRefused() throws Exception {
        Path a = held("front_20250301.geojson", 37.5);
        CliRun r = run("diff", "--from", a.toString(), "--to", a.toString(), "--focus", "Donetsk");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("frame the change map");
    }
}
