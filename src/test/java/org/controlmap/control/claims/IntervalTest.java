package org.controlmap.control.claims;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IntervalTest {
    @Test
    void touchingEndsOverlapOnlyWhenBothAreClosed() {
        Interval lessThan3 = new Interval(0, 3, false, true);
        assertThat(lessThan3.overlaps(Interval.closed(3, 5))).isFalse();
        assertThat(Interval.closed(0, 3).overlaps(Interval.closed(3, 5))).isTrue();
        assertThat(Interval.closed(0, 3).intersect(Interval.closed(3, 5))).isEqualTo(Interval.point(3));
        assertThat(new Interval(3, 3, true, false).isEmpty()).isTrue();
    }

    @Test
    void intersectKeepsTheTighterEndAndItsOpenness() {
        Interval a = new Interval(0, 10, true, false);
        Interval b = new Interval(0, 8, false, true);
        assertThat(a.intersect(b)).isEqualTo(new Interval(0, 8, true, true));
        assertThat(b.intersect(Interval.closed(2, 20))).isEqualTo(new Interval(2, 8, false, true));
    }

    @Test
    void sumIsOpenWhereAnyAddendIsOpen() {
        Interval sliver = new Interval(0, 1, true, false);
        assertThat(sliver.plus(Interval.closed(5, 6))).isEqualTo(new Interval(5, 7, true, false));
    }

    @Test
    void complementSwapsEndsAndOpenness() {
        assertThat(new Interval(20, 30, false, true).complementIn(100)).isEqualTo(new Interval(70, 80, true, false));
    }

    @Test
    void formatShowsOpenEnds() {
        assertThat(new Interval(0, 3, false, true).format(2)).isEqualTo("[0, 3)");
        assertThat(new Interval(0, 1.005, true, false).format(2)).isEqualTo("(0, 1.01]");
    }
}
