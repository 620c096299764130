package org.controlmap.control.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.controlmap.control.measure.Fixtures.box;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.controlmap.control.Controller;
import org.controlmap.InputException;
import org.controlmap.region.AreaBasis;
import org.controlmap.region.RegionCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How a control file is dated and credited: name, own properties, or what the user gives. */
class ControlFileTest {
    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    /** One held box, with the given feature properties and top-level members (JSON fragments, may be empty). */
    private Path file(String name, String featureProps, String topMembers) throws IOException {
        String fc = Fixtures.collection(List.of(box(30, 31, 48, 49)), List.of(featureProps));
        if (!topMembers.isEmpty()) {
            fc = "{" + topMembers + "," + fc.substring(1);
        }
        return Fixtures.write(dir, name, fc);
    }

    private ControlFile read(Path p) {
        return ControlFile.read(p, Controller.RU, warnings::add);
    }

    @ParameterizedTest
    @ValueSource(strings = {"date", "as_of", "datetime", "timestamp", "updated", "updated_at"})
    void eachDatePropertyOfTheFeatures(String key) throws IOException {
        ControlFile f = read(file("front.geojson", "{\"" + key + "\":\"2024-11-20T17:45:00+02:00\"}", ""));
        assertThat(f.date()).isEqualTo(LocalDate.of(2024, 11, 20));
        assertThat(warnings).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"date", "as_of", "datetime", "timestamp", "updated", "updated_at"})
    void eachDatePropertyAtTheTopLevel(String key) throws IOException {
        assertThat(read(file("a.geojson", "{}", "\"" + key + "\":\"2024-03-01\"")).date())
                .isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(read(file("b.geojson", "{}", "\"properties\":{\"" + key + "\":\"20240302\"}")).date())
                .isEqualTo(LocalDate.of(2024, 3, 2));
    }

    @Test
    void theNameComesFirstThenTheTopLevelThenTheFeatures() throws IOException {
        assertThat(read(file("front_20240105.geojson", "{\"date\":\"2024-01-01\"}", "\"date\":\"2024-01-02\""))
                .date()).isEqualTo(LocalDate.of(2024, 1, 5));
        assertThat(read(file("front.geojson", "{\"date\":\"2024-01-01\"}", "\"updated\":\"2024-01-02\"")).date())
                .isEqualTo(LocalDate.of(2024, 1, 2));
        // On one level, a stated date before a time of last edit.
        assertThat(read(file("front.geojson", "{\"updated\":\"2024-01-09\",\"date\":\"2024-01-01\"}", "")).date())
                .isEqualTo(LocalDate.of(2024, 1, 1));
    }

    @Test
    void aRenamedDeepStateMapExportKeepsItsDateAndCreditFromItsLayerName() throws IOException {
        ControlFile f = read(file("copy.geojson", "{}", "\"name\":\"deepstatemap_data_20241120\""));
        assertThat(f.date()).isEqualTo(LocalDate.of(2024, 11, 20));
        assertThat(f.credit()).isEqualTo(ControlSeries.DEEPSTATE_CREDIT);
        assertThat(read(file("other.geojson", "{}", "\"name\":\"front\"")).credit()).isEqualTo("other.geojson");
    }

    @Test
    void epochMillisecondsAreUtcDates() throws IOException {
        // 2024-11-20T23:30:00Z
        assertThat(read(file("front.geojson", "{\"timestamp\":1732145400000}", "")).date())
                .isEqualTo(LocalDate.of(2024, 11, 20));
        // Epoch seconds are not guessed at.
        Path seconds = file("s.geojson", "{\"timestamp\":1732145400}", "");
        assertThatThrownBy(() -> read(seconds)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(seconds + ": feature 0: timestamp \"1732145400\" is not a date");
    }

    @Test
    void featuresThatDisagreeGiveTheLatestWithAWarning() throws IOException {
        String fc = Fixtures.collection(List.of(box(30, 30.5, 48, 49), box(30.5, 31, 48, 49), box(31, 31.5, 48, 49)),
                List.of("{\"updated\":\"2024-11-18\"}", "{\"updated\":\"2024-11-20\"}", "{}"));
        Path p = Fixtures.write(dir, "front.geojson", fc);
        assertThat(read(p).date()).isEqualTo(LocalDate.of(2024, 11, 20));
        assertThat(warnings).containsExactly(p + ": features carry 2 different dates, 2024-11-18 to 2024-11-20; "
                + "dated 2024-11-20, the latest");
    }

    @Test
    void aValueThatIsNotADateIsAnError() throws IOException {
        Path p = file("front.geojson", "{}", "\"as_of\":\"last week\"");
        assertThatThrownBy(() -> read(p)).isInstanceOf(InputException.class)
                .hasMessage(p + ": top level: as_of \"last week\" is not a date; write YYYY-MM-DD");
    }

    @Test
    void noDateAnywhere() throws IOException {
        ControlFile f = read(file("front.geojson", "{\"name\":\"sector 4\"}", "\"name\":\"front\""));
        assertThat(f.date()).isNull();
        assertThat(f.noDateWarning("--date"))
                .isEqualTo(f.path() + ": no date in its name or properties; give --date YYYY-MM-DD");
    }

    @Test
    void whatTheUserGivesWins() throws IOException {
        Path p = file("deepstatemap_data_20241120.geojson", "{}", "");
        assertThat(read(p).credit()).isEqualTo(ControlSeries.DEEPSTATE_CREDIT);
        ControlFile f = ControlFile.read(p, Controller.RU, LocalDate.of(2024, 12, 1), "my desk", warnings::add);
        assertThat(f.date()).isEqualTo(LocalDate.of(2024, 12, 1));
        assertThat(f.credit()).isEqualTo("my desk");
        assertThat(f.measure(RegionCatalogue.bundled(), MeasureOptions.defaults()).allocation())
                .extracting(a -> a.date() + " " + a.source()).isEqualTo("2024-12-01 my desk");
    }
}
