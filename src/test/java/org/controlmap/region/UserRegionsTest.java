package org.controlmap.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.controlmap.geodata.GeoFeature;
import org.controlmap.geodata.GeodesicArea;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/** Districts made here (each Ukrainian unit cut by a 2 × 2 grid) against the bundled units they refine. */
class UserRegionsTest {
    private static final RegionCatalogue CATALOGUE = RegionCatalogue.bundled();
    private static List<MadeUpDistricts.District> grid;

    @BeforeAll
    static void cut() {
        grid = MadeUpDistricts.grid(CATALOGUE, 2);
    }

    private static List<GeoFeature> features(List<MadeUpDistricts.District> ds) {
        List<GeoFeature> fs = new ArrayList<>();
        for (MadeUpDistricts.District d : ds) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("code", d.id());
            p.put("title", d.name());
            fs.add(new GeoFeature(fs.size(), p, d.geometry()));
        }
        return fs;
    }

    @Test
    void aGridOfEveryUnitAddsUpToItsUnitWithNoOverlapOrGap() {
        UserRegions u = UserRegions.of(features(grid), "grid.geojson", "code", "title", CATALOGUE);
        assertThat(u.districts()).hasSize(grid.size());
        for (int i = 0; i < grid.size(); i++) {
            UserRegions.District d = u.districts().get(i);
            assertThat(d.id()).isEqualTo(grid.get(i).id());
            assertThat(d.name()).isEqualTo(grid.get(i).name());
            assertThat(d.parent().iso()).isEqualTo(grid.get(i).parent());
            assertThat(d.areaKm2()).isCloseTo(GeodesicArea.km2(grid.get(i).geometry()), within(1e-9));
        }
        assertThat(u.coverage()).hasSize(27);
        // Cutting a long boundary edge at a grid line measures it as two geodesics instead of one: up to
        // 0.1 km² per unit (Volyn's long Belarus border), far below the 0.5 km² a table would show.
        for (UserRegions.Coverage c : u.coverage()) {
            double sum = u.of(c.region()).stream().mapToDouble(UserRegions.District::countedKm2).sum();
            assertThat(sum).as(c.region().toString()).isCloseTo(c.region().areaKm2(),
                    within(1e-5 * c.region().areaKm2()));
            assertThat(c.overlapKm2()).as(c.region().toString()).isLessThan(0.01);
            assertThat(c.gapKm2()).as(c.region().toString()).isLessThan(0.5);
        }
    }

    @Test
    void overlapIsCountedOnceInTheFirstDistrictAndReported() {
        List<MadeUpDistricts.District> ds = new ArrayList<>(grid);
        MadeUpDistricts.District first = grid.stream().filter(d -> d.parent().equals("UA-14")).findFirst()
                .orElseThrow();
        // A second drawing of the same district, later in the file: all of it overlaps.
        ds.add(new MadeUpDistricts.District("again", "Drawn twice", "UA-14", first.geometry()));
        UserRegions u = UserRegions.of(features(ds), "twice.geojson", "code", "title", CATALOGUE);
        UserRegions.District again = u.districts().get(ds.size() - 1);
        UserRegions.District original = u.districts().get(ds.indexOf(first));
        assertThat(again.countedKm2()).isLessThan(0.01);
        assertThat(again.sharedKm2()).isCloseTo(original.countedKm2(), within(0.01));
        assertThat(original.countedKm2()).isCloseTo(original.areaKm2(), within(0.01));
        UserRegions.Coverage donetsk = coverage(u, "UA-14");
        assertThat(donetsk.overlapKm2()).isCloseTo(original.areaKm2(), within(0.01));
        assertThat(donetsk.gapKm2()).isLessThan(0.5);
        double sum = u.of(donetsk.region()).stream().mapToDouble(UserRegions.District::countedKm2).sum();
        assertThat(sum).isCloseTo(donetsk.region().areaKm2(), within(1e-5 * donetsk.region().areaKm2()));
    }

    @Test
    void aMissingDistrictIsAGapOfItsArea() {
        List<MadeUpDistricts.District> ds = new ArrayList<>(grid);
        MadeUpDistricts.District gone = grid.stream().filter(d -> d.parent().equals("UA-23")).findFirst()
                .orElseThrow();
        ds.remove(gone);
        UserRegions u = UserRegions.of(features(ds), "gap.geojson", "code", "title", CATALOGUE);
        assertThat(coverage(u, "UA-23").gapKm2()).isCloseTo(GeodesicArea.km2(gone.geometry()), within(0.5));
        assertThat(coverage(u, "UA-23").overlapKm2()).isLessThan(0.01);
    }

    @Test
    void aDistrictAcrossTwoUnitsGoesToTheOneHoldingMostOfItAndCountsOnlyThatPart() {
        Region donetsk = CATALOGUE.byIso("UA-14").orElseThrow();
        Region luhansk = CATALOGUE.byIso("UA-09").orElseThrow();
        // Mostly Donetsk with a strip of Luhansk: the Donetsk–Luhansk border is near 48.6–49° N at 38.5° E.
        Geometry box = new org.locationtech.jts.geom.GeometryFactory().toGeometry(
                new org.locationtech.jts.geom.Envelope(37.8, 38.6, 48.0, 48.8));
        double inDonetsk = GeodesicArea.km2(box.intersection(donetsk.geometry()));
        double inLuhansk = GeodesicArea.km2(box.intersection(luhansk.geometry()));
        assertThat(inDonetsk).isGreaterThan(inLuhansk);
        assertThat(inLuhansk).isGreaterThan(1);
        Map<String, Object> p = Map.of("id", "across");
        UserRegions u = UserRegions.of(List.of(new GeoFeature(0, p, box)), "x.geojson", "id", "name", CATALOGUE);
        UserRegions.District d = u.districts().get(0);
        assertThat(d.parent()).isEqualTo(donetsk);
        assertThat(d.name()).isEqualTo("across");
        assertThat(d.countedKm2()).isCloseTo(inDonetsk, within(1e-6 * inDonetsk));
        assertThat(d.beyondKm2()).isCloseTo(GeodesicArea.km2(box) - inDonetsk, within(1e-3));
    }

    private static UserRegions.Coverage coverage(UserRegions u, String iso) {
        return u.coverage().stream().filter(c -> c.region().iso().equals(iso)).findFirst().orElseThrow();
    }
}
