package org.controlmap.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.controlmap.control.Allocation;
import org.controlmap.control.Qualifier;
import org.controlmap.control.RegionControl;
import org.controlmap.control.Scenario;
import org.controlmap.control.ScenarioAllocation;
import org.controlmap.control.ScenarioReader;
import org.controlmap.region.AreaBasis;
import org.controlmap.region.RegionCatalogue;
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

    @Test
    void aRemainderIsMarkedAsNotTheSourcesFigureForTheRegion() {
        RegionCatalogue cat = RegionCatalogue.bundled();
        Scenario s = new ScenarioReader(cat, w -> { }).read(("date: 2024-11-20\nsource: {title: Test}\nstatements:\n"
                + "  - {region: Donbas, controller: RU, percent: 80, qualifier: more-than}\n"
                + "  - {region: Luhansk, controller: RU, percent: 98}\n").getBytes(StandardCharsets.UTF_8), "s.yaml");
        Allocation a = ScenarioAllocation.allocate(s, cat, AreaBasis.OFFICIAL);
        RegionControl donetsk = a.of("UA-14").orElseThrow();
        RegionControl luhansk = a.of("UA-09").orElseThrow();
        String share = Math.round(donetsk.controlledPct()) + "%";
        // the source gives 98% for Luhansk and "more than 80%" for the two together, nothing for Donetsk alone
        assertThat(en.figure(luhansk, false)).isEqualTo("98%");
        assertThat(en.figure(donetsk, false)).isEqualTo(">" + share + "*");
        assertThat(MapWording.isGroupFigure(donetsk)).isTrue();
        assertThat(en.groupNote(donetsk)).isEqualTo("* >" + share + ": Donetsk, the rest of >80% for Luhansk and "
                + "Donetsk together");
        assertThat(uk.groupNote(donetsk)).isEqualTo("* >" + share + ": Донецька, решта з >80% для Луганська і "
                + "Донецька разом");
    }
}
