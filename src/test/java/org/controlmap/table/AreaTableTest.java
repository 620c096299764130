package org.controlmap.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.controlmap.control.Allocation;
import org.controlmap.control.Controller;
import org.controlmap.control.Scenario;
import org.controlmap.control.ScenarioAllocation;
import org.controlmap.control.ScenarioReader;
import org.controlmap.region.AreaBasis;
import org.controlmap.region.Region;
import org.controlmap.region.RegionCatalogue;
import org.junit.jupiter.api.Test;

/** The bundled scenario's table reproduces the report's figures, with the basis stated. */
class AreaTableTest {
    private static final RegionCatalogue CAT = RegionCatalogue.bundled();
    private static final Scenario REUTERS = ScenarioReader.bundled(CAT);

    private static AreaTable table(AreaBasis basis) {
        return AreaTable.of(ScenarioAllocation.allocate(REUTERS, CAT, basis), CAT, REUTERS.totals());
    }

    private static AreaTable.Row row(AreaTable t, String iso) {
        return t.rows().stream().filter(r -> r.iso().equals(iso)).findFirst().orElseThrow();
    }

    private static String write(TableFormat f, AreaTable t) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        f.write(t, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void officialBasisRestatesTheReport() {
        AreaTable t = table(AreaBasis.OFFICIAL);
        assertThat(t.rows()).hasSize(30);
        Region zap = CAT.byIso("UA-23").orElseThrow();
        AreaTable.Row z = row(t, "UA-23");
        assertThat(z.controller()).isEqualTo(Controller.RU);
        assertThat(z.controlledPct()).isEqualTo(70.0);
        assertThat(z.controlledKm2()).isCloseTo(0.70 * zap.officialAreaKm2(), within(1e-9));
        assertThat(z.figure()).isEqualTo("more than 70%");
        assertThat(z.note()).contains("lower bound");
        assertThat(row(t, "UA-14").controlledPct()).isEqualTo(80.0);
        assertThat(row(t, "UA-09").figure()).isEqualTo("80% of Donbas");
        assertThat(row(t, "UA-43").controlledPct()).isEqualTo(100.0);
        assertThat(row(t, "UA-40").controlledPct()).isEqualTo(100.0);
        assertThat(row(t, "UA-63").controlledPct()).isEqualTo(3.0);
        assertThat(row(t, "UA-63").note()).contains("upper bound");
        assertThat(row(t, "UA-48").controlledPct()).isEqualTo(ScenarioAllocation.NOMINAL_SLIVER_PCT);
        assertThat(row(t, "UA-48").note()).contains("nominal").contains("no figure");
        AreaTable.Row kursk = row(t, "RU-KRS");
        assertThat(kursk.controller()).isEqualTo(Controller.UA);
        assertThat(kursk.controlledKm2()).isEqualTo(650.0);
        assertThat(kursk.controlledPct()).isCloseTo(100 * 650 / 29997.0, within(1e-9));
        assertThat(row(t, "UA-46").controller()).isNull();

        double held = t.rows().stream().filter(r -> r.iso().startsWith("UA-") && r.controller() == Controller.RU)
                .mapToDouble(AreaTable.Row::controlledKm2).sum();
        assertThat(t.total().controlledKm2()).isCloseTo(held, within(1e-6));
        assertThat(t.total().controlledPct()).isCloseTo(100 * held / CAT.ukraineOfficialKm2(), within(1e-9));
        // The report: "18% of Ukraine"; the rows' lower bounds add up to just over it.
        assertThat(t.total().controlledPct()).isBetween(17.5, 18.5);
        assertThat(t.caption()).contains("2024-11-20").contains("Reuters").contains("official areas");
    }

    @Test
    void geometryBasisUsesTheBoundaryArea() {
        AreaTable t = table(AreaBasis.GEOMETRY);
        Region kherson = CAT.byIso("UA-65").orElseThrow();
        assertThat(row(t, "UA-65").controlledKm2()).isCloseTo(0.7 * kherson.areaKm2(), within(1e-9));
        assertThat(t.caption()).contains("geodesic areas");
    }

    @Test
    void csvHasTheDocumentedColumnsAndPrecision() throws IOException {
        String csv = write(TableFormat.CSV, table(AreaBasis.OFFICIAL));
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("iso_3166_2,name,area_km2,official_area_km2,basis,controller,"
                + "controlled_pct,controlled_km2,mismatch_km2,front_km,figure,note");
        assertThat(lines).hasSize(32);
        assertThat(lines.get(lines.size() - 1)).startsWith("UA,Ukraine (27 units),");
        assertThat(csv).contains("UA-23,Zaporizhzhia,").contains(",27180.000,official,RU,70.00,19026.000,");
        assertThat(csv).contains("RU-KRS,Kursk,").contains(",UA,2.17,650.000,,,about 650 km²,");
        assertThat(csv).endsWith("\n").doesNotContain("\r");
    }

    @Test
    void jsonParsesBackWithTheSameNumbers() throws IOException {
        JsonNode root = new ObjectMapper().readTree(write(TableFormat.JSON, table(AreaBasis.OFFICIAL)));
        assertThat(root.get("basis").asText()).isEqualTo("official");
        assertThat(root.get("rows")).hasSize(31);
        JsonNode z = root.get("rows").get(7);
        assertThat(z.get("iso_3166_2").asText()).isEqualTo("UA-23");
        assertThat(z.get("controlled_km2").decimalValue()).isEqualByComparingTo("19026.000");
        assertThat(root.get("rows").get(0).get("controller").isNull()).isTrue();
    }

    @Test
    void markdownAndHtmlArePasteReady() throws IOException {
        AreaTable t = table(AreaBasis.OFFICIAL);
        String md = write(TableFormat.MD, t);
        assertThat(md).startsWith("**Territory held by region").contains("| ---: |")
                .contains("| Zaporizhzhia | UA-23 | 27,081 | 27,180 | Russia | 70.0% | 19,026 |");
        String html = write(TableFormat.HTML, t);
        assertThat(html).contains("<caption>").contains("style=\"text-align:right\">19,026<")
                .contains("<tfoot>").contains("Reuters");
    }

    @Test
    void outputIsDeterministic() throws IOException {
        for (TableFormat f : TableFormat.values()) {
            assertThat(write(f, table(AreaBasis.OFFICIAL))).isEqualTo(write(f, table(AreaBasis.OFFICIAL)));
        }
    }

    @Test
    void measuredOutsideRowsAreShown() {
        Allocation a = new Allocation(List.of(), List.of(new Allocation.OutsideArea(Controller.RU, 12.5)),
                AreaBasis.GEOMETRY, null, "test polygons", true);
        AreaTable t = AreaTable.of(a, CAT, List.of());
        AreaTable.Row outside = t.rows().get(t.rows().size() - 1);
        assertThat(outside.iso()).isEqualTo("outside");
        assertThat(outside.controlledKm2()).isEqualTo(12.5);
    }
}
