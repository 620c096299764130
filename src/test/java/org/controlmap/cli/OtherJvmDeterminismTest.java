package org.controlmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same input, same bytes, across JVMs: the outputs written here are compared
 * with those of a second JVM started with another locale (Turkish: dotless i,
 * comma decimal mark), another time zone and Windows line separators, which
 * catch platform defaults leaking into number formatting, case mapping, dates
 * and line ends. The second JVM runs all the commands ({@link CommandsInOneJvm}).
 */
class OtherJvmDeterminismTest {
    @TempDir
    Path dir;

    @Test
    void outputsAreTheSameBytesInAJvmWithAnotherLocaleTimeZoneAndLineSeparator() throws Exception {
        Path control = dir.resolve("front_20250115.geojson");
        Files.writeString(control, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[36.0,46.6],"
                + "[39.5,46.6],[39.5,49.2],[36.0,49.2],[36.0,46.6]]]}}]}");
        List<String[]> commands = List.of(
                new String[] {"areas", "--format", "csv", "-o", "%s/areas.csv"},
                new String[] {"areas", "--format", "json", "-o", "%s/areas.json"},
                new String[] {"areas", "--format", "md", "-o", "%s/areas.md"},
                new String[] {"areas", "--control", control.toString(), "--format", "csv", "-o", "%s/measured.csv"},
                new String[] {"check", "--format", "json", "-o", "%s/check.json"},
                new String[] {"series", control.toString(), "-o", "%s/series.csv"},
                new String[] {"render", "-o", "%s/map.svg"});
        Path here = Files.createDirectory(dir.resolve("here"));
        Path there = Files.createDirectory(dir.resolve("there"));
        for (String[] c : commands) {
            CliRun r = CliRun.run(args(c, here));
            assertThat(r.code()).as(String.join(" ", c) + ": " + r.err()).isZero();
        }
        // One second JVM runs every command (CommandsInOneJvm; the last through Main.main):
        // a JVM per command cost a JVM start each, and the platform defaults under test
        // are the JVM's, the same for every command it runs.
        List<String[]> thereCommands = new ArrayList<>();
        for (String[] c : commands) {
            thereCommands.add(args(c, there));
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Duser.language=tr", "-Duser.country=TR", "-Duser.timezone=Pacific/Kiritimati",
                "-Dline.separator=\r\n", "-Dfile.encoding=ISO-8859-1", "-Djava.awt.headless=true",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), CommandsInOneJvm.class.getName()));
        cmd.addAll(CommandsInOneJvm.join(thereCommands));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as("the commands in the other JVM: " + printed).isZero();
        for (String[] c : commands) {
            String name = Path.of(c[c.length - 1]).getFileName().toString();
            assertThat(Files.readAllBytes(there.resolve(name))).as(name)
                    .isEqualTo(Files.readAllBytes(here.resolve(name)));
        }
    }

    private static String[] args(String[] template, Path out) {
        String[] a = template.clone();
        a[a.length - 1] = String.format(a[a.length - 1], out);
        return a;
    }
}
