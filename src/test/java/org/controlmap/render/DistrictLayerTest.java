package org.controlmap.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.controlmap.control.Controller;
import org.controlmap.control.measure.ControlFile;
import org.controlmap.control.measure.DistrictOverlay;
import org.controlmap.control.measure.MeasureOptions;
import org.controlmap.control.measure.Measurement;
import org.controlmap.region.MadeUpDistricts;
import org.controlmap.region.RegionCatalogue;
import org.controlmap.region.UserRegions;
import org.controlmap.render.MapScene.Figure;
import org.controlmap.render.MapScene.Group;
import org.controlmap.render.MapScene.Item;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.locationtech.jts.geom.Envelope;

/**
 * {@link DistrictLayer} on a measured map: made-up districts (Donetsk cut by a 3 × 3 grid) outlined over the
 * held ground and under the borders, with the table's share, and the rest of the map as without them.
 */
class DistrictLayerTest {
    @TempDir
    static Path dir;

    private static Measurement measurement;
    private static UserRegions districts;
    private static Map<Controller, double[]> held;

    @BeforeAll
    static void measure() throws IOException {
        RegionCatalogue catalogue = MapFixture.CATALOGUE;
        List<MadeUpDistricts.District> grid = MadeUpDistricts.grid(catalogue, 3).stream()
                .filter(d -> d.parent().equals("UA-14")).toList();
        Path file = MadeUpDistricts.write(grid, dir.resolve("made-up.geojson"));
        // Part of Donetsk held: some cells wholly, some in part, some not at all.
        Path control = dir.resolve("front_20241120.geojson");
        Files.writeString(control, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[36.5,47.3],"
                + "[37.9,47.3],[37.9,48.6],[36.5,48.6],[36.5,47.3]]]}}]}");
        ControlFile f = ControlFile.read(control, Controller.RU, w -> { });
        measurement = f.measure(catalogue, MeasureOptions.defaults());
        districts = UserRegions.read(file, "id", "name", catalogue, w -> { });
        held = f.districtKm2(new DistrictOverlay(districts));
    }

    private static MapScene scene(MapMode mode, DistrictLayer layer) {
        MapOptions options = new MapOptions(mode, "en", null, 1600, null, null, List.of());
        ControlMap map = ControlMap.start(MapFixture.CATALOGUE.regions(), MapFixture.COUNTRIES, options);
        return (layer == null ? map.measured(measurement, false) : map.measured(measurement, false, layer)).scene();
    }

    @Test
    void aFramedMapClipsTheDistrictsToItsFrameAndUkrainianTooltipsSayTheSame() {
        // A box over the middle of Donetsk: some cells wholly in it, some cut by its edges, some outside.
        MapOptions options = new MapOptions(MapMode.POLYGONS, "uk", null, 1000, MapFocus.box(37.3, 47.6, 38.0,
                48.2), null, List.of());
        MapScene s = ControlMap.start(MapFixture.CATALOGUE.regions(), MapFixture.COUNTRIES, options)
                .measured(measurement, false, new DistrictLayer(districts, held)).scene();
        Envelope frame = new Envelope(0, s.width(), 0, s.height());
        List<Figure> figures = SceneItems.figures(s.items(), "district");
        assertThat(figures).isNotEmpty().hasSizeLessThanOrEqualTo(districts.districts().size());
        Envelope drawn = new Envelope();
        for (Figure f : figures) {
            Envelope e = f.geometry().getEnvelopeInternal();
            assertThat(frame.contains(e)).as(f.attributes().get("data-id")).isTrue();
            drawn.expandToInclude(e);
            assertThat(f.tooltip()).contains(", Донецька область): ").containsAnyOf("під контролем Росії",
                    "під контролем України");
        }
        // Cut at the frame: the outlines reach its edges instead of running off the canvas.
        assertThat(drawn.getWidth()).isGreaterThan(0.5 * s.width());
        assertThat(DistrictLayer.note(districts, MapMode.POLYGONS, "uk")).startsWith("Тонкі лінії: "
                + districts.districts().size() + " районів з made-up.geojson (--regions)");
    }

    private static List<String> groups(MapScene s) {
        List<String> out = new ArrayList<>();
        for (Item it : s.items()) {
            if (it instanceof Group g) {
                out.add(g.cssClass());
            }
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = MapMode.class, names = {"POLYGONS", "CHOROPLETH"})
    void districtsSitOverTheHeldGroundUnderTheBordersAndLeaveTheLabelsAlone(MapMode mode) {
        MapScene plain = scene(mode, null);
        MapScene with = scene(mode, new DistrictLayer(districts, held));

        List<String> order = groups(with);
        assertThat(order.indexOf("districts")).isEqualTo(order.indexOf("borders") - 1)
                .isGreaterThan(order.indexOf("regions"));
        if (mode == MapMode.POLYGONS) {
            assertThat(order.indexOf("controlled")).isEqualTo(order.indexOf("districts") - 1);
        }
        List<String> without = new ArrayList<>(order);
        without.remove("districts");
        assertThat(without).isEqualTo(groups(plain));
        // Districts add no text and keep nothing clear: labels, towns, place names and legend are as before.
        for (String cls : List.of("labels", "towns", "legend", "borders", "regions")) {
            assertThat(SceneItems.groups(with.items(), cls)).as(cls).isEqualTo(SceneItems.groups(plain.items(), cls));
        }

        Group layer = SceneItems.groups(with.items(), "districts").get(0);
        assertThat(layer.attributes()).containsEntry("id", "districts");
        List<Figure> figures = SceneItems.figures(layer.items(), "district");
        assertThat(figures).hasSize(districts.districts().size());
        Figure donetsk = SceneItems.figures(with.items(), "region").stream()
                .filter(f -> "UA-14".equals(f.attributes().get("data-iso"))).findFirst().orElseThrow();
        Envelope inside = donetsk.geometry().getEnvelopeInternal();
        inside.expandBy(1);
        boolean someHeld = false;
        boolean someFree = false;
        for (int i = 0; i < figures.size(); i++) {
            Figure f = figures.get(i);
            UserRegions.District d = districts.districts().get(i);
            double km2 = held.getOrDefault(Controller.RU, new double[figures.size()])[i];
            double pct = 100 * km2 / d.countedKm2();
            assertThat(f.attributes()).containsEntry("data-id", d.id()).containsEntry("data-parent", "UA-14");
            assertThat(Double.parseDouble(f.attributes().get("data-pct"))).isCloseTo(pct, within(0.005));
            assertThat(f.tooltip()).startsWith(d.name() + " (" + d.id() + ", district of Donetsk): ")
                    .contains(new MapWording("en").pct(pct) + " held by Russia");
            assertThat(inside.contains(f.geometry().getEnvelopeInternal())).as(d.id()).isTrue();
            assertThat(f.style().strokeWidth()).isLessThan(0.9); // thinner than a region border
            if (mode == MapMode.CHOROPLETH) {
                assertThat(f.style().fill()).isEqualTo(pct > 0 ? Palette.choropleth(false, pct) : Palette.UKRAINE);
            } else {
                assertThat(f.style().fillOpacity()).isZero(); // outlines only: the held ground shows through
            }
            someHeld |= pct > 99;
            someFree |= pct == 0;
        }
        assertThat(someHeld).as("a district wholly held").isTrue();
        assertThat(someFree).as("a district not held at all").isTrue();
    }
}
