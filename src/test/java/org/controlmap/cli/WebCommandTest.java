package org.controlmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.controlmap.control.Controller;
import org.controlmap.table.AreaColumns;
import org.controlmap.table.AreaTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code web}: the page of the bundled scenario and of synthetic dated snapshots (boxes over Donetsk and
 * Zaporizhzhia, as {@link AnimateCommandTest} makes them), read back as text: what the browser would run,
 * fetch and show. {@link WebPageBrowserTest} opens the same pages in Chromium.
 */
class WebCommandTest {

    static String page(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** The one element's text between an opening tag that starts with {@code open} and {@code close}. */
    static String between(String page, String open, String close) {
        int i = page.indexOf(open);
        assertThat(i).as(open).isGreaterThanOrEqualTo(0);
        int start = page.indexOf('>', i) + 1;
        return page.substring(start, page.indexOf(close, start));
    }

    static JsonNode data(String page) throws IOException {
        return new ObjectMapper().readTree(between(page, "<script type=\"application/json\" id=\"page-data\"",
                "</script>"));
    }

    static String sha256(String text) throws Exception {
        return "sha256-" + Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The downloads: file name → decoded bytes. */
    static Map<String, byte[]> downloads(String page) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<a download=\"([^\"]+)\" type=\"[^\"]+\" href=\"data:[^;]+;base64,([^\"]+)\"")
                .matcher(page);
        while (m.find()) {
            out.put(m.group(1), Base64.getDecoder().decode(m.group(2)));
        }
        return out;
    }

    @Test
    void scenarioPageIsSelfContainedAndItsScriptAndStyleAreTheOnesThePolicyAllows(@TempDir Path dir)
            throws Exception {
        Path out = dir.resolve("p.html");
        CliRun r = CliRun.run("web", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        String p = page(out);
        Matcher policy = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">")
                .matcher(p);
        assertThat(policy.find()).isTrue();
        String csp = policy.group(1);
        String script = between(p, "<script>", "</script>");
        String style = between(p, "<style>", "</style>");
        assertThat(csp).contains("default-src 'none'").contains("script-src '" + sha256(script) + "'")
                .contains("style-src '" + sha256(style) + "'").doesNotContain("unsafe-inline").doesNotContain("http");
        // Nothing to fetch: no external script, style, image or frame; the only URLs are namespaces and data:.
        assertThat(p).doesNotContain("<link").doesNotContain(" src=").doesNotContain("<iframe")
                .doesNotContainPattern("href=\"(?!data:)");
        assertThat(p.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http://").doesNotContain("https://");
        // Exactly one <script> that runs, and the style attributes the policy allows by hash are the table's only.
        assertThat(p.split("<script>", -1)).hasSize(2);
        Matcher styles = Pattern.compile(" style=\"([^\"]*)\"").matcher(p);
        while (styles.find()) {
            assertThat(styles.group(1)).isEqualTo("text-align:right");
        }
        assertThat(csp).contains("'" + sha256("text-align:right") + "'");

        // The map: focusable regions with names, and its alt text.
        assertThat(p).contains("<svg xmlns=\"http://www.w3.org/2000/svg\"").doesNotContain("<?xml");
        Matcher regions = Pattern.compile("<path class=\"region\" data-iso=\"([A-Z0-9-]+)\"[^>]* tabindex=\"0\" "
                + "role=\"button\" aria-label=\"[^\"]+\"").matcher(p);
        int n = 0;
        while (regions.find()) {
            n++;
        }
        assertThat(n).isEqualTo(30);
        assertThat(p).contains("aria-labelledby=\"map-title map-desc\"").contains("<desc id=\"map-desc\">");

        // Tooltips say what the table says, row for row.
        JsonNode data = data(p);
        CliRun md = CliRun.run("areas", "--format", "csv");
        assertThat(data.get("regions").get("UA-23").get(3).asText()).isEqualTo("more than 70%");
        assertThat(data.get("regions").get("UA-23").get(2).asText()).isEqualTo("70.0%");
        assertThat(between(p, "<span id=\"total-km2\"", "</span>")).isEqualTo(
                tableCell(p, "UA", 6));

        // Downloads: the table's CSV as areas writes it, an SVG and a PNG of the map.
        Map<String, byte[]> files = downloads(p);
        assertThat(files.keySet()).containsExactly("map.svg", "map.png", "areas.csv");
        assertThat(new String(files.get("areas.csv"), StandardCharsets.UTF_8)).isEqualTo(md.out());
        assertThat(new String(files.get("map.svg"), StandardCharsets.UTF_8)).startsWith("<?xml")
                .contains("data-iso=\"UA-14\"");
        assertThat(files.get("map.png")).startsWith(0x89, 'P', 'N', 'G');
    }

    /** A cell of the table the page shows, by the row's data-iso and the column's index. */
    static String tableCell(String page, String iso, int column) {
        String row = between(page, "<tr data-iso=\"" + iso + "\"", "</tr>");
        Matcher c = Pattern.compile("<t[hd][^>]*>([^<]*)</t[hd]>").matcher("<th>" + row + "</tr>");
        List<String> cells = new ArrayList<>();
        while (c.find()) {
            cells.add(c.group(1));
        }
        return cells.get(column);
    }

    @Test
    void samePageTwiceIsTheSameBytes(@TempDir Path dir) throws IOException {
        Path in = AnimateCommandTest.snapshots(dir, 1, 2, 4);
        CliRun a = CliRun.run("web", in.toString(), "-o", dir.resolve("a.html").toString(), "--threads", "2");
        CliRun b = CliRun.run("web", in.toString(), "-o", dir.resolve("b.html").toString(), "--threads", "1");
        assertThat(a.code()).as(a.err()).isEqualTo(0);
        assertThat(b.code()).as(b.err()).isEqualTo(0);
        assertThat(Files.readAllBytes(dir.resolve("a.html"))).isEqualTo(Files.readAllBytes(dir.resolve("b.html")));
    }

    @Test
    void sliderFramesCarrySeriesFiguresAndShareUnchangedGround(@TempDir Path dir) throws IOException {
        Path in = AnimateCommandTest.snapshots(dir, 1, 3, 6);
        // A fourth date with the third's ground: its drawing must be the same pieces, stored once.
        Files.copy(in.resolve("front_20240106.geojson"), in.resolve("front_20240107.geojson"));
        Path out = dir.resolve("s.html");
        CliRun r = CliRun.run("web", in.toString(), "-o", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        String p = page(out);
        assertThat(p).contains("<input type=\"range\" id=\"date\" min=\"0\" max=\"3\" step=\"1\" value=\"3\"");
        JsonNode frames = data(p).get("frames");
        assertThat(frames).hasSize(4);

        // Each date's figure is series' UA row, written as the tables write it.
        CliRun series = CliRun.run("series", in.toString());
        assertThat(series.code()).as(series.err()).isEqualTo(0);
        List<String> expected = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        for (String line : series.out().split("\n")) {
            String[] f = line.split(",");
            if (f.length > 2 && f[1].equals("UA")) {
                dates.add(f[0]);
                expected.add(AreaColumns.held(new AreaTable.Row("UA", "", Double.NaN, Double.NaN, Controller.RU,
                        Double.NaN, new BigDecimal(f[2]).doubleValue(), "", "", Double.NaN)));
            }
        }
        assertThat(dates).containsExactly("2024-01-01", "2024-01-03", "2024-01-06", "2024-01-07");
        for (int i = 0; i < 4; i++) {
            assertThat(frames.get(i).get(0).asText()).isEqualTo(dates.get(i));
            assertThat(frames.get(i).get(1).asText()).isEqualTo(expected.get(i));
        }
        assertThat(expected.get(0)).isNotEqualTo(expected.get(2));
        // The page opens on the last date, and its table agrees with the slider's figure.
        assertThat(between(p, "<span id=\"total-km2\"", "</span>")).isEqualTo(expected.get(3));
        assertThat(tableCell(p, "UA", 6)).isEqualTo(expected.get(3));
        assertThat(frames.get(3).get(3)).isEqualTo(frames.get(2).get(3));
        assertThat(frames.get(0).get(3)).isNotEqualTo(frames.get(2).get(3));
        int pieces = data(p).get("pieces").size();
        int referenced = 0;
        for (JsonNode f : frames) {
            referenced += f.get(3).size();
        }
        assertThat(pieces).isLessThan(referenced);
        // Tooltips of a date: Donetsk held on every date.
        assertThat(frames.get(0).get(4).has("UA-14")).isTrue();
    }

    @Test
    void refusesWhatMakesNoSense(@TempDir Path dir) throws IOException {
        Path in = AnimateCommandTest.snapshots(dir, 1, 2);
        CliRun both = CliRun.run("web", in.toString(), "--control", in.resolve("front_20240101.geojson").toString(),
                "-o", dir.resolve("p.html").toString());
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("not both");
        CliRun ext = CliRun.run("web", "-o", dir.resolve("p.txt").toString());
        assertThat(ext.code()).isEqualTo(2);
        assertThat(ext.err()).contains("name it .html");
        CliRun date = CliRun.run("web", in.toString(), "--date", "2024-01-01", "-o", dir.resolve("p.html").toString());
        assertThat(date.code()).isEqualTo(2);
        assertThat(Files.exists(dir.resolve("p.html"))).isFalse();
    }
}
