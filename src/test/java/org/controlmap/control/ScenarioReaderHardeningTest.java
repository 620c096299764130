package org.controlmap.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.controlmap.InputException;
import org.controlmap.region.RegionCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Scenario files that Jackson and SnakeYAML read otherwise than their writer meant, refused in plain words. */
class ScenarioReaderHardeningTest {
    private static final RegionCatalogue CAT = RegionCatalogue.bundled();
    private final List<String> warnings = new ArrayList<>();

    private Scenario read(byte[] bytes, String name) {
        return new ScenarioReader(CAT, warnings::add).read(bytes, name);
    }

    private AbstractThrowableAssert<?, ?> refused(String text, String name) {
        return refused(text.getBytes(StandardCharsets.UTF_8), name);
    }

    private AbstractThrowableAssert<?, ?> refused(byte[] bytes, String name) {
        return assertThatThrownBy(() -> read(bytes, name)).isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Source")
                        .doesNotContain("REDACTED").doesNotContain("StreamReadConstraints")
                        .doesNotContain("JsonReadFeature").doesNotContain("`"));
    }

    private static String scenario(String statements) {
        return "date: 2024-11-20\nsource:\n  title: Test report\nstatements:\n" + statements;
    }

    private static final String JSON_HEAD = "{\"date\": \"2024-11-20\", \"source\": {\"title\": \"t\"},\n"
            + "\"statements\": [{\"region\": \"UA-23\", \"controller\": \"RU\", \"percent\": ";

    // ---- Jackson's internals stay out of messages ------------------------------------------------

    @Test
    void jsonNanIsRefusedInPlainWords() {
        refused(JSON_HEAD + "NaN}]}", "s.json").hasMessage("s.json:2:67: NaN is not a number JSON allows: write a"
                + " figure");
    }

    @Test
    void jsonLimitsAreSaidWithoutJacksonSettingNames() {
        refused(JSON_HEAD + "1" + "0".repeat(100) + "}]}", "s.json")
                .hasMessageStartingWith("s.json:2:").hasMessageEndingWith("number longer than 64 characters");
        refused("{\"notes\": " + "[".repeat(70) + "]".repeat(70) + "}", "s.json")
                .hasMessageEndingWith("JSON nested deeper than 64 levels");
    }

    @Test
    void truncatedJsonSaysWhatIsOpen() {
        refused(JSON_HEAD + "5", "s.json").hasMessageMatching("s\\.json:2:\\d+: malformed JSON: statements\\[0\\]"
                + "\\.percent: unexpected end of file: an object \\(opened at line 2, column \\d+\\) is not closed.*");
    }

    // ---- quoted values are cut ------------------------------------------------------------------

    @Test
    void aHugeRegionNameIsCutAndGetsNoSuggestion() {
        String name = "x".repeat(3_500_000);
        refused(scenario("  - {region: \"" + name + "\", controller: RU, percent: 5}\n"), "s.yaml")
                .hasMessage("s.yaml:5:5: statements[0]: " + "x".repeat(80) + "… (3500000 characters): no such"
                        + " region");
    }

    // ---- YAML that does not say what its writer meant -------------------------------------------

    @Test
    void aTabInTheIndentationIsNamedOnItsLine() {
        refused("date: 2024-11-20\nsource:\n\ttitle: t\nstatements: []\n", "s.yaml")
                .hasMessage("s.yaml:3:1: a tab in the indentation; YAML indents with spaces only: replace the tab"
                        + " with spaces");
    }

    @Test
    void aBadIndentOrAnUnquotedColonSaysWhatToCheck() {
        // "controller" deeper than "region": read as the rest of "Zaporizhzhia", then ": " cannot follow.
        String deeper = "date: 2024-11-20\nstatements:\n  - region: Zaporizhzhia\n     controller: RU\n";
        refused(deeper, "s.yaml").hasMessage("s.yaml:4:16: malformed YAML: mapping values are not allowed here; a"
                + " value holding ': ' needs quotes, or this line is indented deeper than the key above it");
        refused("date: 2024-11-20\nsource:\n  title: Report: part 2\nstatements: []\n", "s.yaml")
                .hasMessageEndingWith("mapping values are not allowed here; a value holding ': ' needs quotes, or"
                        + " this line is indented deeper than the key above it");
        // "percent" one column left of "controller": SnakeYAML says "expected <block end>, but found ...".
        String shallower = "date: 2024-11-20\nstatements:\n  - region: Zaporizhzhia\n    controller: RU\n"
                + "   percent: 5\n";
        refused(shallower, "s.yaml").hasMessageStartingWith("s.yaml:5:").hasMessageEndingWith("; check this"
                + " line's indentation against the lines above it (the keys of one statement start in one column)");
    }

    @Test
    void utf16AndLatin1AreRefusedAsSuch() {
        String text = scenario("  - {region: Zaporizhzhia, controller: RU, percent: 5, quote: \"café\"}\n");
        refused(text.getBytes(StandardCharsets.UTF_16), "s.yaml").hasMessage("s.yaml: UTF-16 text; save it as UTF-8");
        refused(text.getBytes(StandardCharsets.UTF_16LE), "s.yaml").hasMessage("s.yaml: UTF-16 text; save it as"
                + " UTF-8");
        refused(text.getBytes(StandardCharsets.ISO_8859_1), "s.yaml")
                .hasMessage("s.yaml: not UTF-8 (byte 0xE9 at line 5); save it as UTF-8");
        byte[] cp1251 = scenario("  - {region: Запорізька, controller: RU, percent: 5}\n")
                .getBytes(Charset.forName("windows-1251"));
        refused(cp1251, "s.yaml").hasMessageStartingWith("s.yaml: not UTF-8 (byte 0x").hasMessageEndingWith(
                " at line 5); save it as UTF-8");
    }

    @Test
    void aListWherePercentGoesSaysHowToWriteARange() {
        refused(scenario("  - region: Kharkiv\n    controller: RU\n    percent: [1, 2]\n"), "s.yaml")
                .hasMessage("s.yaml:7:14: statements[0] (Kharkiv): percent must be one number, not a list; for a"
                        + " range write min: 1 and max: 2 beside the figure, or the figure alone");
    }

    @Test
    void aBadSourceDateIsReportedOnItsOwnLine() {
        refused("date: 2024-11-20\nsource:\n  title: t\n  publisher: p\n  date: 2024-13-45\nstatements: []\n",
                "s.yaml").hasMessage("s.yaml:5:9: source.date must be YYYY-MM-DD, not '2024-13-45'");
    }

    @Test
    void aliasesAreRefusedNotReadAsTheirAnchorsName() {
        refused(scenario("  - {region: &z Zaporizhzhia, controller: RU, percent: 5}\n"
                + "  - {region: *z, controller: RU, percent: 5}\n"), "s.yaml")
                .hasMessage("s.yaml:6:14: *z is a YAML alias; controlmap does not read anchors and aliases: write the"
                        + " value out in full");
        refused("date: 2024-11-20\nsource: {title: t}\nnotes: &l []\nstatements: *l\n", "s.yaml")
                .hasMessageContaining("YAML alias");
    }

    @Test
    void aSecondDocumentIsAnError() {
        refused(scenario("  - {region: Kharkiv, controller: RU, percent: 5}\n---\nstatements: []\n"), "s.yaml")
                .hasMessage("s.yaml:7:1: a second YAML document (after ---): a scenario file holds one; remove it or"
                        + " put it in a file of its own");
    }

    @Test
    void duplicateTopLevelKeysNameBothLines() {
        refused("date: 2024-11-20\nsource: {title: t}\ndate: 2024-11-21\n", "s.yaml")
                .hasMessage("s.yaml:3:1: duplicate key 'date' (first at line 1)");
        refused(scenario("  - {region: Kharkiv, controller: RU, percent: 5, percent: 6}\n"), "s.yaml")
                .hasMessage("s.yaml:5:51: duplicate key \"percent\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x1F", "012", "1_000", "0b11", "+0x10"})
    void numbersYamlReadsOtherwiseThanWrittenAreRefused(String written) {
        refused(scenario("  - {region: Kharkiv, controller: RU, km2: " + written + "}\n"), "s.yaml")
                .hasMessageStartingWith("s.yaml:5:").hasMessageContaining("km2 " + written + " is not a decimal"
                        + " number (YAML reads it as ").hasMessageEndingWith("write the figure in decimal digits");
    }

    @Test
    void underflowingAndOverflowingNumbersAreRefused() {
        refused(scenario("  - {region: Kharkiv, controller: RU, percent: 1e-400}\n"), "s.yaml")
                .hasMessage("s.yaml:5:48: statements[0] (Kharkiv): percent 1e-400 is too small to tell from 0; write"
                        + " 0 or a figure in plain decimals");
        refused(scenario("  - {region: Kharkiv, controller: RU, km2: 1e400}\n"), "s.yaml")
                .hasMessageEndingWith("km2 1e400 is too large");
        refused(scenario("  - {region: Kharkiv, controller: RU, percent: .inf}\n"), "s.yaml")
                .hasMessageEndingWith("'.inf' is not a figure: write a decimal number");
    }

    @Test
    void decimalNumbersStillRead() {
        Scenario s = read(scenario("  - {region: Kharkiv, controller: RU, percent: 2.5}\n"
                + "  - {region: Kherson, controller: RU, percent: .5e2}\n"
                + "  - {region: Sumy, controller: RU, percent: 0}\n"
                + "  - {region: Kyiv City, controller: RU, km2: 1e-3}\n").getBytes(StandardCharsets.UTF_8), "s.yaml");
        assertThat(s.statements()).extracting(ControlStatement::amount).containsExactly(2.5, 50.0, 0.0, 0.001);
    }
}
