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
                "animate", new AnimateCommand());
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
}
