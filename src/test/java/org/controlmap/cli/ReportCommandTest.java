package org.controlmap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.controlmap.cli.CliRun.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.controlmap.control.NumberText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report -o DIR}: the bundle's files, their bytes against the single commands', and how it is written. */
class ReportCommandTest {
    @TempDir
    Path dir;

    private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");
    private static final Pattern IMG = Pattern.compile("<img [^>]*>");

    /** A control polygon (a lon/lat box) dated by its file name, as DeepStateMap's exports are. */
    private Path box(String name, double west, double south, double east, double north) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[" + west + "," + south
                + "],[" + east + "," + south + "],[" + east + "," + north + "],[" + west + "," + north + "],["
                + west + "," + south + "]]]}}]}");
        return p;
    }

    private static Map<String, byte[]> files(Path d) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(d)) {
            for (Path p : s.toList()) {
                // a link is named, not followed: the test below leaves one dangling
                m.put(p.getFileName().toString(), Files.isSymbolicLink(p) ? new byte[0] : Files.readAllBytes(p));
            }
        }
        return m;
    }

    private static void ok(CliRun r) {
        assertThat(r.code()).as(r.err()).isZero();
    }

    private static List<String> hrefs(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = HREF.matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void bundledScenarioGivesTheCommandsOwnBytesAndThePageNamesEveryFile() throws IOException {
        Path out = dir.resolve("bundle");
        ok(run("report", "-o", out.toString()));

        Path solo = Files.createDirectory(dir.resolve("solo"));
        ok(run("render", "-o", solo.resolve("map.svg").toString(), "-o", solo.resolve("map.png").toString(),
                "-o", solo.resolve("map.pdf").toString()));
        ok(run("areas", "-o", solo.resolve("areas.csv").toString()));
        ok(run("areas", "-o", solo.resolve("areas.md").toString()));
        ok(run("check", "-o", solo.resolve("check.json").toString()));
        Map<String, byte[]> bundle = files(out);
        Map<String, byte[]> alone = files(solo);
        assertThat(bundle.keySet()).containsExactlyInAnyOrder("index.html", "map.svg", "map.png", "map.pdf",
                "areas.csv", "areas.md", "check.json");
        for (Map.Entry<String, byte[]> e : alone.entrySet()) {
            assertThat(bundle.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
        }

        String html = Files.readString(out.resolve("index.html"));
        List<String> local = hrefs(html).stream().filter(h -> !h.startsWith("http")).toList();
        assertThat(local).as("every file is named, and every local link is a file of the bundle")
                .containsAll(bundle.keySet());
        assertThat(bundle.keySet()).containsAll(local);
        // Every image has alt text that gives the total as the table writes it.
        String csv = Files.readString(out.resolve("areas.csv"));
        String uaKm2 = csv.lines().filter(l -> l.startsWith("UA,")).findFirst().orElseThrow().split(",")[7];
        String total = NumberText.grouped(Math.round(Double.parseDouble(uaKm2)));
        Matcher img = IMG.matcher(html);
        int images = 0;
        while (img.find()) {
            images++;
            assertThat(img.group()).containsPattern("alt=\"[^\"]{40,}\"").contains(total + " km²");
        }
        assertThat(images).isEqualTo(1);
        assertThat(html).contains("@media print", "size: A4", "Natural Earth", "GeoNames", "CC BY 4.0",
                "<table class=\"controlmap-areas\">", "<table class=\"controlmap-check\">");
        // The verdicts are check.json's: as many rows as claims, each status as it says.
        String json = Files.readString(out.resolve("check.json"));
        int claims = json.split("\"status\"", -1).length - 1;
        int notMet = json.split("\"status\" : \"not-met\"", -1).length - 1;
        assertThat(html.split("<tr class=\"(met|not-met|unmeasured)\">", -1).length - 1).isEqualTo(claims);
        assertThat(html.split("<tr class=\"not-met\">", -1).length - 1).isEqualTo(notMet);
    }

    @Test
    void controlAndSnapshotsMatchAreasRenderCheckAndSeries() throws IOException {
        Path a = box("front_20241101.geojson", 37.5, 47.8, 38.5, 48.5);
        Path b = box("front_20241120.geojson", 35.5, 47.0, 38.5, 48.5);
        Path out = dir.resolve("bundle");
        ok(run("report", "--control", b.toString(), a.toString(), b.toString(), "-o", out.toString()));

        Path solo = Files.createDirectory(dir.resolve("solo"));
        ok(run("render", "--control", b.toString(), "-o", solo.resolve("map.svg").toString()));
        ok(run("areas", "--control", b.toString(), "-o", solo.resolve("areas.csv").toString()));
        ok(run("check", "--control", b.toString(), "-o", solo.resolve("check.json").toString()));
        ok(run("series", a.toString(), b.toString(), "-o", solo.resolve("series.csv").toString(),
                "--chart", solo.resolve("chart.svg").toString()));
        Map<String, byte[]> bundle = files(out);
        assertThat(bundle.keySet()).contains("chart.svg", "series.csv");
        for (Map.Entry<String, byte[]> e : files(solo).entrySet()) {
            assertThat(bundle.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
        }
        String html = Files.readString(out.resolve("index.html"));
        assertThat(hrefs(html)).containsAll(bundle.keySet());
        // Two images, each described; the chart's alt names the first and last date and their totals.
        Matcher img = IMG.matcher(html);
        List<String> alts = new ArrayList<>();
        while (img.find()) {
            alts.add(img.group());
        }
        assertThat(alts).hasSize(2);
        String series = Files.readString(out.resolve("series.csv"));
        List<String> ua = series.lines().filter(l -> l.contains(",UA,")).toList();
        assertThat(ua).hasSize(2);
        String first = NumberText.grouped(Math.round(Double.parseDouble(ua.get(0).split(",")[2])));
        String last = NumberText.grouped(Math.round(Double.parseDouble(ua.get(1).split(",")[2])));
        assertThat(first).isNotEqualTo(last);
        assertThat(alts.get(1)).contains("src=\"chart.svg\"", "2024-11-01 (" + first + " km²)",
                "2024-11-20 (" + last + " km²)");
    }

    @Test
    void sameInputsGiveTheSameBytesWhereverAndWhenever() throws IOException {
        Path a = box("front_20241101.geojson", 37.5, 47.8, 38.5, 48.5);
        Path b = box("front_20241120.geojson", 35.5, 47.0, 38.5, 48.5);
        String[] args = {"report", "--control", b.toString(), "--lang", "uk", "--title", "Тест", a.toString(),
            b.toString(), "-o"};
        Path one = dir.resolve("one");
        Path two = dir.resolve("elsewhere/two");
        Files.createDirectories(two.getParent());
        ok(run(concat(args, one.toString())));
        ok(run(concat(args, two.toString())));
        Map<String, byte[]> first = files(one);
        Map<String, byte[]> second = files(two);
        assertThat(second.keySet()).isEqualTo(first.keySet());
        for (String name : first.keySet()) {
            assertThat(second.get(name)).as(name).isEqualTo(first.get(name));
        }
        // Again into the same directory: nothing changes, nothing is left beside the files.
        ok(run(concat(args, one.toString())));
        Map<String, byte[]> again = files(one);
        assertThat(again.keySet()).isEqualTo(first.keySet());
        for (String name : first.keySet()) {
            assertThat(again.get(name)).as(name).isEqualTo(first.get(name));
        }
        String html = new String(first.get("index.html"), StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"uk\">").contains("<title>Тест</title>");
        Path solo = dir.resolve("solo.svg");
        ok(run("render", "--control", b.toString(), "--lang", "uk", "--title", "Тест", "-o", solo.toString()));
        assertThat(first.get("map.svg")).isEqualTo(Files.readAllBytes(solo));
    }

    @Test
    void aRunThatFailsWhileWritingLeavesTheOldBundleWhole() throws IOException {
        Path out = Files.createDirectory(dir.resolve("bundle"));
        for (String name : List.of("index.html", "map.svg", "map.png", "areas.csv", "areas.md", "check.json")) {
            Files.writeString(out.resolve(name), "old " + name);
        }
        // map.pdf: a link into a directory that does not exist; the files before it are already staged
        // when writing it fails.
        Files.createSymbolicLink(out.resolve("map.pdf"), dir.resolve("gone/map.pdf"));
        CliRun r = run("report", "-o", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("map.pdf");
        Map<String, byte[]> left = files(out);
        assertThat(left.keySet()).containsExactlyInAnyOrder("index.html", "map.svg", "map.png", "map.pdf",
                "areas.csv", "areas.md", "check.json");
        for (Map.Entry<String, byte[]> e : left.entrySet()) {
            if (!e.getKey().equals("map.pdf")) {
                assertThat(new String(e.getValue(), StandardCharsets.UTF_8)).isEqualTo("old " + e.getKey());
            }
        }
    }

    @Test
    void aDirectoryThatCannotBeTheBundlesIsRefusedInOneLine() throws IOException {
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        CliRun r = run("report", "-o", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("plain.txt: not a directory").hasLineCount(1);
        assertThat(Files.readString(file)).isEqualTo("x");

        CliRun deep = run("report", "-o", dir.resolve("no/such/bundle").toString());
        assertThat(deep.code()).isEqualTo(2);
        assertThat(deep.err()).contains("does not exist").hasLineCount(1);
        assertThat(dir.resolve("no")).doesNotExist();

        CliRun trailing = run("report", "-o", dir.resolve("new") + "/");
        ok(trailing);
        assertThat(dir.resolve("new/index.html")).isRegularFile();
    }

    @Test
    void optionsAreCheckedBeforeAnyWork() {
        Path out = dir.resolve("bundle");
        assertThat(run("report", "--mode", "schematic", "--control", "x.geojson", "-o", out.toString()).err())
                .contains("--mode schematic with --control");
        assertThat(run("report", "--lang", "fr", "-o", out.toString()).err()).contains("--lang fr");
        assertThat(run("report", "--where", "name=Occupied", "-o", out.toString()).err())
                .contains("--where needs --control");
        assertThat(run("report").code()).isEqualTo(2);
        assertThat(out).doesNotExist();
    }

    private static String[] concat(String[] a, String last) {
        String[] r = java.util.Arrays.copyOf(a, a.length + 1);
        r[a.length] = last;
        return r;
    }
}
