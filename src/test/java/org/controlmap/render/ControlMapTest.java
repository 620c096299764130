package org.controlmap.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.controlmap.control.schematic.SchematicPiece;
import org.controlmap.geodata.GeoJsonWriter;
import org.junit.jupiter.api.Test;

/** The render core: base map laid out on a second thread, overlay, export features. */
class ControlMapTest {
    private static final MapOptions SCHEMATIC = new MapOptions(MapMode.SCHEMATIC, "en", null, 900);

    @Test
    void sameMapAsLayingOutEverythingInOneThread() {
        ControlMap.Drawing d = ControlMap.start(MapFixture.CATALOGUE.regions(), MapFixture.COUNTRIES, SCHEMATIC)
                .scenario(MapFixture.ALLOCATION, false);
        MapScene sequential = MapLayout.build(MapFixture.CATALOGUE.regions(), MapFixture.COUNTRIES,
                MapFixture.ALLOCATION, MapFixture.PIECES, SCHEMATIC);
        assertThat(SvgMap.toSvg(d.scene())).isEqualTo(SvgMap.toSvg(sequential));
        assertThat(d.features()).isEmpty();
    }

    @Test
    void exportsTheSchematicPiecesWithTheirProperties() {
        ControlMap.Drawing d = ControlMap.start(MapFixture.CATALOGUE.regions(), MapFixture.COUNTRIES,
                new MapOptions(MapMode.CHOROPLETH, "en", null, 900)).scenario(MapFixture.ALLOCATION, true);
        // MapFixture's layout: another layout than the drawing's own, made once for all render tests.
        List<SchematicPiece> pieces = MapFixture.SCHEMATIC_PIECES;
        assertThat(d.features()).hasSize(pieces.size());
        GeoJsonWriter.Feature f = d.features().get(0);
        assertThat(f.properties().keySet()).containsExactly("iso_3166_2", "name", "controller", "target_km2",
                "area_km2", "share_pct", "schematic", "grown_from");
        assertThat(f.properties().get("iso_3166_2")).isEqualTo(pieces.get(0).region().iso());
        assertThat(((BigDecimal) f.properties().get("area_km2")).doubleValue())
                .isCloseTo(pieces.get(0).areaKm2(), org.assertj.core.api.Assertions.within(0.001));
        // Choropleth: the pieces are exported, not drawn.
        assertThat(SvgMap.toSvg(d.scene())).doesNotContain("class=\"controlled\" data-iso");
    }

    @Test
    void baseMapOfAnotherWidthIsRefused() {
        BaseMap base = new BaseMap(MapFixture.CATALOGUE.regions(), MapFixture.COUNTRIES, 800);
        assertThatThrownBy(() -> MapLayout.build(base, MapFixture.ALLOCATION, MapFixture.PIECES, SCHEMATIC))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
