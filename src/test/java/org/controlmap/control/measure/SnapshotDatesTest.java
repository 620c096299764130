package org.controlmap.control.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.controlmap.InputException;
import org.junit.jupiter.api.Test;

class SnapshotDatesTest {
    @Test
    void datesInFileNames() {
        assertThat(SnapshotDates.fromFileName("deepstatemap_data_20241120.geojson"))
                .contains(LocalDate.of(2024, 11, 20));
        assertThat(SnapshotDates.fromFileName("/data/2023-01-01/front-2024-02-29.geojson.gz"))
                .contains(LocalDate.of(2024, 2, 29));
        assertThat(SnapshotDates.fromFileName("front.geojson")).isEmpty();
        // Not calendar dates, or part of a longer number.
        assertThat(SnapshotDates.fromFileName("x_20241399.geojson")).isEmpty();
        assertThat(SnapshotDates.fromFileName("id_1202411201.geojson")).isEmpty();
        assertThat(SnapshotDates.fromFileName("a_2024-11-20_copy_2024-11-20.geojson"))
                .contains(LocalDate.of(2024, 11, 20));
    }

    @Test
    void twoDifferentDatesInANameAreAmbiguous() {
        assertThatThrownBy(() -> SnapshotDates.fromFileName("diff_20241120_20250520.geojson"))
                .isInstanceOf(InputException.class).hasMessageContaining("several dates");
    }

    @Test
    void dateProperties() {
        assertThat(SnapshotDates.fromProperty("2024-11-20", "f")).isEqualTo(LocalDate.of(2024, 11, 20));
        assertThat(SnapshotDates.fromProperty("20241120", "f")).isEqualTo(LocalDate.of(2024, 11, 20));
        assertThat(SnapshotDates.fromProperty("2024-11-20T23:59:00Z", "f")).isEqualTo(LocalDate.of(2024, 11, 20));
        assertThatThrownBy(() -> SnapshotDates.fromProperty("20 Nov 2024", "a.geojson: feature 2"))
                .isInstanceOf(InputException.class).hasMessageStartingWith("a.geojson: feature 2: date");
        assertThatThrownBy(() -> SnapshotDates.fromProperty("2024-02-30", "f"))
                .isInstanceOf(InputException.class).hasMessageContaining("not a calendar date");
    }
}
