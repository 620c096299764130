package org.controlmap.geodata;

import org.controlmap.InputException;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** Errors in plain words: no Jackson class or setting names, no "Source: REDACTED", values cut. */
class GeoJsonMessagesTest {
    private static final String SQUARE = "[[30,50],[31,50],[31,51],[30,51],[30,50]]";
    private final List<String> warnings = new ArrayList<>();

    private String error(String json) {
        InputException e = Assertions.assertThrows(InputException.class, () -> new GeoJsonReader(warnings::add)
                .read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "x.geojson"));
        assertThat(e.getMessage()).startsWith("x.geojson").doesNotContain("\n").doesNotContain("Source")
                .doesNotContain("REDACTED").doesNotContain("StreamReadConstraints").doesNotContain("JsonReadFeature")
                .doesNotContain("StreamReadFeature").doesNotContain("`");
        return e.getMessage();
    }

    @Test
    void mismatchedCloseMarkerHasNoJacksonLocation() {
        assertThat(error("{\"type\":\"Polygon\",\n\"coordinates\":[" + SQUARE + "]]}"))
                .startsWith("x.geojson:2:").contains("invalid JSON").contains("close marker");
    }

    @Test
    void inputEndingBetweenArrayEntriesIsAnUnexpectedEnd() {
        assertThat(error("{\"type\":\"Polygon\",\"coordinates\":[[[30,50],[31,"))
                .matches("x\\.geojson:1:\\d+: coordinates\\[0\\]\\[1\\]\\[1\\]: unexpected end of file: an array"
                        + " \\(opened at line 1, column \\d+\\) is not closed \\(truncated or unbalanced JSON\\)");
    }

    @Test
    void overlongKeysAndNumbersAreSaidPlainly() {
        assertThat(error("{\"type\":\"Polygon\",\"coordinates\":[[[1" + "0".repeat(100) + ",50]]]}"))
                .endsWith("number longer than 64 characters");
        assertThat(error("{\"type\":\"Polygon\",\"" + "k".repeat(60_000) + "\":1}"))
                .endsWith("text too long (a string or key of tens of thousands of characters or more)");
        assertThat(error("{\"type\":\"Polygon\",\"coordinates\":[],\"" + "k".repeat(60_000) + "\":1}"))
                .endsWith("key too long (tens of thousands of characters)");
    }

    @Test
    void nanInPropertiesIsRefusedWithItsPath() {
        assertThat(error("{\"type\":\"Feature\",\"properties\":{\"a\":\n[1, NaN]},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[" + SQUARE + "]}}"))
                .startsWith("x.geojson:2:5: properties.a[1]: NaN is not a number JSON allows");
    }

    @Test
    void duplicateKeysInsideSkippedMembersAreStillFound() {
        assertThat(error("{\"type\":\"Polygon\",\"bbox\":{\"a\":1,\n\"a\":2},\"coordinates\":[" + SQUARE + "]}"))
                .isEqualTo("x.geojson:2:1: bbox.a: duplicate key \"a\"");
    }

    @Test
    void aTenMegabyteValueIsCutInTheMessage() {
        String big = "F".repeat(10_000_000);
        String m = error("{\"type\":\"" + big + "\"}");
        assertThat(m.length()).isLessThan(300);
        assertThat(m).contains("… (10000000 characters)");
        String crs = error("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\""
                + big + "\"}},\"features\":[]}");
        assertThat(crs.length()).isLessThan(300);
    }
}
