package org.controlmap.geodata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.controlmap.region.CountryOutline;
import org.controlmap.region.Region;
import org.controlmap.region.RegionCatalogue;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;

/** The jar's pre-parsed boundaries are exactly the GeoJSON in geodata/. */
class CompiledFeaturesTest {

    @Test
    void bundledRegionsEqualTheGeoJsonExactly() {
        List<GeoFeature> source = new GeoJsonReader(w -> { }).read(Path.of("geodata", "regions.geojson"));
        RegionCatalogue catalogue = RegionCatalogue.bundled();
        assertThat(catalogue.regions()).hasSize(source.size());
        for (GeoFeature f : source) {
            Region r = catalogue.byIso(f.string("iso_3166_2")).orElseThrow();
            assertThat(r.geometry().equalsExact(f.geometry())).as(r.iso()).isTrue();
            assertThat(r.nameUk()).isEqualTo(f.string("name_uk"));
            // Areas are computed at build time by the same code: they must be exactly today's.
            assertThat(r.areaKm2()).as(r.iso()).isEqualTo(GeodesicArea.km2(f.geometry()));
        }
    }

    @Test
    void bundledOutlinesEqualTheGeoJsonExactly() {
        List<GeoFeature> source = new GeoJsonReader(w -> { }).read(Path.of("geodata", "countries.geojson"));
        List<CountryOutline> outlines = CountryOutline.bundled();
        assertThat(outlines).hasSize(source.size());
        for (int i = 0; i < source.size(); i++) {
            assertThat(outlines.get(i).iso()).isEqualTo(source.get(i).string("iso_a2"));
            assertThat(outlines.get(i).geometry().equalsExact(source.get(i).geometry())).isTrue();
        }
    }

    @Test
    void roundTripKeepsPropertiesAndGeometry() throws Exception {
        GeoFeature f = new GeoFeature(0, Map.of("iso_3166_2", "UA-99", "n", 5),
                new WKTReader().read("MULTIPOLYGON (((30 50, 31 50, 31 51, 30 50)), ((32 50, 33 50, 33 51, 32 50),"
                        + " (32.5 50.2, 32.9 50.2, 32.9 50.6, 32.5 50.2)))"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompiledFeatures.write(List.of(f), out);
        GeoFeature back = CompiledFeatures.read(new ByteArrayInputStream(out.toByteArray()), "t").get(0);
        assertThat(back.string("iso_3166_2")).isEqualTo("UA-99");
        assertThat(back.string("n")).isEqualTo("5");
        assertThat(back.geometry().equalsExact(f.geometry())).isTrue();
        assertThatThrownBy(() -> CompiledFeatures.read(new ByteArrayInputStream(new byte[] {1, 2, 3, 4}), "junk"))
                .isInstanceOf(IOException.class).hasMessageContaining("junk");
    }
}
