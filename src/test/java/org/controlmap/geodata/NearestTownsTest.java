package org.controlmap.geodata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.sf.geographiclib.Geodesic;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** {@link NearestTowns}: which towns name an area of change. */
class NearestTownsTest {
    private static final GeometryFactory GF = new GeometryFactory();
    private static final PlaceCatalogue PLACES = PlaceCatalogue.bundled();
    private static final NearestTowns NEAR = new NearestTowns(PLACES);

    private static Geometry square(double lon, double lat, double halfDeg) {
        return GF.toGeometry(new org.locationtech.jts.geom.Envelope(lon - halfDeg, lon + halfDeg, lat - halfDeg,
                lat + halfDeg));
    }

    private static Place town(String name) {
        return PLACES.named(name).stream().filter(p -> p.regionIso().startsWith("UA-")).findFirst().orElseThrow();
    }

    private static double km(Place p, double lon, double lat) {
        return Geodesic.WGS84.Inverse(lat, lon, p.lat(), p.lon()).s12 / 1000;
    }

    @Test
    void aTownInsideTheAreaComesFirstThenItsNeighboursWithinReach() {
        Place pokrovsk = town("Pokrovsk");
        List<Place> near = NEAR.near(square(pokrovsk.lon(), pokrovsk.lat(), 0.01));
        assertThat(near.get(0)).isEqualTo(pokrovsk);
        assertThat(near).hasSizeBetween(2, NearestTowns.MOST).extracting(Place::nameEn).contains("Myrnohrad");
        for (Place p : near) {
            assertThat(p.population()).isGreaterThanOrEqualTo(NearestTowns.MIN_POPULATION);
            assertThat(km(p, pokrovsk.lon(), pokrovsk.lat())).isLessThan(NearestTowns.WITHIN_KM + 2);
        }
        // Nearest first.
        for (int i = 1; i < near.size(); i++) {
            assertThat(km(near.get(i), pokrovsk.lon(), pokrovsk.lat()))
                    .isGreaterThanOrEqualTo(km(near.get(i - 1), pokrovsk.lon(), pokrovsk.lat()) - 1.5);
        }
        assertThat(NearestTowns.names(near)).startsWith("Pokrovsk, ");
    }

    @Test
    void aTownGeoNamesHoldsTwiceIsNamedOnceByItsNationalRomanisation() {
        Place kurakhove = town("Kurakhove");
        List<Place> near = NEAR.near(square(kurakhove.lon(), kurakhove.lat(), 0.01));
        assertThat(near).extracting(Place::nameEn).contains("Kurakhove").doesNotContain("Kurakhovo");
    }

    @Test
    void farFromAnyTownTheNearestPlaceOfAnySizeIsNamed() {
        double lon = 32.5;
        double lat = 44.9; // the Black Sea off Crimea's west coast
        List<Place> near = NEAR.near(square(lon, lat, 0.01));
        assertThat(near).hasSize(1);
        double best = PLACES.all().stream().mapToDouble(p -> km(p, lon, lat)).min().orElseThrow();
        assertThat(km(near.get(0), lon, lat)).isLessThan(best + 2); // the square's half-width
    }

    @Test
    void csvIsWrittenOnlyWhereAskedFor() {
        assertThat(FeatureFileFormat.forFileName("held.csv")).isNull();
        assertThat(FeatureFileFormat.forFileName("changes.CSV", true)).isEqualTo(FeatureFileFormat.CSV);
        assertThat(FeatureFileFormat.forFileName("changes.gpkg", true)).isEqualTo(FeatureFileFormat.GPKG);
    }
}
