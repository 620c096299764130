package org.controlmap.control.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.controlmap.control.measure.Fixtures.box;

import org.controlmap.control.Allocation;
import org.controlmap.control.Controller;
import org.controlmap.control.RegionControl;
import org.controlmap.geodata.GeodesicArea;
import org.controlmap.region.AreaBasis;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

class ControlOverlayTest {
    private final ControlOverlay overlay = Fixtures.overlay();

    // Held: all of UA-01, the western half of UA-02, and a strip west of UA-01 that is in no region.
    private final Geometry held = box(29.5, 31.5, 48, 49);

    @Test
    void fullyHalfAndUntouchedRegions() {
        Measurement m = overlay.measure(ControlPolygons.of(Controller.RU, held, "t"), MeasureOptions.defaults());
        Allocation a = m.allocation();
        assertThat(a.measured()).isTrue();
        assertThat(a.basis()).isEqualTo(AreaBasis.GEOMETRY);

        RegionControl full = a.of("UA-01").orElseThrow();
        assertThat(full.controlledPct()).isCloseTo(100, within(1e-9));
        assertThat(full.controlledKm2()).isCloseTo(GeodesicArea.km2(box(30, 31, 48, 49)), within(1e-6));

        RegionControl half = a.of("UA-02").orElseThrow();
        assertThat(half.controlledKm2()).isCloseTo(GeodesicArea.km2(box(31, 31.5, 48, 49)), within(1e-6));
        // Geodesic edges bow slightly, so "half in longitude" is half in area only to about 1e-4.
        assertThat(half.controlledPct()).isCloseTo(50, within(0.05));

        assertThat(a.of("RU-01")).isEmpty();
        assertThat(a.rows()).hasSize(2);
        assertThat(m.clipped(Controller.RU)).containsOnlyKeys("UA-01", "UA-02");
    }

    @Test
    void partOutsideEveryRegionIsReportedNotDropped() {
        Measurement m = overlay.measure(ControlPolygons.of(Controller.RU, held, "t"), MeasureOptions.defaults());
        assertThat(m.allocation().outside()).hasSize(1);
        Allocation.OutsideArea out = m.allocation().outside().get(0);
        assertThat(out.controller()).isEqualTo(Controller.RU);
        assertThat(out.km2()).isCloseTo(GeodesicArea.km2(box(29.5, 30, 48, 49)), within(1e-6));
        // Nothing lost: regions + outside = everything held.
        double sum = m.parts().stream().mapToDouble(Measurement.RegionPart::km2).sum() + out.km2();
        assertThat(sum).isCloseTo(GeodesicArea.km2(held), within(1e-6));
    }

    @Test
    void polygonCrossingTheBorderGivesARussianRowWithANote() {
        Geometry spill = box(31.5, 32.25, 48.2, 48.8);
        Measurement m = overlay.measure(ControlPolygons.of(Controller.RU, spill, "t"), MeasureOptions.defaults());
        RegionControl ru = m.allocation().of("RU-01").orElseThrow();
        assertThat(ru.controlledKm2()).isCloseTo(GeodesicArea.km2(box(32, 32.25, 48.2, 48.8)), within(1e-6));
        assertThat(ru.note()).contains("Natural Earth border");
        assertThat(m.allocation().of("UA-02").orElseThrow().note()).isEmpty();
        assertThat(m.ukraineKm2(Controller.RU)).isCloseTo(GeodesicArea.km2(box(31.5, 32, 48.2, 48.8)),
                within(1e-6));

        // Ukrainian-held territory in Russia is not a boundary mismatch: no such note.
        Measurement ua = overlay.measure(ControlPolygons.of(Controller.UA, spill, "t"), MeasureOptions.defaults());
        assertThat(ua.allocation().of("RU-01").orElseThrow().note()).isEmpty();
        assertThat(ua.allocation().of("RU-01").orElseThrow().controller()).isEqualTo(Controller.UA);
    }

    @Test
    void officialBasisRescalesAndSaysSo() {
        Measurement m = overlay.measure(ControlPolygons.of(Controller.RU, held, "t"),
                MeasureOptions.defaults().withBasis(AreaBasis.OFFICIAL));
        RegionControl half = m.allocation().of("UA-02").orElseThrow();
        double share = GeodesicArea.km2(box(31, 31.5, 48, 49)) / GeodesicArea.km2(box(31, 32, 48, 49));
        assertThat(half.controlledKm2()).isCloseTo(share * 8300, within(1e-6));
        assertThat(half.controlledPct()).isCloseTo(100 * share, within(1e-9));
        assertThat(half.note()).contains("official basis");
    }

    @Test
    void leanPathAgreesWithFullMeasurement() {
        Geometry h = box(30.3, 32.6, 48.1, 48.7);
        Measurement m = overlay.measure(ControlPolygons.of(Controller.RU, h, "t"), MeasureOptions.defaults());
        double[] km2 = overlay.km2(h, 0, "t");
        for (int i = 0; i < overlay.regions().size(); i++) {
            assertThat(km2[i]).isCloseTo(m.km2(overlay.regions().get(i).iso(), Controller.RU), within(1e-9));
        }
        assertThat(km2[3]).isCloseTo(m.outsideKm2(Controller.RU), within(1e-9));
    }

    @Test
    void snappingFillsThinGapsAndTrimsThinSpillsOnly() {
        // Stops about 0.4 km short of UA-01's western boundary and spills about 0.4 km into UA-02.
        Geometry h = box(30.005, 31.005, 48, 49);
        ControlPolygons cp = ControlPolygons.of(Controller.RU, h, "t");
        Measurement exact = overlay.measure(cp, MeasureOptions.defaults());
        assertThat(exact.allocation().of("UA-01").orElseThrow().controlledPct()).isLessThan(99.6);
        assertThat(exact.allocation().of("UA-02")).isPresent();

        Measurement snapped = overlay.measure(cp, MeasureOptions.defaults().withSnapKm(1));
        assertThat(snapped.allocation().of("UA-01").orElseThrow().controlledPct()).isGreaterThan(99.99);
        // What is left is the documented corner effect, about (1 − π/4)(D/2)² per corner, of a 41 km² strip.
        assertThat(exact.km2("UA-02", Controller.RU)).isGreaterThan(40);
        assertThat(snapped.km2("UA-02", Controller.RU)).isLessThan(0.2);

        // A wide advance is not snapped away: 20 km into UA-02 stays.
        Geometry wide = box(30.005, 31.3, 48, 49);
        Measurement w = overlay.measure(ControlPolygons.of(Controller.RU, wide, "t"),
                MeasureOptions.defaults().withSnapKm(1));
        assertThat(w.km2("UA-02", Controller.RU)).isCloseTo(GeodesicArea.km2(box(31, 31.3, 48, 49)), within(1.0));
    }
}
