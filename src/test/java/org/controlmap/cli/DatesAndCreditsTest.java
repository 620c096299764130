package org.controlmap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.controlmap.cli.CliRun.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every output says whose figures it shows and of which day; a missing date is never passed over in silence. */
class DatesAndCreditsTest {
    @TempDir
    Path dir;

    /**
     * A control file holding a lon/lat box in Zaporizhzhia (35–36°E, 47–47.5°N), with the given top-level
     * members (a JSON fragment, may be empty) and feature properties.
     */
    private Path control(String name, double lon1, String topMembers, String featureProps) throws IOException {
        String ring = String.format(Locale.ROOT, "[[35.0,47.0],[%s,47.0],[%s,47.5],[35.0,47.5],[35.0,47.0]]", lon1,
                lon1);
        Path p = dir.resolve(name);
        Files.writeString(p, "{" + (topMembers.isEmpty() ? "" : topMembers + ",")
                + "\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
                + featureProps + ",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}}]}",
                StandardCharsets.UTF_8);
        return p;
    }

    private Path control(String name) throws IOException {
        return control(name, 36.0, "", "{}");
    }

    private static String noDate(Path p, String option) {
        return "controlmap: warning: " + p + ": no date in its name or properties; give " + option + " YYYY-MM-DD\n";
    }

    @Test
    void areasSaysWhenAControlFileHasNoDate() throws IOException {
        Path c = control("front.geojson");
        CliRun r = run("areas", "--control", c.toString(), "--format", "md");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEqualTo(noDate(c, "--date"));
        assertThat(r.out()).startsWith("**Controlled territory by region, measured from control polygons "
                + "(no date in the data). Source: front.geojson.");
    }

    @Test
    void areasTakesSourceAndDateForControlFilesAndScenarios() throws IOException {
        Path c = control("front.geojson");
        CliRun md = run("areas", "--control", c.toString(), "--format", "md", "--source", "Desk map",
                "--date", "2024-11-20");
        assertThat(md.err()).isEmpty();
        assertThat(md.out()).startsWith("**Controlled territory by region, measured from control polygons "
                + "(as of 2024-11-20). Source: Desk map.");
        CliRun json = run("areas", "--control", c.toString(), "--format", "json", "--source", "Desk map",
                "--date", "2024-11-20");
        assertThat(json.out()).contains("\"date\" : \"2024-11-20\"").contains("\"source\" : \"Desk map\"");
        CliRun scenario = run("areas", "--format", "html", "--source", "Kyiv Independent", "--date", "2024-11-21");
        assertThat(scenario.out()).contains("<caption>Territory held by region, as reported (as of 2024-11-21). "
                + "Source: Kyiv Independent.");
    }

    @Test
    void aDateFromTheFilesPropertiesReachesTheTable() throws IOException {
        Path top = control("a.geojson", 36.0, "\"updated_at\":\"2024-10-05T08:00:00Z\"", "{}");
        CliRun r = run("areas", "--control", top.toString(), "--format", "md");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("(as of 2024-10-05). Source: a.geojson.");
        Path feature = control("b.geojson", 36.0, "", "{\"as_of\":\"2024-10-06\"}");
        assertThat(run("areas", "--control", feature.toString(), "--format", "md").out())
                .contains("(as of 2024-10-06)");
    }

    @Test
    void aBadDateIsOneLineExitTwo() throws IOException {
        for (String cmd : new String[] {"areas", "render", "check"}) {
            CliRun r = run(cmd, "--date", "2024-02-30", "-o", dir.resolve("x." + (cmd.equals("render") ? "svg"
                    : "json")).toString());
            assertThat(r.code()).as(cmd).isEqualTo(2);
            assertThat(r.err()).as(cmd).isEqualTo("controlmap: --date 2024-02-30: not a date; write YYYY-MM-DD, "
                    + "e.g. 2024-11-20\n");
        }
    }

    @Test
    void renderPutsSourceAndDateOnTheMapAndSaysWhenThereIsNoDate() throws IOException {
        Path c = control("front.geojson");
        Path svg = dir.resolve("m.svg");
        CliRun r = run("render", "--control", c.toString(), "-o", svg.toString(), "--source", "Desk map",
                "--date", "2024-11-20");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(Files.readString(svg)).contains("As of 20 November 2024 · Figures: Desk map")
                .contains("Figures: Desk map. Projection");
        CliRun undated = run("render", "--control", c.toString(), "-o", svg.toString());
        assertThat(undated.err()).isEqualTo(noDate(c, "--date"));
        assertThat(Files.readString(svg)).contains("No date in the data · Figures: front.geojson");
        CliRun scenario = run("render", "-o", svg.toString(), "--source", "Kyiv Independent", "--date",
                "2024-12-02");
        assertThat(scenario.code()).as(scenario.err()).isZero();
        assertThat(Files.readString(svg)).contains("As of 2 December 2024 · Figures: Kyiv Independent");
    }

    @Test
    void checkHeaderCarriesBothDatesAndWarnsWhenTheyAreMoreThanAMonthApart() throws IOException {
        Path c = control("front.geojson");
        CliRun near = run("check", "--control", c.toString(), "--date", "2024-12-21", "--source", "Desk map");
        assertThat(near.code()).as(near.err()).isZero();
        assertThat(near.err()).isEmpty(); // the bundled report is of 2024-11-20: 31 days
        assertThat(near.out()).startsWith("Check of Reuters, 2024-11-20 (scenarios/reuters-2024-11.yaml)\n"
                + "Report date: 2024-11-20\nValues: measured from Desk map, as of 2024-12-21\n");
        CliRun far = run("check", "--control", c.toString(), "--date", "2024-12-22");
        assertThat(far.err()).isEqualTo("controlmap: warning: the report is dated 2024-11-20 and the control "
                + "polygons (" + c + ") 2024-12-22, 32 days apart: the front may have moved in between (give --date "
                + "if the file's date is wrong)\n");
        Path before = control("front_20241019.geojson");
        assertThat(run("check", "--control", before.toString()).err()).contains("2024-10-19, 32 days apart");
        CliRun undated = run("check", "--control", c.toString());
        assertThat(undated.err()).isEqualTo(noDate(c, "--date"));
        assertThat(undated.out()).contains("Values: measured from front.geojson, no date in the data\n");
        CliRun own = run("check", "--source", "Kyiv Independent", "--date", "2024-11-22");
        assertThat(own.out()).startsWith("Check of Kyiv Independent (scenarios/reuters-2024-11.yaml)\n"
                + "Report date: 2024-11-22\n");
    }

    @Test
    void seriesRefusesDateAndTakesSource() throws IOException {
        Path c = control("front.geojson", 36.0, "\"timestamp\":1732060800000", "{}");
        CliRun refused = run("series", c.toString(), "--date", "2024-11-20");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).isEqualTo("controlmap: --date: series takes each snapshot's date from its file "
                + "name or its properties; rename the file or give it a date property\n");
        CliRun r = run("series", c.toString(), "--format", "json", "--source", "Desk map");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"source\" : \"Desk map\"").contains("\"date\" : \"2024-11-20\"");
    }

    @Test
    void diffHeaderNamesDatesAndCountriesAndWarnsWhenFromIsLater() throws IOException {
        Path early = control("front_20241101.geojson", 35.5, "", "{}");
        Path late = control("later.geojson", 36.0, "\"date\":\"2024-11-20\"", "{}");
        CliRun md = run("diff", "--from", early.toString(), "--to", late.toString(), "--format", "md");
        assertThat(md.code()).as(md.err()).isZero();
        assertThat(md.err()).isEmpty();
        assertThat(md.out()).startsWith("**Territory held by Russia: 2024-11-01 → 2024-11-20 (km², geodesic on "
                + "WGS84). Source: front_20241101.geojson, later.geojson**\n\n"
                + "| ISO 3166-2 | Region | Gained by Russia | Regained by Ukraine | Net for Russia |\n");
        CliRun swapped = run("diff", "--from", late.toString(), "--to", early.toString(), "--format", "md");
        assertThat(swapped.err()).isEqualTo("controlmap: warning: --from " + late + " is dated 2024-11-20, later "
                + "than --to " + early + " (2024-11-01): gains and losses are the wrong way round; swap --from "
                + "and --to\n");
    }

    @Test
    void diffTakesSourceAndOneDateEach() throws IOException {
        Path a = control("a.geojson", 35.5, "", "{}");
        Path b = control("b.geojson", 36.0, "", "{}");
        CliRun undated = run("diff", "--from", a.toString(), "--to", b.toString(), "--format", "md");
        assertThat(undated.err()).isEqualTo(noDate(a, "--from-date") + noDate(b, "--to-date"));
        assertThat(undated.out()).startsWith("**Territory held by Russia: " + a + " (no date in the data) → " + b
                + " (no date in the data)");
        CliRun json = run("diff", "--from", a.toString(), "--to", b.toString(), "--format", "json",
                "--from-date", "2024-11-01", "--to-date", "2024-11-20", "--source", "Desk map");
        assertThat(json.err()).isEmpty();
        assertThat(json.out()).contains("\"from_date\" : \"2024-11-01\"").contains("\"to_date\" : \"2024-11-20\"")
                .contains("\"source\" : \"Desk map\"");
        CliRun one = run("diff", "--from", a.toString(), "--to", b.toString(), "--date", "2024-11-20");
        assertThat(one.code()).isEqualTo(2);
        assertThat(one.err()).isEqualTo("controlmap: --date: diff compares two snapshots; give --from-date "
                + "and/or --to-date\n");
        CliRun bad = run("diff", "--from", a.toString(), "--to", b.toString(), "--to-date", "20.11.2024");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).startsWith("controlmap: --to-date 20.11.2024: not a date").doesNotContain("\n\n");
    }
}
