package org.controlmap.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.controlmap.control.Qualifier;
import org.junit.jupiter.api.Test;

/** Label figures keep what the source's qualifier says, whatever the rounding. */
class MapWordingTest {
    private final MapWording en = new MapWording("en");
    private final MapWording uk = new MapWording("uk");

    @Test
    void boundsAreRoundedOutwards() {
        assertThat(en.roundedKm2(942, Qualifier.LESS_THAN)).isEqualTo("<950");
        assertThat(en.roundedKm2(19_026, Qualifier.MORE_THAN)).isEqualTo(">19,000");
        assertThat(en.roundedKm2(19_026, Qualifier.EXACT)).isEqualTo("19,000");
        assertThat(en.roundedKm2(19_076, Qualifier.EXACT)).isEqualTo("19,100");
        assertThat(en.roundedKm2(652.8, Qualifier.ABOUT)).isEqualTo("≈650");
        assertThat(uk.roundedKm2(21_347, Qualifier.EXACT)).isEqualTo("21\u00a0300");
    }

    @Test
    void smallAreasAreNeitherInflatedNorShownAsZero() {
        assertThat(en.roundedKm2(4.3, Qualifier.EXACT)).isEqualTo("4");
        assertThat(en.roundedKm2(4.3, Qualifier.LESS_THAN)).isEqualTo("<5");
        assertThat(en.roundedKm2(4.3, Qualifier.MORE_THAN)).isEqualTo(">4");
        assertThat(en.roundedKm2(0.3, Qualifier.EXACT)).isEqualTo("<1");
        assertThat(en.roundedKm2(0.3, Qualifier.LESS_THAN)).isEqualTo("<1");
        assertThat(en.roundedKm2(0.3, Qualifier.MORE_THAN)).isEqualTo(">0");
        assertThat(en.roundedKm2(0.3, Qualifier.ABOUT)).isEqualTo("<1");
    }
}
