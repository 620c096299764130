package org.controlmap.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.controlmap.InputException;
import org.controlmap.region.Region;
import org.controlmap.region.RegionCatalogue;
import org.junit.jupiter.api.Test;

class ScenarioReaderTest {
    private static final RegionCatalogue CAT = RegionCatalogue.bundled();
    private final List<String> warnings = new ArrayList<>();

    private Scenario read(String yaml) {
        return read(yaml, "s.yaml");
    }

    private Scenario read(String text, String name) {
        return new ScenarioReader(CAT, warnings::add).read(text.getBytes(StandardCharsets.UTF_8), name);
    }

    private static String scenario(String statements) {
        return "date: 2024-11-20\nsource:\n  title: Test report\nstatements:\n" + statements;
    }

    @Test
    void bundledScenarioHoldsTheReportsFigures() {
        Scenario s = ScenarioReader.bundled(CAT);
        assertThat(s.date()).hasToString("2024-11-20");
        assertThat(s.source().publisher()).isEqualTo("Reuters");
        assertThat(s.statements()).hasSize(7);
        ControlStatement crimea = s.statements().get(0);
        assertThat(crimea.regions()).extracting(Region::iso).containsExactly("UA-40", "UA-43");
        assertThat(crimea.qualifier()).isEqualTo(Qualifier.ALL);
        ControlStatement donbas = s.statements().get(1);
        assertThat(donbas.regions()).extracting(Region::iso).containsExactly("UA-09", "UA-14");
        assertThat(donbas.amount()).isEqualTo(80.0);
        ControlStatement kursk = s.statements().get(6);
        assertThat(kursk.controller()).isEqualTo(Controller.UA);
        assertThat(kursk.unit()).isEqualTo(AmountUnit.KM2);
        assertThat(kursk.figureText()).isEqualTo("about 650 km²");
        assertThat(s.totals()).extracting(ControlStatement::figureText)
                .containsExactly("18%", "more than 110,000 km²");
        assertThat(s.totals()).allMatch(ControlStatement::total);
        assertThat(s.totals().get(0).regions()).hasSize(27);
    }

    @Test
    void namesAliasesAndCodesResolve() {
        Scenario s = read(scenario("""
                  - {region: "UA-23", controller: RU, percent: 10}
                  - {region: Zaporozhye oblast, controller: ru, percent: 10, id: dup-ok}
                  - {region: "Харківська область", controller: RU, percent: 2}
                  - {region: Kiev City, controller: RU, percent: 0}
                """));
        assertThat(s.statements()).extracting(st -> st.regions().get(0).iso())
                .containsExactly("UA-23", "UA-63", "UA-30");
        assertThat(warnings).singleElement().asString().contains("given twice with the same figure");
    }

    @Test
    void malformedYamlNamesLineAndColumn() {
        assertThatThrownBy(() -> read("date: 2024-11-20\nsource: [unclosed\nstatements: x\n"))
                .isInstanceOf(InputException.class)
                .hasMessageMatching("s\\.yaml:\\d+:\\d+: malformed YAML: .*");
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        assertThatThrownBy(() -> read("{\"date\": \"2024-11-20\",\n \"source\": {\"title\": 1,}\n}", "s.json"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("s.json:2:")
                .hasMessageContaining("malformed JSON");
    }

    @Test
    void duplicateJsonKeysAreErrors() {
        assertThatThrownBy(() -> read("{\"date\": \"2024-11-20\", \"date\": \"2024-11-21\"}", "s.json"))
                .isInstanceOf(InputException.class).hasMessageContaining("duplicate key 'date' (first at line 1)");
    }

    @Test
    void emptyFile() {
        assertThatThrownBy(() -> read("  \n")).hasMessage("s.yaml: empty file");
    }

    @Test
    void missingFile() {
        assertThatThrownBy(() -> new ScenarioReader(CAT, w -> { }).read(Path.of("no/such/scenario.yaml")))
                .isInstanceOf(InputException.class).hasMessage("no/such/scenario.yaml: no such file");
    }

    @Test
    void unknownRegionSuggestsTheClosestName() {
        assertThatThrownBy(() -> read(scenario("  - {region: UA-99, controller: RU, percent: 5}\n")))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("s.yaml:5:5: statements[0]: UA-99: no such region (did you mean UA-");
        assertThatThrownBy(() -> read(scenario("  - {region: Zaporizhzia, controller: RU, percent: 5}\n")))
                .hasMessageContaining("Zaporizhzia: no such region (did you mean UA-23 Zaporizhzhia?)");
        assertThatThrownBy(() -> read(scenario("  - {region: Atlantis, controller: RU, percent: 5}\n")))
                .hasMessageEndingWith("Atlantis: no such region");
    }

    @Test
    void percentOutsideRange() {
        assertThatThrownBy(() -> read(scenario("  - {region: Kharkiv, controller: RU, percent: 130}\n")))
                .hasMessage("s.yaml:5:5: statements[0] (Kharkiv): percent 130 is outside 0–100");
        assertThatThrownBy(() -> read(scenario("  - {region: Kharkiv, controller: RU, percent: -1}\n")))
                .hasMessageContaining("percent -1 is outside 0–100");
    }

    @Test
    void percentWrittenAsTextIsExplained() {
        assertThatThrownBy(() -> read(scenario("  - {region: Kharkiv, controller: RU, percent: \"50%\"}\n")))
                .hasMessageContaining("percent must be a number, not '50%' (write 50, not \"50%\")");
        assertThatThrownBy(() -> read(scenario("  - {region: Kharkiv, controller: RU, percent: .nan}\n")))
                .isInstanceOf(InputException.class).hasMessageStartingWith("s.yaml:5:");
    }

    @Test
    void km2LargerThanTheRegion() {
        assertThatThrownBy(() -> read(scenario("  - {region: Kyiv City, controller: RU, km2: 5000}\n")))
                .hasMessageContaining("5,000 km² is larger than the region (1,642 km²)");
    }

    @Test
    void sameRegionTwiceWithDifferentFigures() {
        assertThatThrownBy(() -> read(scenario("""
                  - {region: Zaporizhzhia, controller: RU, percent: 70, qualifier: more-than}
                  - {region: UA-23, controller: RU, percent: 60}
                """)))
                .isInstanceOf(InputException.class)
                .hasMessage("s.yaml:6:5: UA-23 Zaporizhzhia given twice with different figures: "
                        + "RU more than 70% at line 5, RU 60% here");
    }

    @Test
    void regionThatYamlReadsAsBooleanMustBeQuoted() {
        assertThatThrownBy(() -> read(scenario("  - {region: true, controller: RU, percent: 5}\n")))
                .hasMessageContaining("region must be text, not boolean 'true' (quote it)");
    }

    @Test
    void otherStatementErrors() {
        assertThatThrownBy(() -> read(scenario("  - {region: Sumy, controller: BY, percent: 5}\n")))
                .hasMessageContaining("controller must be RU or UA, not 'BY'");
        assertThatThrownBy(() -> read(scenario("  - {region: Sumy, controller: RU, percent: 5, km2: 3}\n")))
                .hasMessageContaining("give percent or km2, not both");
        assertThatThrownBy(() -> read(scenario("  - {region: Sumy, controller: RU}\n")))
                .hasMessageContaining("missing percent or km2");
        assertThatThrownBy(() -> read(scenario("  - {region: Sumy, controller: RU, percnt: 5}\n")))
                .hasMessageContaining("unknown key 'percnt'");
        assertThatThrownBy(() -> read(scenario("  - {region: Sumy, controller: RU, percent: 5, qualifier: most}\n")))
                .hasMessageContaining("unknown qualifier 'most'");
        assertThatThrownBy(() -> read("source: {title: x}\nstatements:\n  - {region: Sumy, controller: RU, percent: 5}"))
                .hasMessageContaining("missing 'date'");
        assertThatThrownBy(() -> read("date: 2024-13-01\nsource: {title: x}\n"))
                .hasMessageContaining("date must be YYYY-MM-DD, not '2024-13-01'");
        assertThatThrownBy(() -> read("date: 2024-11-01\nsource: {title: x}\nstatements: []\n"))
                .hasMessageContaining("no statements");
    }

    @Test
    void ukraineHoldingPartOfAUkrainianRegionIsAnErrorWithAHint() {
        assertThatThrownBy(() -> read(scenario(
                "  - {region: Zaporizhzhia, controller: UA, percent: 30, qualifier: more-than}\n")))
                .isInstanceOf(InputException.class)
                .hasMessage("s.yaml:5:5: statements[0] (Zaporizhzhia): Ukraine holding part of Ukraine's own region "
                        + "UA-23 Zaporizhzhia is not a control figure; did you mean controller: RU, percent: 70, "
                        + "qualifier: less-than? controlmap tables what an occupying side holds");
        // a group counts too: each member is Ukraine's own
        assertThatThrownBy(() -> read(scenario("  - {region: Donbas, controller: UA, percent: 50}\n")))
                .hasMessageContaining("Ukraine holding part of Ukraine's own region UA-09 Luhansk")
                .hasMessageContaining("did you mean controller: RU, percent: 50?");
    }

    @Test
    void russiaHoldingPartOfItsOwnOblastIsAnErrorWithAHint() {
        assertThatThrownBy(() -> read(scenario("  - {region: Kursk, controller: RU, km2: 650, qualifier: about}\n")))
                .isInstanceOf(InputException.class)
                .hasMessage("s.yaml:5:5: statements[0] (Kursk): Russia holding part of Russia's own region RU-KRS "
                        + "Kursk is not a control figure; did you mean controller: UA with what Ukraine holds? "
                        + "controlmap tables what an occupying side holds");
        assertThatThrownBy(() -> read(scenario("  - {region: [Belgorod, Sumy], controller: RU, percent: 5}\n")))
                .hasMessageContaining("Russia holding part of Russia's own region RU-BEL Belgorod");
    }

    @Test
    void sliverWithANumberIsAnErrorWithAHint() {
        assertThatThrownBy(() -> read(scenario(
                "  - {region: Mykolaiv, controller: RU, percent: 5, qualifier: sliver}\n")))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("s.yaml:5:5: statements[0] (Mykolaiv): qualifier 'sliver' with percent 5: ")
                .hasMessageContaining("write it with qualifier about or exact, else leave the number out");
        assertThatThrownBy(() -> read(scenario(
                "  - {region: Mykolaiv, controller: RU, km2: 100, qualifier: sliver}\n")))
                .hasMessageContaining("qualifier 'sliver' with km2 100");
    }

    @Test
    void emptyRegionListIsAnErrorAtItsPlace() {
        assertThatThrownBy(() -> read(scenario("  - {region: [], controller: RU, percent: 5}\n")))
                .isInstanceOf(InputException.class)
                .hasMessage("s.yaml:5:5: statements[0]: 'region' is an empty list (name at least one region)");
        assertThatThrownBy(() -> read(scenario("  - {region: Sumy, controller: RU, percent: 5}\n"
                + "totals:\n  - {regions: [], controller: RU, percent: 18}\n")))
                .hasMessage("s.yaml:7:5: totals[0]: 'region' is an empty list (name at least one region)");
    }

    @Test
    void sameGroupTwiceWithDifferentFiguresNamesBoth() {
        assertThatThrownBy(() -> read(scenario("""
                  - {region: Donbas, controller: RU, percent: 80}
                  - {region: [Luhansk, Donetsk], controller: RU, percent: 70}
                """)))
                .isInstanceOf(InputException.class)
                .hasMessage("s.yaml:6:5: Luhansk + Donetsk given twice with different figures: RU 80% at line 5, "
                        + "RU 70% here");
        Scenario same = read(scenario("""
                  - {region: Donbas, controller: RU, percent: 80}
                  - {region: [Donetsk, Luhansk], controller: RU, percent: 80}
                """));
        assertThat(same.statements()).hasSize(1);
        assertThat(warnings).singleElement().asString().contains("given twice with the same figure");
    }

    @Test
    void regionInTwoGroupsWithoutItsOwnFigureNamesBoth() {
        assertThatThrownBy(() -> read(scenario("""
                  - {region: [Donetsk, Luhansk], controller: RU, percent: 80}
                  - {region: [Luhansk, Kharkiv], controller: RU, percent: 60}
                """)))
                .isInstanceOf(InputException.class)
                .hasMessage("s.yaml:6:5: UA-09 Luhansk is in two group figures and has none of its own: "
                        + "RU 80% of Donetsk + Luhansk at s.yaml:5:5 and RU 60% of Luhansk + Kharkiv here; give "
                        + "Luhansk its own figure (each group then fills its other members with what is left) or "
                        + "drop one of them");
    }

    @Test
    void yamlAliasBombIsRefused() {
        StringBuilder sb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'k'; c++) {
            sb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                sb.append(i == 0 ? "" : ", ").append('*').append(prev);
            }
            sb.append("]\n");
            prev = c;
        }
        assertThatThrownBy(() -> read(sb.toString())).isInstanceOf(InputException.class);
    }
}
