package org.controlmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The map options every map-drawing command shares ({@link MapPageOptions}, {@link MapLookOptions}): the same
 * names, help and checks everywhere, and each one used by every command that declares it.
 */
class SharedMapOptionsTest {
    @TempDir
    Path dir;

    private static final List<String> PAGE = List.of("--width", "--dpi", "--size", "--title", "--credit", "--note");
    private static final List<String> LOOK = List.of("--mode", "--lang");

    private static OptionSpec option(Object command, String name) {
        OptionSpec o = new CommandLine(command).getCommandSpec().findOption(name);
        assertThat(o).as(command.getClass().getSimpleName() + " " + name).isNotNull();
        return o;
    }

    @Test
    void everyMapCommandHasTheSameOptionsWithTheSameHelp() {
        Map<String, Object> commands = Map.of("render", new RenderCommand(), "report", new ReportCommand(),
                "animate", new AnimateCommand(), "diff", new DiffCommand());
        for (String name : PAGE) {
            String help = String.join(" ", option(new RenderCommand(), name).description());
            String label = option(new RenderCommand(), name).paramLabel();
            for (Map.Entry<String, Object> c : commands.entrySet()) {
                OptionSpec o = option(c.getValue(), name);
                assertThat(String.join(" ", o.description())).as(c.getKey() + " " + name).isEqualTo(help);
                assertThat(o.paramLabel()).as(c.getKey() + " " + name).isEqualTo(label);
            }
        }
        for (String name : LOOK) {
            assertThat(option(new ReportCommand(), name).description())
                    .isEqualTo(option(new RenderCommand(), name).description());
        }
    }

    @Test
    void reportTakesTheCreditNotesAndPrintSizeRenderTakes() throws IOException {
        Path out = dir.resolve("bundle");
        CliRun r = CliRun.run("report", "-o", out.toString(), "--credit", "Graphic: Test Desk", "--note",
                "First note", "--note", "Second note", "--size", "100mm", "--dpi", "254");
        assertThat(r.code()).as(r.err()).isZero();
        String svg = Files.readString(out.resolve("map.svg"));
        assertThat(svg).contains("Graphic: Test Desk", "First note", "Second note");
        assertThat(svg.indexOf("First note")).isLessThan(svg.indexOf("Second note"));
        // 100 mm at 254 dpi: 1,000 px, as render --size gives it
        assertThat(svg).containsPattern("<svg[^>]* width=\"1000\"");
    }

    @Test
    void animateFramesCarryTheCreditAndNotesAndTheSizeForPrint() throws IOException {
        Path in = AnimateCommandTest.snapshots(dir, 1, 2);
        Path frames = dir.resolve("f");
        CliRun r = CliRun.run("animate", in.toString(), "-o", frames.resolve("m-{date}.svg").toString(), "--credit",
                "Graphic: Test Desk", "--note", "A note", "--size", "4in", "--dpi", "150");
        assertThat(r.code()).as(r.err()).isZero();
        String svg = Files.readString(frames.resolve("m-2024-01-02.svg"));
        assertThat(svg).contains("Graphic: Test Desk", "A note").containsPattern("<svg[^>]* width=\"600\"");
        CliRun both = CliRun.run("animate", in.toString(), "-o", dir.resolve("a.gif").toString(), "--size", "4in",
                "--width", "300");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("--size and --width: give the width once");
        CliRun blank = CliRun.run("animate", in.toString(), "-o", dir.resolve("a.gif").toString(), "--note", " ");
        assertThat(blank.code()).isEqualTo(2);
        assertThat(blank.err()).contains("--note: empty text");
    }

    @Test
    void changeMapsTakeTitleNotesCreditAndPrintSizeWrappedInsideTheCanvas() throws IOException {
        Path a = dir.resolve("a_20240101.geojson");
        Path b = dir.resolve("b_20240201.geojson");
        Files.writeString(a, AnimateCommandTest.box(37.5, 38, 47.25, 48));
        Files.writeString(b, AnimateCommandTest.box(37.0, 38, 47.25, 48));
        Path plain = dir.resolve("plain.svg");
        assertThat(CliRun.run("diff", "--from", a.toString(), "--to", b.toString(), "-o", plain.toString()).code())
                .isZero();
        String title = "A long title for a change map that a newsroom might well write, naming every town in the "
                + "Pokrovsk direction";
        String note = "A note long enough to need more than one line under a map of this width, as notes about "
                + "method often are, so it must be broken at spaces and never run off the canvas.";
        Path svg = dir.resolve("c.svg");
        CliRun r = CliRun.run("diff", "--from", a.toString(), "--to", b.toString(), "-o", svg.toString(),
                "--title", title, "--note", note, "--note", "Second note", "--credit", "Graphic: Test Desk",
                "--size", "5in", "--dpi", "160");
        assertThat(r.code()).as(r.err()).isZero();
        String s = Files.readString(svg);
        assertThat(s).containsPattern("<svg[^>]* width=\"800\"").contains("Second note", "Graphic: Test Desk")
                .doesNotContain(">" + note + "</text>").doesNotContain(">" + title + "</text>");
        // Every footer and title line fits the 800 px canvas (measured as drawn, with the same widths table).
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "<text x=\"([0-9.]+)\" y=\"[0-9.]+\" font-size=\"([0-9.]+)\"( font-weight=\"bold\")?[^>]*>([^<]*)</text>")
                .matcher(s);
        int lines = 0;
        while (m.find()) {
            String text = m.group(4).replace("&amp;", "&");
            double right = Double.parseDouble(m.group(1)) + org.controlmap.render.TextWidths.get().width(text,
                    Double.parseDouble(m.group(2)), m.group(3) != null);
            assertThat(right).as(text).isLessThanOrEqualTo(800);
            if (note.contains(text) || title.contains(text)) {
                lines++;
            }
        }
        assertThat(lines).as("title and note each in two or more lines").isGreaterThanOrEqualTo(4);
        // The footer's extra lines make the canvas taller than the plain map scaled to 800 px.
        double plainH = height(Files.readString(plain)) * 0.8;
        assertThat(height(s)).isGreaterThan(plainH + 3 * 17 * 0.8);

        CliRun noMap = CliRun.run("diff", "--from", a.toString(), "--to", b.toString(), "--note", "x");
        assertThat(noMap.code()).isEqualTo(2);
        assertThat(noMap.err()).contains("--note is for the change map: also give -o FILE.svg, .png or .pdf");
    }

    private static double height(String svg) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<svg[^>]* height=\"([0-9.]+)\"").matcher(svg);
        assertThat(m.find()).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
