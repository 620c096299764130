package org.controlmap.render.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.controlmap.control.Controller;
import org.controlmap.control.NumberText;
import org.controlmap.control.measure.ControlChange;
import org.controlmap.control.measure.ControlOverlay;
import org.controlmap.control.measure.ControlPolygons;
import org.controlmap.control.measure.MeasureOptions;
import org.controlmap.region.CountryOutline;
import org.controlmap.region.RegionCatalogue;
import org.controlmap.render.MapFormat;
import org.controlmap.render.MapScene;
import org.controlmap.render.MapScene.Group;
import org.controlmap.render.MapScene.Text;
import org.controlmap.render.SceneItems;
import org.controlmap.render.TextWidths;
import static org.controlmap.render.SceneItems.figures;
import static org.controlmap.render.SceneItems.groups;
import static org.controlmap.render.SceneItems.texts;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** The change map of {@code diff} on the bundled regions: a synthetic advance west of Donetsk city. */
class ChangeMapTest {
    private static final GeometryFactory GF = new GeometryFactory();
    private static final RegionCatalogue CATALOGUE = RegionCatalogue.bundled();
    // Held before: a block east of lon 37.6; after: pushed 0.3° west (into Donetsk oblast only).
    private static final Geometry BEFORE = GF.toGeometry(new Envelope(37.6, 38.2, 47.9, 48.4));
    private static final Geometry AFTER = GF.toGeometry(new Envelope(37.3, 38.2, 47.9, 48.4));
    private static final ControlChange CHANGE = ControlChange.between(ControlOverlay.of(CATALOGUE),
            ControlPolygons.of(Controller.RU, BEFORE, "before"), ControlPolygons.of(Controller.RU, AFTER, "after"),
            Controller.RU, MeasureOptions.defaults());
    private static final MapScene SCENE = ChangeMap.scene(CHANGE, CATALOGUE.regions(), CountryOutline.bundled(),
            "2024-01-01", "2024-02-01", "test");

    @Test
    void changedRegionIsLabelledWithItsNetChange() {
        double net = CHANGE.rows().stream().filter(r -> r.iso().equals("UA-14")).findFirst().orElseThrow().netKm2();
        assertThat(net).isGreaterThan(1000);
        Group donetsk = groups(SCENE.items(), "label").stream()
                .filter(g -> "UA-14".equals(g.attributes().get("data-iso"))).findFirst().orElseThrow();
        assertThat(texts(donetsk)).extracting(Text::text)
                .containsExactly("Donetsk", "+" + NumberText.grouped(Math.round(net)) + " km²");
        // Unchanged regions in view carry their name only.
        for (Group g : groups(SCENE.items(), "label")) {
            if (!"UA-14".equals(g.attributes().get("data-iso"))) {
                assertThat(texts(g)).hasSize(1);
            }
        }
        assertThat(groups(SCENE.items(), "label").size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void labelsNeitherOverlapNorCoverTheChangedGround() {
        TextWidths w = TextWidths.get();
        List<Envelope> boxes = new ArrayList<>();
        for (Group g : groups(SCENE.items(), "label")) {
            Envelope box = new Envelope();
            for (Text t : texts(g)) {
                double half = w.width(t.text(), t.size(), t.bold()) / 2;
                box.expandToInclude(new Envelope(t.x() - half, t.x() + half, t.y() - t.size() * 0.8, t.y()));
            }
            boxes.add(box);
        }
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                assertThat(boxes.get(i).intersects(boxes.get(j))).isFalse();
            }
        }
        MapScene.Figure gained = figures(SCENE.items(), "gained").get(0);
        for (Envelope b : boxes) {
            assertThat(gained.geometry().intersects(GF.toGeometry(b))).isFalse();
        }
    }

    @Test
    void scaleBarIsTrueAtItsStatedLatitude() {
        double[] trueAndStated = SceneItems.scaleBar(SCENE, groups(SCENE.items(), "scale").get(0), 37);
        assertThat(trueAndStated[1]).isCloseTo(trueAndStated[0], within(0.3));
        assertThat(trueAndStated[1]).isBetween(60.0, 160.0);
    }

    @Test
    void sameInputSameBytes() throws Exception {
        for (MapFormat f : MapFormat.values()) {
            ByteArrayOutputStream one = new ByteArrayOutputStream();
            ByteArrayOutputStream two = new ByteArrayOutputStream();
            ChangeMap.write(SCENE, f, one);
            ChangeMap.write(ChangeMap.scene(CHANGE, CATALOGUE.regions(), CountryOutline.bundled(), "2024-01-01",
                    "2024-02-01", "test"), f, two);
            assertThat(one.toByteArray()).as(f.name()).isEqualTo(two.toByteArray());
        }
    }
}
