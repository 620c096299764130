package org.controlmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.controlmap.control.NumberText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Node;

/**
 * {@code animate} on synthetic dated snapshots: boxes over Donetsk and
 * Zaporizhzhia oblasts that grow east to west day by day.
 */
class AnimateCommandTest {

    /** A FeatureCollection of one lon/lat box, with a vertex every 0.25°. */
    static String box(double lon0, double lon1, double lat0, double lat1) {
        List<String> pts = new ArrayList<>();
        for (double x = lon0; x < lon1; x += 0.25) {
            pts.add(pt(x, lat0));
        }
        for (double y = lat0; y < lat1; y += 0.25) {
            pts.add(pt(lon1, y));
        }
        for (double x = lon1; x > lon0; x -= 0.25) {
            pts.add(pt(x, lat1));
        }
        for (double y = lat1; y > lat0; y -= 0.25) {
            pts.add(pt(lon0, y));
        }
        pts.add(pt(lon0, lat0));
        return "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[" + String.join(",", pts) + "]]}}]}";
    }

    private static String pt(double x, double y) {
        return String.format(Locale.ROOT, "[%.4f,%.4f]", x, y);
    }

    /** Snapshots on the given days of January 2024, the held box a little larger each day. */
    static Path snapshots(Path dir, int... days) throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        for (int d : days) {
            String date = LocalDate.of(2024, 1, d).toString().replace("-", "");
            Files.writeString(in.resolve("front_" + date + ".geojson"), box(37.5 - 0.05 * d, 38, 47.25, 48));
        }
        return in;
    }

    @Test
    void gifHasOneFramePerSnapshotWithItsDelayAndLoops(@TempDir Path dir) throws IOException {
        Path in = snapshots(dir, 1, 2, 3, 5);
        Path gif = dir.resolve("a.gif");
        CliRun r = CliRun.run("animate", in.toString(), "-o", gif.toString(), "--delay-ms", "120", "--hold-ms",
                "900", "--width", "320");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("4 frames");
        List<Integer> delays = new ArrayList<>();
        boolean loops = false;
        try (ImageInputStream s = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(s);
            assertThat(reader.getNumImages(true)).isEqualTo(4);
            assertThat(reader.getWidth(0)).isEqualTo(320);
            // The palette is the frames' own: white stays white, the held territory red.
            java.awt.image.BufferedImage f0 = reader.read(0);
            assertThat(f0.getRGB(2, 2) & 0xFFFFFF).isEqualTo(0xFFFFFF);
            assertThat(reds(f0)).isGreaterThan(50);
            for (int i = 0; i < 4; i++) {
                IIOMetadata m = reader.getImageMetadata(i);
                Node root = m.getAsTree(m.getNativeMetadataFormatName());
                for (Node c = root.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c.getNodeName().equals("GraphicControlExtension")) {
                        delays.add(Integer.parseInt(((IIOMetadataNode) c).getAttribute("delayTime")));
                    }
                    if (c.getNodeName().equals("ApplicationExtensions")) {
                        IIOMetadataNode app = (IIOMetadataNode) c.getFirstChild();
                        byte[] data = (byte[]) app.getUserObject();
                        loops |= app.getAttribute("applicationID").equals("NETSCAPE") && data[0] == 1
                                && data[1] == 0 && data[2] == 0;
                    }
                }
            }
            reader.dispose();
        }
        assertThat(delays).containsExactly(12, 12, 12, 90);
        assertThat(loops).as("NETSCAPE2.0 loop extension, loop for ever").isTrue();
    }

    /** Pixels of the held territory's red (0xD7301F, within a few steps). */
    private static int reds(java.awt.image.BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int c = img.getRGB(x, y);
                if (Math.abs((c >> 16 & 0xFF) - 0xD7) < 8 && Math.abs((c >> 8 & 0xFF) - 0x30) < 8
                        && Math.abs((c & 0xFF) - 0x1F) < 8) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void gifAndSvgFramesAreTheSameBytesTwice(@TempDir Path dir) throws IOException {
        Path in = snapshots(dir, 1, 2, 4);
        Files.createDirectories(dir.resolve("1"));
        Files.createDirectories(dir.resolve("2"));
        for (String name : List.of("a.gif", "f/m-{date}.svg")) {
            CliRun a = CliRun.run("animate", in.toString(), "-o", dir.resolve("1").resolve(name).toString(),
                    "--width", "400");
            CliRun b = CliRun.run("animate", in.toString(), "-o", dir.resolve("2").resolve(name).toString(),
                    "--width", "400", "--threads", "1");
            assertThat(a.code()).as(a.err()).isEqualTo(0);
            assertThat(b.code()).as(b.err()).isEqualTo(0);
        }
        assertThat(Files.readAllBytes(dir.resolve("1/a.gif"))).isEqualTo(Files.readAllBytes(dir.resolve("2/a.gif")));
        for (String d : List.of("2024-01-01", "2024-01-02", "2024-01-04")) {
            assertThat(Files.readAllBytes(dir.resolve("1/f/m-" + d + ".svg")))
                    .isEqualTo(Files.readAllBytes(dir.resolve("2/f/m-" + d + ".svg")));
        }
    }

    @Test
    void dateTemplateWritesOneFilePerDateWithItsDateAndKm2(@TempDir Path dir) throws IOException {
        Path in = snapshots(dir, 1, 2, 3);
        CliRun r = CliRun.run("animate", in.toString(), "-o", dir.resolve("frames/map-{date}.svg").toString(),
                "--width", "500", "--source", "Test source");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        try (Stream<Path> s = Files.list(dir.resolve("frames"))) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("map-2024-01-01.svg", "map-2024-01-02.svg", "map-2024-01-03.svg");
        }
        // The figures are series' UA row for the same snapshot, rounded to the km².
        CliRun series = CliRun.run("series", in.toString());
        assertThat(series.code()).as(series.err()).isEqualTo(0);
        List<Long> km2 = new ArrayList<>();
        for (String line : series.out().split("\n")) {
            String[] f = line.split(",");
            if (f.length > 2 && f[1].equals("UA")) {
                km2.add(Math.round(Double.parseDouble(f[2])));
            }
        }
        assertThat(km2).hasSize(3);
        String svg = Files.readString(dir.resolve("frames/map-2024-01-03.svg"), StandardCharsets.UTF_8);
        assertThat(svg).contains(">2024-01-03<");
        assertThat(svg).contains(NumberText.grouped(km2.get(2)) + " km² (+"
                + NumberText.grouped(km2.get(2) - km2.get(0)) + " since 2024-01-01)");
        assertThat(svg).contains("Test source");
        assertThat(svg).contains("class=\"front\" data-date=\"2024-01-01\"");
        String first = Files.readString(dir.resolve("frames/map-2024-01-01.svg"), StandardCharsets.UTF_8);
        assertThat(first).contains(NumberText.grouped(km2.get(0)) + " km² (+0 since 2024-01-01)");
        // The same extent every frame: the base map is shared, only the held layer and texts differ.
        assertThat(viewBox(first)).isEqualTo(viewBox(svg));
    }

    private static String viewBox(String svg) {
        Matcher m = Pattern.compile("viewBox=\"([^\"]+)\"").matcher(svg);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void everyPicksTheFirstSnapshotOfEachPeriod(@TempDir Path dir) throws IOException {
        // Days 1..20 with gaps: weeks start on the 1st, 8th and 15th; nothing on the 8th or 9th.
        Path in = snapshots(dir, 1, 2, 6, 10, 11, 15, 16, 20);
        CliRun r = CliRun.run("animate", in.toString(), "-o", dir.resolve("w/{date}.svg").toString(), "--every",
                "7d", "--width", "200");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        try (Stream<Path> s = Files.list(dir.resolve("w"))) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("2024-01-01.svg", "2024-01-10.svg", "2024-01-15.svg");
        }
        // Weeks from the 3rd: the 6th, then the 10th (not the 16th, same week), then the 20th (the 20th is --to).
        CliRun r2 = CliRun.run("animate", in.toString(), "-o", dir.resolve("v/{date}.svg").toString(), "--every",
                "1w", "--from", "2024-01-03", "--to", "2024-01-20", "--width", "200");
        assertThat(r2.code()).as(r2.err()).isEqualTo(0);
        try (Stream<Path> s = Files.list(dir.resolve("v"))) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("2024-01-06.svg", "2024-01-10.svg", "2024-01-20.svg");
        }
    }

    @Test
    void badOptionsAreOneLineErrors(@TempDir Path dir) throws IOException {
        Path in = snapshots(dir, 1, 2);
        String[][] cases = {
            {"-o", dir.resolve("x.svg").toString()},
            {"-o", dir.resolve("x-{date}.gif").toString()},
            {"-o", dir.resolve("x.avi").toString()},
            {"-o", dir.resolve("x.gif").toString(), "--every", "7x"},
            {"-o", dir.resolve("x.gif").toString(), "--fps", "10", "--delay-ms", "100"},
            {"-o", dir.resolve("x.gif").toString(), "--from", "2024-02-01"},
            {"-o", dir.resolve("x.gif").toString(), "--from", "2024-01-05", "--to", "2024-01-01"},
        };
        for (String[] c : cases) {
            List<String> args = new ArrayList<>(List.of("animate", in.toString()));
            args.addAll(List.of(c));
            CliRun r = CliRun.run(args.toArray(String[]::new));
            assertThat(r.code()).as(String.join(" ", c) + ": " + r.err()).isEqualTo(2);
            assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        }
        assertThat(Files.exists(dir.resolve("x.gif"))).isFalse();
    }

    @Test
    void videoWithoutFfmpegOnThePathIsOneLineAndWritesNothing(@TempDir Path dir) throws Exception {
        Path in = snapshots(dir, 1, 2);
        Path bin = Files.createDirectories(dir.resolve("bin"));
        // A process of its own, so its PATH can lack ffmpeg whatever this machine has.
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "org.controlmap.cli.Main", "animate", in.toString(),
                "-o", dir.resolve("v.mp4").toString());
        pb.environment().put("PATH", bin.toString());
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(err).isEqualTo(2);
        assertThat(err.strip()).doesNotContain("\n").contains("v.mp4").contains("apt-get install ffmpeg");
        assertThat(Files.exists(dir.resolve("v.mp4"))).isFalse();
    }

    @Test
    void mp4ThroughFfmpegWhenInstalled(@TempDir Path dir) throws IOException {
        boolean found = false;
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            found |= !d.isEmpty() && Files.isExecutable(Path.of(d, "ffmpeg"));
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(found, "ffmpeg not installed");
        Path in = snapshots(dir, 1, 2, 3);
        CliRun r = CliRun.run("animate", in.toString(), "-o", dir.resolve("v.mp4").toString(), "--width", "301");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        byte[] mp4 = Files.readAllBytes(dir.resolve("v.mp4"));
        assertThat(new String(mp4, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).as("no temporary file left")
                    .containsExactlyInAnyOrder("in", "v.mp4");
        }
    }

    @Test
    void stderrTerminalTestReadsTheDevice() {
        assertThat(Terminal.isTerminalDevice("/dev/pts/3")).isTrue();
        assertThat(Terminal.isTerminalDevice("/dev/tty1")).isTrue();
        assertThat(Terminal.isTerminalDevice("pipe:[12345]")).isFalse();
        assertThat(Terminal.isTerminalDevice("/tmp/err.log")).isFalse();
        assertThat(Terminal.isTerminalDevice("/dev/null")).isFalse();
    }

    @Test
    void focusFramesEveryFrameOnTheSameFrameWithALocatorInset(@TempDir Path dir) throws IOException {
        Path in = snapshots(dir, 1, 9);
        Path whole = dir.resolve("w");
        Path framed = dir.resolve("f");
        assertThat(CliRun.run("animate", in.toString(), "-o", whole.resolve("m-{date}.svg").toString(), "--width",
                "600").code()).isZero();
        CliRun r = CliRun.run("animate", in.toString(), "-o", framed.resolve("m-{date}.svg").toString(), "--width",
                "600", "--focus", "Donetsk");
        assertThat(r.code()).as(r.err()).isZero();
        String a = Files.readString(framed.resolve("m-2024-01-01.svg"));
        String b = Files.readString(framed.resolve("m-2024-01-09.svg"));
        // One projection and frame for every frame: the georeference and canvas are the same, so nothing jumps.
        assertThat(metadata(a)).isEqualTo(metadata(b));
        assertThat(a.substring(0, a.indexOf('>', a.indexOf("<svg")))).isEqualTo(b.substring(0, b.indexOf('>',
                b.indexOf("<svg"))));
        assertThat(a).contains("id=\"inset\"");
        assertThat(Files.readString(whole.resolve("m-2024-01-01.svg"))).doesNotContain("id=\"inset\"");
        // Framed on one oblast, the map is drawn at a larger scale than the whole country's.
        assertThat(scale(a)).isGreaterThan(2 * scale(Files.readString(whole.resolve("m-2024-01-01.svg"))));
        CliRun both = CliRun.run("animate", in.toString(), "-o", dir.resolve("x.gif").toString(), "--focus",
                "Donetsk", "--bbox", "36,47,39,49");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("--focus and --bbox: give one frame, not both");
    }

    private static String metadata(String svg) {
        return svg.substring(svg.indexOf("<metadata>"), svg.indexOf("</metadata>"));
    }

    private static double scale(String svg) {
        Matcher m = Pattern.compile("\\) \\* ([0-9.E-]+),").matcher(metadata(svg));
        assertThat(m.find()).as(metadata(svg)).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
