package org.controlmap.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.controlmap.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A framed map's footer speaks of what it shows: the front's length within the frame beside the whole
 * front's, and Ukraine's share said to be the whole country's; the whole map's footer is unchanged.
 */
class FramedFootnotesTest {
    @TempDir
    Path dir;

    private static final Pattern FRONT = Pattern.compile("the front, ([0-9,]+) km in view, ([0-9,]+) km in all");

    private Path box(double w, double e) throws IOException {
        // Held ground inside Donetsk oblast, far from the coast and the Russian border: all its outline is front.
        Path p = dir.resolve("front_20250101.geojson");
        Files.writeString(p, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[" + w + ",47.6],[" + e + ",47.6],[" + e
                + ",48.3],[" + w + ",48.3],[" + w + ",47.6]]]}}]}");
        return p;
    }

    private String render(Path control, String... frame) throws IOException {
        Path svg = dir.resolve("m" + frame.length + ".svg");
        String[] args = new String[4 + frame.length];
        args[0] = "render";
        args[1] = "--control";
        args[2] = control.toString();
        System.arraycopy(frame, 0, args, 3, frame.length);
        args[3 + frame.length] = "-o" + svg;
        CliRun r = CliRun.run(args);
        assertThat(r.code()).as(r.err()).isZero();
        return Files.readString(svg).replaceAll("</text>\\s*<text class=\"basis\"[^>]*>", " ");
    }

    private static long[] front(String svg) {
        Matcher m = FRONT.matcher(svg);
        assertThat(m.find()).as("framed front wording").isTrue();
        return new long[] {Long.parseLong(m.group(1).replace(",", "")), Long.parseLong(m.group(2).replace(",", ""))};
    }

    @Test
    void theFrontIsMeasuredWithinTheFrameAndUkrainesShareSaidToBeTheWholeCountrys() throws IOException {
        Path control = box(37.0, 37.8);
        String whole = render(control);
        assertThat(whole).contains("Ukraine's: of 603,628 km². Dark line: the front, ")
                .doesNotContain("in view").doesNotContain("the whole country");
        // The frame holds all of the box: the front in view is all of it.
        long[] all = front(render(control, "--focus", "Donetsk"));
        assertThat(all[0]).isEqualTo(all[1]).isGreaterThan(100);
        // A frame that cuts the box in two shows a part of the front, its west side and parts of the two cut sides.
        String half = render(control, "--bbox", "33.5,48.0,37.2,48.2");
        assertThat(half).contains("Ukraine's: of 603,628 km², the whole country.");
        long[] part = front(half);
        assertThat(part[1]).isEqualTo(all[1]);
        assertThat(part[0]).isGreaterThan(all[1] / 4).isLessThan(all[1] * 3 / 4);
    }
}
