package org.controlmap.control.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which snapshots an animation shows. */
class SnapshotSequenceTest {

    private static List<SnapshotSequence.Snapshot> days(String... dates) {
        return java.util.Arrays.stream(dates)
                .map(d -> new SnapshotSequence.Snapshot(Path.of(d + ".geojson"), LocalDate.parse(d), false)).toList();
    }

    private static List<String> dates(List<SnapshotSequence.Snapshot> s) {
        return s.stream().map(x -> x.date().toString()).toList();
    }

    @Test
    void everyMonthFollowsTheCalendarFromTheAnchor() {
        var all = days("2024-01-31", "2024-02-01", "2024-02-29", "2024-03-30", "2024-03-31", "2024-04-30",
                "2024-05-01");
        // Months from Jan 31: Feb 29, Mar 31, Apr 30 (each from the anchor, not from the one before).
        assertThat(dates(SnapshotSequence.pick(all, Period.ofMonths(1), null, null)))
                .containsExactly("2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30");
    }

    @Test
    void aPeriodWithoutSnapshotsHasNoFrameAndLimitsIncludeTheirDays() {
        var all = days("2024-01-01", "2024-01-02", "2024-01-20", "2024-01-21", "2024-01-29");
        // Weeks start on the 1st, 8th (none), 15th (the 20th is its first), 22nd (none), 29th.
        assertThat(dates(SnapshotSequence.pick(all, Period.ofWeeks(1), null, null)))
                .containsExactly("2024-01-01", "2024-01-20", "2024-01-29");
        assertThat(dates(SnapshotSequence.pick(all, null, LocalDate.parse("2024-01-02"),
                LocalDate.parse("2024-01-21")))).containsExactly("2024-01-02", "2024-01-20", "2024-01-21");
        assertThat(dates(SnapshotSequence.pick(all, Period.ofDays(10), LocalDate.parse("2023-12-25"), null)))
                .containsExactly("2024-01-01", "2024-01-20", "2024-01-29");
    }
}
