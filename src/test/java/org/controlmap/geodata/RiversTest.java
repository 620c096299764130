package org.controlmap.geodata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.controlmap.geodata.build.CompileBundledWater;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;

/** The rivers and lakes shipped in the jar (geodata/water.geojson, see geodata/README.md). */
class RiversTest {
    private final Rivers water = Rivers.bundled();

    /**
     * Distance in km from (lon, lat) to the nearest point of {@code g}: the geometry
     * is mapped onto a plane in km around the point (equirectangular, exact enough
     * at a few km), then measured by JTS.
     */
    static double km(Geometry g, double lon, double lat) {
        double kx = 111.32 * Math.cos(Math.toRadians(lat));
        Geometry local = g.copy();
        local.apply((Coordinate c) -> {
            c.x = (c.x - lon) * kx;
            c.y = (c.y - lat) * 110.57;
        });
        local.geometryChanged();
        return local.distance(g.getFactory().createPoint(new Coordinate(0, 0)));
    }

    @Test
    void dniproPassesItsCitiesAndTheFormerKakhovkaReservoir() {
        River dnipro = water.river("Dnipro").orElseThrow();
        assertThat(dnipro.nameUk()).isEqualTo("Дніпро");
        assertThat(water.river("дніпро")).contains(dnipro);
        assertThat(dnipro.lines()).isInstanceOf(Lineal.class);
        assertThat(km(dnipro.lines(), 30.55, 50.45)).as("Kyiv").isLessThan(3);
        assertThat(km(dnipro.lines(), 35.14, 47.85)).as("Zaporizhzhia").isLessThan(5);
        assertThat(km(dnipro.lines(), 33.37, 46.78)).as("Kakhovka dam").isLessThan(5);
        assertThat(km(dnipro.lines(), 34.40, 47.57)).as("Nikopol, on the former reservoir").isLessThan(8);
        assertThat(km(dnipro.lines(), 32.62, 46.64)).as("Kherson").isLessThan(3);
        // And not the Dnister: Odesa is far from it.
        assertThat(km(dnipro.lines(), 30.74, 46.48)).isGreaterThan(100);
    }

    @Test
    void dnisterPassesItsTowns() {
        River dnister = water.river("Dnister").orElseThrow();
        assertThat(dnister.nameUk()).isEqualTo("Дністер");
        assertThat(km(dnister.lines(), 27.79, 48.44)).as("Mohyliv-Podilskyi").isLessThan(4);
        assertThat(km(dnister.lines(), 29.63, 46.84)).as("Tiraspol").isLessThan(8);
        assertThat(km(dnister.lines(), 30.55, 50.45)).as("Kyiv").isGreaterThan(200);
    }

    @Test
    void everythingIsNamedAndInsideTheFrame() {
        Envelope frame = new Envelope(20, 42, 43, 54);
        assertThat(water.rivers()).extracting(River::nameEn).containsExactly("Dnipro", "Dnister");
        for (River r : water.rivers()) {
            assertThat(r.nameUk()).isNotBlank();
            assertThat(frame.covers(r.lines().getEnvelopeInternal())).as(r.nameEn()).isTrue();
        }
        // The Dnipro reaches the frame's north edge (it rises in Russia, past Belarus).
        assertThat(water.river("Dnipro").orElseThrow().lines().getEnvelopeInternal().getMaxY()).isEqualTo(54);
        assertThat(water.lakes()).isNotEmpty();
        for (Lake l : water.lakes()) {
            assertThat(l.nameUk()).isNotBlank();
            assertThat(l.area()).isInstanceOf(Polygonal.class);
        }
    }

    @Test
    void kremenchukReservoirHasRoughlyItsArea() {
        Lake k = water.lakes().stream().filter(l -> l.nameEn().equals("Kremenchuk Reservoir")).findFirst()
                .orElseThrow();
        // Its water surface is about 2,250 km²; a 1:50m outline gets within a third of that.
        assertThat(GeodesicArea.km2(k.area())).isBetween(1500.0, 3000.0);
        assertThat(km(k.area().getBoundary(), 33.07, 49.08)).as("Svitlovodsk, at its dam").isLessThan(10);
    }

    @Test
    void jarCopyIsTheCommittedGeoJsonExactly() throws IOException {
        List<GeoFeature> source = CompileBundledWater.read(Path.of("geodata", "water.geojson"));
        assertThat(source).hasSize(water.rivers().size() + water.lakes().size());
        for (GeoFeature f : source) {
            Geometry bundled = f.string("kind").equals("river")
                    ? water.river(f.string("name_en")).orElseThrow().lines()
                    : water.lakes().stream().filter(l -> l.nameEn().equals(f.string("name_en"))).findFirst()
                            .orElseThrow().area();
            assertThat(bundled.equalsExact(f.geometry())).as(f.string("name_en")).isTrue();
        }
        String readme = Files.readString(Path.of("geodata", "README.md"));
        assertThat(readme).contains("`water.geojson` sha256 `"
                + PlaceCatalogueTest.sha256(Files.readAllBytes(Path.of("geodata", "water.geojson"))) + "`");
    }
}
