package org.controlmap.control.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.controlmap.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import org.controlmap.cli.CliRun;
import org.controlmap.control.Controller;
import org.controlmap.control.Scenario;
import org.controlmap.control.ScenarioAllocation;
import org.controlmap.control.ScenarioReader;
import org.controlmap.region.AreaBasis;
import org.controlmap.region.RegionCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} end to end on the bundled data, and the JSON it writes. */
class CheckCommandTest {
    @TempDir
    Path dir;



    static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    @Test
    void bundledScenarioAgainstItsOwnFigures() {
        RegionCatalogue cat = RegionCatalogue.bundled();
        Scenario s = ScenarioReader.bundled(cat);
        CheckReport r = ClaimCheck.of(cat, AreaBasis.OFFICIAL)
                .check(s, ScenarioAllocation.allocate(s, cat, AreaBasis.OFFICIAL), EnumSet.allOf(Controller.class));
        // The figures as the table restates them: 80% of the Donbas, 70% of Zaporizhzhia and Kherson, all of
        // Crimea and Sevastopol, 3% of Kharkiv, a nominal 0.5% of Mykolaiv.
        double restated = 0.8 * (off(cat, "UA-14") + off(cat, "UA-09")) + 0.7 * (off(cat, "UA-23") + off(cat, "UA-65"))
                + off(cat, "UA-43") + off(cat, "UA-40") + 0.03 * off(cat, "UA-63") + 0.005 * off(cat, "UA-48");
        Claim km2 = r.claims().stream().filter(c -> c.id().equals("km2-of-ukraine")).findFirst().orElseThrow();
        Claim share = r.claims().stream().filter(c -> c.id().equals("share-of-ukraine")).findFirst().orElseThrow();
        assertThat(km2.value()).isCloseTo(restated, within(1e-6));
        assertThat(share.value()).isCloseTo(100 * restated / cat.ukraineOfficialKm2(), within(1e-9));
        // 18% of Ukraine holds; "more than 110,000 km²" does not hold for the lower bounds the table uses...
        assertThat(share.status()).isEqualTo(ClaimStatus.MET);
        assertThat(restated).isLessThan(110_000);
        assertThat(km2.status()).isEqualTo(ClaimStatus.NOT_MET);
        // ...but the report is consistent: "more than 70%" leaves room above 110,000 km² within 18% ± 2.5
        assertThat(r.consistency().consistent()).isTrue();
        assertThat(r.consistency().jointRange().min()).isEqualTo(110_000);
        assertThat(r.consistency().jointRange().max()).isCloseTo(0.205 * cat.ukraineOfficialKm2(), within(1e-6));
        assertThat(r.claims()).filteredOn(c -> !c.statement().total())
                .allMatch(c -> c.status() == ClaimStatus.MET);
    }

    static double off(RegionCatalogue cat, String iso) {
        return cat.byIso(iso).orElseThrow().officialAreaKm2();
    }

    @Test
    void jsonHasTheIssuesShape() throws Exception {
        CliRun r = run("check", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(fieldNames(root)).startsWith("claims", "consistent");
        assertThat(root.get("consistent").isBoolean()).isTrue();
        assertThat(root.get("claims")).hasSize(9);
        for (JsonNode c : root.get("claims")) {
            assertThat(fieldNames(c)).startsWith("id", "text", "regions", "unit", "min", "max", "value", "status");
            assertThat(c.get("regions").isArray()).isTrue();
            assertThat(c.get("unit").asText()).isIn("pct", "km2");
            assertThat(c.get("min").isNumber() && c.get("max").isNumber() && c.get("value").isNumber()).isTrue();
            assertThat(c.get("status").asText()).isIn("met", "not-met");
        }
        JsonNode kharkiv = root.get("claims").get(4);
        assertThat(kharkiv.get("regions").get(0).asText()).isEqualTo("UA-63");
        assertThat(kharkiv.get("max_open").asBoolean()).isTrue();
        // same input, same bytes
        assertThat(run("check", "--format", "json").out()).isEqualTo(r.out());
    }

    @Test
    void outputFileAndTextReport() throws Exception {
        Path out = dir.resolve("check.json");
        assertThat(run("check", "-o", out.toString()).code()).isZero();
        assertThat(new ObjectMapper().readTree(out.toFile()).has("claims")).isTrue();
        CliRun text = run("check");
        assertThat(text.out()).contains("[not met] Russia holds more than 110,000 km² of Ukraine")
                .contains("Consistent: yes").contains("[0, 3)%");
    }

    @Test
    void measuredFromAControlFile() throws Exception {
        // A box over the whole Crimean peninsula (and some sea and mainland Kherson), held by Russia.
        Path control = dir.resolve("box.geojson");
        Files.writeString(control, """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":
                {"type":"Polygon","coordinates":[[[32.0,44.0],[37.0,44.0],[37.0,46.6],[32.0,46.6],[32.0,44.0]]]}}]}
                """, StandardCharsets.UTF_8);
        CliRun r = run("check", "--control", control.toString(), "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("values").asText()).isEqualTo("measured");
        assertThat(root.get("basis").asText()).isEqualTo("geometry");
        List<String> seen = new ArrayList<>();
        for (JsonNode c : root.get("claims")) {
            List<String> regions = new ArrayList<>();
            c.get("regions").forEach(n -> regions.add(n.asText()));
            seen.add(String.join("+", regions));
            if (regions.equals(List.of("UA-40", "UA-43"))) {
                assertThat(c.get("value").asDouble()).isCloseTo(100, within(0.01));
                assertThat(c.get("status").asText()).isEqualTo("met");
            } else if (regions.equals(List.of("UA-63"))) {
                assertThat(c.get("value").asDouble()).isZero();
                assertThat(c.get("status").asText()).isEqualTo("met");
            } else if (regions.equals(List.of("UA-48"))) {
                assertThat(c.get("status").asText()).isEqualTo("not-met"); // no sliver: nothing held
            } else if (regions.equals(List.of("RU-KRS"))) {
                assertThat(c.get("status").asText()).isEqualTo("unmeasured");
                assertThat(c.get("value").isNull()).isTrue();
            }
        }
        assertThat(seen).contains("UA-40+UA-43", "UA-63", "UA-48", "RU-KRS");
    }

    @Test
    void emptyRegionListIsOneLineAtItsPlace() throws Exception {
        Path f = dir.resolve("empty-region.yaml");
        Files.writeString(f, "date: 2024-11-20\nsource:\n  title: Test\nstatements:\n"
                + "  - {region: [], controller: RU, percent: 80}\n", StandardCharsets.UTF_8);
        CliRun r = run("check", "--scenario", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains(f + ":5:5: statements[0]: 'region' is an empty list");
    }

    @Test
    void badInputExitsTwoWithOneLine() {
        CliRun r = run("check", "--control", dir.resolve("missing.geojson").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("missing.geojson");
    }
}
