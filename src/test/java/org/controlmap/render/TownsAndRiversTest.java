package org.controlmap.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.controlmap.cli.CliRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.controlmap.cli.CliRun;
import org.controlmap.geodata.Place;
import org.controlmap.geodata.PlaceCatalogue;
import org.controlmap.render.MapScene.Figure;
import org.controlmap.render.MapScene.Group;
import org.controlmap.render.MapScene.Item;
import org.controlmap.render.MapScene.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Envelope;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Rivers and towns on the control map ({@link RiverLayer}, {@link TownLayer}): drawn, named, clear of every label. */
class TownsAndRiversTest {
    @TempDir
    Path dir;

    @Test
    void defaultRenderNamesTheBigTownsAndDrawsTheDnipro() throws Exception {
        Path svg = dir.resolve("m.svg");
        CliRun r = run("render", "-o", svg.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Document doc = SvgDom.read(svg);
        Element rivers = SvgDom.group(doc, "rivers");
        assertThat(rivers).as("<g id=rivers>").isNotNull();
        assertThat(SvgDom.texts(rivers, "title")).contains("Dnipro", "Dnister", "Kremenchuk Reservoir");
        Element places = SvgDom.group(doc, "places");
        assertThat(places).as("<g id=places>").isNotNull();
        assertThat(SvgDom.texts(places, "text")).contains("Kyiv", "Kharkiv", "Odesa", "Dnipro", "Zaporizhzhia", "Mariupol",
                "Donetsk", "Luhansk");
        String credit = SvgDom.texts(doc.getDocumentElement(), "text").stream().filter(t -> t.contains("GeoNames"))
                .findFirst().orElse("");
        assertThat(credit).contains(Place.ATTRIBUTION);
    }

    @Test
    void townListIsTheRegionalCapitalsThenTheTenLargestOthers() {
        List<Place> towns = TownLayer.towns(PlaceCatalogue.bundled());
        long capitals = PlaceCatalogue.bundled().all().stream().filter(Place::isRegionalCapital).count();
        assertThat(towns).hasSize((int) capitals + TownLayer.LARGEST);
        assertThat(towns.get(0).nameEn()).isEqualTo("Kyiv");
        assertThat(towns.subList(0, (int) capitals)).allMatch(Place::isRegionalCapital);
        List<Place> others = towns.subList((int) capitals, towns.size());
        assertThat(others).noneMatch(Place::isRegionalCapital).extracting(Place::nameEn).contains("Mariupol",
                "Kryvyi Rih");
        // no town left out is larger than the smallest one taken
        long smallest = others.get(others.size() - 1).population();
        assertThat(PlaceCatalogue.bundled().all().stream().filter(p -> p.regionIso().startsWith("UA-")
                && !p.isRegionalCapital() && !others.contains(p)).mapToLong(Place::population).max().orElse(0))
                .isLessThanOrEqualTo(smallest);
    }

    @ParameterizedTest
    @CsvSource({"SCHEMATIC, en, 1600", "SCHEMATIC, uk, 1600", "CHOROPLETH, en, 1600", "CHOROPLETH, uk, 1600",
        "SCHEMATIC, en, 700", "CHOROPLETH, uk, 700"})
    void noTwoLabelsOverlapAndEveryTownNameIsBesideItsDotInsideTheFrame(MapMode mode, String lang, int width) {
        assertNoOverlaps(MapFixture.shared(mode, lang, width), width, width >= 1600 ? 30 : 5);
    }

    /** Framed maps: by regions (one, a group, two apart) and by a box, in both languages. */
    @ParameterizedTest
    @CsvSource({"SCHEMATIC, en, 1600, Donetsk", "SCHEMATIC, uk, 1600, Donetsk", "CHOROPLETH, en, 1600, Donbas",
        "SCHEMATIC, uk, 900, Kherson", "SCHEMATIC, en, 1600, 'Kyiv,Chernihiv'", "CHOROPLETH, uk, 1200, Crimea",
        "SCHEMATIC, en, 1600, bbox"})
    void framedMapsToo(MapMode mode, String lang, int width, String focus) {
        MapFocus f = focus.equals("bbox") ? MapFocus.box(35.0, 46.5, 38.5, 48.5)
                : MapFocus.of(java.util.Arrays.stream(focus.split(","))
                        .flatMap(n -> MapFixture.CATALOGUE.resolve(n).stream()).toList());
        MapScene scene = MapFixture.scene(mode, lang, width, f);
        assertNoOverlaps(scene, width, 8);
        Group inset = SceneItems.groups(scene.items(), "inset").get(0);
        assertThat(inset.attributes()).containsEntry("id", "inset");
    }

    /**
     * The whole-country map of control polygons names the towns near the front first: held ground whose
     * west edge (lon 37.75, all of it inland, so all front) runs 3 km east of Kostiantynivka (about 67,000
     * people, not among the ten largest) gets that town named, which the map without a front leaves out; the
     * regional capitals stay; and no label overlaps another, in both languages.
     */
    @ParameterizedTest
    @CsvSource({"en, 1600, Kostiantynivka", "uk, 1600, Костянтинівка", "en, 900, Kostiantynivka"})
    void controlMapsNameTheTownsNearTheFrontFirst(String lang, int width, String nearFront) throws Exception {
        Path control = dir.resolve("front_20250101.geojson");
        Files.writeString(control, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[37.75,47.6],"
                + "[38.6,47.6],[38.6,48.6],[37.75,48.6],[37.75,47.6]]]}}]}");
        org.controlmap.control.measure.ControlFile f = org.controlmap.control.measure.ControlFile.read(control,
                org.controlmap.control.Controller.RU, w -> { });
        MapScene scene = ControlMap.start(MapFixture.CATALOGUE.regions(), MapFixture.COUNTRIES,
                new MapOptions(MapMode.POLYGONS, lang, null, width, null, null, List.of()))
                .measured(f.measure(MapFixture.CATALOGUE, org.controlmap.control.measure.MeasureOptions.defaults()),
                        false).scene();
        assertNoOverlaps(scene, width, width >= 1600 ? 30 : 5);
        List<String> shown = SceneItems.texts(SceneItems.groups(scene.items(), "towns").get(0)).stream()
                .map(Text::text).toList();
        List<String> withoutFront = SceneItems.texts(SceneItems.groups(MapFixture.shared(MapMode.CHOROPLETH, lang,
                width).items(), "towns").get(0)).stream().map(Text::text).toList();
        assertThat(shown).contains(nearFront);
        assertThat(withoutFront).doesNotContain(nearFront);
        // Capitals go first and are placed alike: every capital the map without a front names is named here.
        MapWording words = new MapWording(lang);
        for (Place p : PlaceCatalogue.bundled().all()) {
            String name = words.townName(p.nameEn(), p.nameUk());
            if (p.isRegionalCapital() && withoutFront.contains(name)) {
                assertThat(shown).as("capital " + name).contains(name);
            }
        }
    }

    private static void assertNoOverlaps(MapScene scene, int width, int leastTowns) {
        double u = width / 1600.0;
        List<Envelope> boxes = new ArrayList<>();
        List<String> what = new ArrayList<>();
        Group towns = SceneItems.groups(scene.items(), "towns").get(0);
        List<Text> names = SceneItems.texts(towns);
        List<Figure> dots = SceneItems.figures(towns.items(), "town-dot");
        assertThat(names).as("towns shown").hasSizeGreaterThanOrEqualTo(leastTowns)
                .hasSameSizeAs(dots);
        Envelope frame = new Envelope(0, width, 104 * u - 1, scene.height() - 64 * u + 1);
        for (int i = 0; i < names.size(); i++) {
            Envelope b = box(names.get(i));
            Envelope dot = dots.get(i).geometry().getEnvelopeInternal();
            assertThat(frame.contains(b)).as("%s inside the frame", names.get(i).text()).isTrue();
            assertThat(b.distance(dot)).as("%s beside its dot", names.get(i).text()).isLessThan(8 * u);
            boxes.add(b);
            what.add("town " + names.get(i).text());
            boxes.add(dot);
            what.add("dot of " + names.get(i).text());
        }
        for (Group label : SceneItems.groups(scene.items(), "label")) {
            Envelope b = new Envelope();
            SceneItems.texts(label).forEach(t -> b.expandToInclude(box(t)));
            boxes.add(b);
            what.add("region label " + label.attributes().get("data-iso"));
        }
        for (Group places : SceneItems.groups(scene.items(), "places")) {
            for (Text t : SceneItems.texts(places)) {
                boxes.add(box(t));
                what.add("place name " + t.text());
            }
        }
        Group legend = SceneItems.groups(scene.items(), "legend").get(0);
        boxes.add(envelope(legend));
        what.add("legend");
        for (Group inset : SceneItems.groups(scene.items(), "inset")) {
            boxes.add(envelope(inset));
            what.add("inset");
        }
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                assertThat(boxes.get(i).intersects(boxes.get(j))).as("%s overlaps %s", what.get(i), what.get(j))
                        .isFalse();
            }
        }
        // second rank: smaller and lighter than the region names
        double regionName = SceneItems.groups(scene.items(), "label").stream()
                .flatMap(g -> SceneItems.texts(g).stream()).filter(t -> "name".equals(t.cssClass()))
                .mapToDouble(Text::size).min().orElseThrow();
        assertThat(names).allMatch(t -> t.size() < regionName);
    }

    @ParameterizedTest
    @CsvSource({"SCHEMATIC, en, Dnipro", "CHOROPLETH, uk, Дніпро"})
    void riversAreDrawnUnderTheHeldGroundInEveryMode(MapMode mode, String lang, String dnipro) {
        MapScene scene = MapFixture.shared(mode, lang, 1600);
        List<String> order = new ArrayList<>();
        for (Item it : scene.items()) {
            if (it instanceof Group g) {
                order.add(g.cssClass());
            }
        }
        assertThat(order).containsSubsequence("regions", "rivers", "borders", "towns", "labels");
        if (mode != MapMode.CHOROPLETH) {
            assertThat(order).containsSubsequence("rivers", "controlled", "towns");
        }
        Group rivers = SceneItems.groups(scene.items(), "rivers").get(0);
        assertThat(rivers.attributes()).containsEntry("id", "rivers");
        assertThat(SceneItems.figures(rivers.items(), "river")).extracting(Figure::tooltip).contains(dnipro);
        Envelope frame = new Envelope(0, 1600, 104, scene.height() - 64);
        assertThat(rivers.items()).allMatch(f -> frame.contains(((Figure) f).geometry().getEnvelopeInternal()));
        assertThat(SceneItems.figures(rivers.items(), "lake")).hasSize(1)
                .allMatch(f -> f.geometry().getDimension() == 2);
    }

    @ParameterizedTest
    @CsvSource({"en, 1600", "uk, 1600", "uk, 700"})
    void footerCreditsGeoNamesWithinTheFrame(String lang, int width) {
        MapScene scene = MapFixture.shared(MapMode.SCHEMATIC, lang, width);
        Text credit = SceneItems.texts(SceneItems.groups(scene.items(), "text").get(0)).stream()
                .filter(t -> "attribution".equals(t.cssClass())).findFirst().orElseThrow();
        assertThat(credit.text()).contains(lang.equals("uk") ? "GeoNames (CC BY 4.0)" : Place.ATTRIBUTION);
        assertThat(box(credit).getMaxX()).isLessThanOrEqualTo(width);
        assertThat(box(credit).getMinX()).isGreaterThanOrEqualTo(0);
    }

    /** A text's box: its measured width, from ascender to descender. */
    private static Envelope box(Text t) {
        double w = TextWidths.get().width(t.text(), t.size(), t.bold());
        double x0 = switch (t.anchor()) {
            case START -> t.x();
            case MIDDLE -> t.x() - w / 2;
            case END -> t.x() - w;
        };
        return new Envelope(x0, x0 + w, t.y() - 0.93 * t.size(), t.y() + 0.24 * t.size());
    }

    private static Envelope envelope(Group g) {
        Envelope e = new Envelope();
        for (Item it : g.items()) {
            if (it instanceof Figure f) {
                e.expandToInclude(f.geometry().getEnvelopeInternal());
            } else if (it instanceof Text t) {
                e.expandToInclude(box(t));
            } else if (it instanceof Group sub) {
                e.expandToInclude(envelope(sub));
            }
        }
        return e;
    }
}
