package org.controlmap.geodata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EditDistanceTest {

    @Test
    void textbookDistancesWithinTheBound() {
        // kitten -> sitten -> sittin -> sitting; flaw -> lawn: delete f, insert n.
        assertThat(EditDistance.bounded("kitten", "sitting", 5)).isEqualTo(3);
        assertThat(EditDistance.bounded("flaw", "lawn", 5)).isEqualTo(2);
        assertThat(EditDistance.bounded("", "abc", 5)).isEqualTo(3);
        assertThat(EditDistance.bounded("Kharkiv", "Kharkiv", 0)).isZero();
    }

    @Test
    void beyondTheBoundIsTheBoundPlusOne() {
        assertThat(EditDistance.bounded("kitten", "sitting", 2)).isEqualTo(3);
        assertThat(EditDistance.bounded("kitten", "sitting", 1)).isEqualTo(2);
        assertThat(EditDistance.bounded("a", "abcdef", 2)).isEqualTo(3);
        assertThat(EditDistance.bounded("x".repeat(50), "y".repeat(50), 3)).isEqualTo(4);
    }
}
