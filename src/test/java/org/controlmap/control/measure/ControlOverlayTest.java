package org.controlmap.control.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.controlmap.control.measure.Fixtures.box;

import org.controlmap.control.Allocation;
import org.controlmap.control.Attribution;
import org.controlmap.control.Controller;
import org.controlmap.control.RegionControl;
import org.controlmap.geodata.GeodesicArea;
import org.controlmap.region.AreaBasis;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

class ControlOverlayTest {
    private final ControlOverlay overlay = Fixtures.overlay();
    private static final MeasureOptions CLIP = MeasureOptions.defaults().withAttribution(Attribution.CLIP);
    private static final MeasureOptions NEAREST = MeasureOptions.defaults();

    // Held: all of UA-01, the western half of UA-02, and a strip west of UA-01 that is in no region.
    private final Geometry held = box(29.5, 31.5, 48, 49);

    @Test
    void fullyHalfAndUntouchedRegions() {
        Measurement m = overlay.measure(ControlPolygons.of(Controller.RU, held, "t"), CLIP);
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
        Measurement m = overlay.measure(ControlPolygons.of(Controller.RU, held, "t"), CLIP);
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
        Measurement m = overlay.measure(ControlPolygons.of(Controller.RU, spill, "t"), CLIP);
        RegionControl ru = m.allocation().of("RU-01").orElseThrow();
        assertThat(ru.controlledKm2()).isCloseTo(GeodesicArea.km2(box(32, 32.25, 48.2, 48.8)), within(1e-6));
        assertThat(ru.note()).contains("Natural Earth border");
        assertThat(m.allocation().of("UA-02").orElseThrow().note()).isEmpty();
        assertThat(m.ukraineKm2(Controller.RU)).isCloseTo(GeodesicArea.km2(box(31.5, 32, 48.2, 48.8)),
                within(1e-6));

        // Ukrainian-held territory in Russia is not a boundary mismatch: no such note.
        Measurement ua = overlay.measure(ControlPolygons.of(Controller.UA, spill, "t"), CLIP);
        assertThat(ua.allocation().of("RU-01").orElseThrow().note()).isEmpty();
        assertThat(ua.allocation().of("RU-01").orElseThrow().controller()).isEqualTo(Controller.UA);
    }

    @Test
    void officialBasisRescalesAndSaysSo() {
        Measurement m = overlay.measure(ControlPolygons.of(Controller.RU, held, "t"),
                CLIP.withBasis(AreaBasis.OFFICIAL));
        RegionControl half = m.allocation().of("UA-02").orElseThrow();
        double share = GeodesicArea.km2(box(31, 31.5, 48, 49)) / GeodesicArea.km2(box(31, 32, 48, 49));
        assertThat(half.controlledKm2()).isCloseTo(share * 8300, within(1e-6));
        assertThat(half.controlledPct()).isCloseTo(100 * share, within(1e-9));
        assertThat(half.note()).contains("official basis");
    }

    @Test
    void leanPathAgreesWithFullMeasurement() {
        Geometry h = box(30.3, 32.6, 48.1, 48.7);
        for (MeasureOptions o : new MeasureOptions[] {CLIP, NEAREST}) {
            Measurement m = overlay.measure(ControlPolygons.of(Controller.RU, h, "t"), o);
            Booking b = overlay.book(h, Controller.RU, o, true, "t");
            for (int i = 0; i < overlay.regions().size(); i++) {
                assertThat(b.heldKm2(i)).as("%s row %d", o.attribution(), i)
                        .isCloseTo(m.km2(overlay.regions().get(i).iso(), Controller.RU), within(1e-9));
            }
            assertThat(b.outside()).isCloseTo(m.outsideKm2(Controller.RU), within(1e-9));
        }
    }

    @Test
    void nearestBooksGroundBeyondTheBoundaryToTheRegionItBorders() {
        // A 15 km strip west of UA-01 (sea, say) and the whole of UA-01.
        Geometry h = box(29.8, 31, 48, 49);
        Measurement m = overlay.measure(ControlPolygons.of(Controller.RU, h, "t"), NEAREST);
        RegionControl ua01 = m.allocation().of("UA-01").orElseThrow();
        double strip = GeodesicArea.km2(box(29.8, 30, 48, 49));
        assertThat(ua01.controlledKm2()).isCloseTo(GeodesicArea.km2(h), within(1e-6));
        assertThat(ua01.mismatchKm2()).isCloseTo(strip, within(1e-6));
        assertThat(ua01.controlledPct()).isCloseTo(100, within(1e-9));
        assertThat(ua01.note()).contains("booked here");
        assertThat(m.allocation().outside()).isEmpty();
        assertThat(m.allocation().attribution()).isEqualTo(Attribution.NEAREST);

        // Under clip the same strip is outside every region.
        Measurement c = overlay.measure(ControlPolygons.of(Controller.RU, h, "t"), CLIP);
        assertThat(c.outsideKm2(Controller.RU)).isCloseTo(strip, within(1e-6));
        assertThat(c.allocation().of("UA-01").orElseThrow().mismatchKm2()).isNull();
    }

    @Test
    void groundBeyondTheLimitStaysOutsideAndNothingIsLost() {
        // 0.5° of longitude west of UA-01 is about 37 km: the part beyond 25 km stays outside.
        Measurement m = overlay.measure(ControlPolygons.of(Controller.RU, held, "t"), NEAREST);
        double out = m.outsideKm2(Controller.RU);
        double perKm = GeodesicArea.km2(box(29.5, 30, 48, 49)) / 37.2;
        assertThat(out).isCloseTo(12 * perKm, within(1.0 * perKm));
        // Zone edges cut the box's 0.5° edges into shorter geodesics, which bow less: about 1e-6 relative.
        assertThat(m.ukraineKm2(Controller.RU) + out).isCloseTo(GeodesicArea.km2(held), within(1e-5 * 16435));

        Measurement wide = overlay.measure(ControlPolygons.of(Controller.RU, held, "t"), NEAREST.withLimitKm(40));
        assertThat(wide.outsideKm2(Controller.RU)).isZero();
    }

    @Test
    void nearestBooksASpillIntoRussiaToTheUkrainianRegionAndLeavesNoRussianRow() {
        Geometry spill = box(31.5, 32.25, 48.2, 48.8);
        Measurement m = overlay.measure(ControlPolygons.of(Controller.RU, spill, "t"), NEAREST);
        assertThat(m.allocation().of("RU-01")).isEmpty();
        RegionControl ua02 = m.allocation().of("UA-02").orElseThrow();
        assertThat(ua02.controlledKm2()).isCloseTo(GeodesicArea.km2(spill), within(1e-6));
        assertThat(ua02.mismatchKm2()).isCloseTo(GeodesicArea.km2(box(32, 32.25, 48.2, 48.8)), within(1e-6));

        // Ukrainian-held ground in Russia keeps its Russian row under either setting.
        for (MeasureOptions o : new MeasureOptions[] {CLIP, NEAREST}) {
            Measurement ua = overlay.measure(ControlPolygons.of(Controller.UA, spill, "t"), o);
            assertThat(ua.allocation().of("RU-01").orElseThrow().controller()).isEqualTo(Controller.UA);
            assertThat(ua.allocation().of("RU-01").orElseThrow().controlledKm2())
                    .isCloseTo(GeodesicArea.km2(box(32, 32.25, 48.2, 48.8)), within(1e-6));
        }
    }

    @Test
    void aStripAlongTwoRegionsIsSplitWhereTheNearestRegionChanges() {
        // 11 km north of both UA-01 and UA-02: split at 31°E, give or take the 2 km spacing of the partition.
        Geometry strip = box(30.5, 31.5, 49, 49.1);
        Measurement m = overlay.measure(ControlPolygons.of(Controller.RU, strip, "t"), NEAREST);
        double perKm = 11.1;
        double half = GeodesicArea.km2(box(30.5, 31, 49, 49.1));
        assertThat(m.km2("UA-01", Controller.RU)).isCloseTo(half, within(1.5 * perKm));
        assertThat(m.km2("UA-02", Controller.RU)).isCloseTo(GeodesicArea.km2(strip) - half, within(1.5 * perKm));
        // The zones' edges cut the strip's 0.5° edges into shorter geodesics: about 1e-6 relative.
        assertThat(m.km2("UA-01", Controller.RU) + m.km2("UA-02", Controller.RU))
                .isCloseTo(GeodesicArea.km2(strip), within(1e-5 * GeodesicArea.km2(strip)));
    }

    @Test
    void aRegionHeldUpToAThinCoastStripReadsWhole() {
        // Stops about 0.4 km short of UA-01's western edge, on the outline: no front inside the region.
        Geometry h = box(30.005, 31, 48, 49);
        Measurement exact = overlay.measure(ControlPolygons.of(Controller.RU, h, "t"), CLIP);
        assertThat(exact.allocation().of("UA-01").orElseThrow().controlledPct()).isLessThan(99.6);

        Measurement m = overlay.measure(ControlPolygons.of(Controller.RU, h, "t"), NEAREST);
        RegionControl ua01 = m.allocation().of("UA-01").orElseThrow();
        assertThat(ua01.controlledPct()).isCloseTo(100, within(1e-9));
        double gap = GeodesicArea.km2(box(30, 30.005, 48, 49));
        assertThat(ua01.mismatchKm2()).isCloseTo(gap, within(1e-3));
        // The gap counts as held, not as extra km²: the total is still the polygon's own area.
        assertThat(ua01.controlledKm2()).isCloseTo(GeodesicArea.km2(h), within(1e-6));
    }

    @Test
    void thinStripsAlongTheOutlineCountAsHeldButAFrontDoesNot() {
        // The western half of UA-01, stopping 0.4 km short of the outline: the strip is a gap, the eastern half
        // (behind a front) stays unheld.
        Geometry h = box(30.005, 30.5, 48, 49);
        Measurement m = overlay.measure(ControlPolygons.of(Controller.RU, h, "t"), NEAREST);
        RegionControl ua01 = m.allocation().of("UA-01").orElseThrow();
        double gap = GeodesicArea.km2(box(30, 30.005, 48, 49));
        assertThat(ua01.mismatchKm2()).isCloseTo(gap, within(1e-3));
        double area = GeodesicArea.km2(box(30, 31, 48, 49));
        double inside = GeodesicArea.km2(h);
        assertThat(ua01.controlledPct()).isCloseTo(100 * inside / (area - gap), within(1e-6));
        assertThat(ua01.controlledPct()).isLessThan(51);
    }

    @Test
    void theFrontIsTheBoundaryFacingFreeGroundNotTheOutline() {
        // West, north and south edges on the outline: only the eastern edge, at 30.5°E, faces free ground.
        Geometry h = box(30, 30.5, 48, 49);
        Measurement m = overlay.measure(ControlPolygons.of(Controller.RU, h, "t"), NEAREST);
        double meridian = net.sf.geographiclib.Geodesic.WGS84.Inverse(48, 30.5, 49, 30.5).s12 / 1000;
        assertThat(m.allocation().frontKm()).isCloseTo(meridian, within(0.001));
        assertThat(FrontLine.km(m.front())).isCloseTo(meridian, within(0.001));

        // A spill into Russia: the edges in Russia are border, not front; the rest faces free UA-02.
        Geometry spill = box(31.5, 32.25, 48.2, 48.8);
        Measurement s = overlay.measure(ControlPolygons.of(Controller.RU, spill, "t"), CLIP);
        var g = net.sf.geographiclib.Geodesic.WGS84;
        double expected = (g.Inverse(48.2, 31.5, 48.8, 31.5).s12 + g.Inverse(48.2, 31.5, 48.2, 32).s12
                + g.Inverse(48.8, 31.5, 48.8, 32).s12) / 1000;
        assertThat(s.allocation().frontKm()).isCloseTo(expected, within(0.001));

        // Ukrainian-held ground has no front of Russian-held ground.
        Measurement ua = overlay.measure(ControlPolygons.of(Controller.UA, spill, "t"), CLIP);
        assertThat(ua.allocation().frontKm()).isNull();
    }
}
