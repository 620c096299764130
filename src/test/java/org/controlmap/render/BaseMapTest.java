package org.controlmap.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.controlmap.render.MapScene.Group;
import org.controlmap.render.MapScene.Item;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.util.AffineTransformation;

class BaseMapTest {
    private static final GeometryFactory GF = new GeometryFactory();
    private static final MapOptions OPTIONS = new MapOptions(MapMode.SCHEMATIC, "en", null, 800);

    private static List<String> groupOrder(MapScene scene) {
        List<String> out = new ArrayList<>();
        for (Item it : scene.items()) {
            if (it instanceof Group g) {
                out.add(g.cssClass());
            }
        }
        return out;
    }

    @Test
    void layersAreDrawnUnderAndOverTheControlledTerritoryAndLabelsKeepClearOfThem() {
        BaseMap plain = new BaseMap(MapFixture.CATALOGUE.regions(), MapFixture.COUNTRIES, 800);
        MapScene before = MapLayout.build(plain, MapFixture.ALLOCATION, MapFixture.PIECES, OPTIONS);
        // Keep the whole map clear: no label can be placed inside it any more.
        BaseMap layered = plain
                .withLayer(new BaseMap.Layer(BaseMap.Stacking.OVER_CONTROL, new Group("towns", Map.of(), List.of()),
                        List.of(plain.frame())))
                .withLayer(new BaseMap.Layer(BaseMap.Stacking.UNDER_CONTROL, new Group("rivers", Map.of(), List.of()),
                        List.of()));
        MapScene after = MapLayout.build(layered, MapFixture.ALLOCATION, MapFixture.PIECES, OPTIONS);

        List<String> order = groupOrder(after);
        assertThat(order).containsSubsequence("regions", "rivers", "controlled", "borders", "towns", "labels");
        assertThat(groupOrder(before)).doesNotContain("rivers", "towns");
        assertThat(SceneItems.groups(before.items(), "label")).isNotEmpty();
        assertThat(SceneItems.groups(after.items(), "label")).isEmpty();
        assertThat(plain.layers(BaseMap.Stacking.OVER_CONTROL)).isEmpty(); // withLayer leaves the original alone
    }

    @Test
    void handsOutCopiesOfItsMutableParts() {
        BaseMap base = new BaseMap(MapFixture.CATALOGUE.regions(), MapFixture.COUNTRIES, 800);
        Envelope frame = base.frame();
        frame.expandBy(100);
        assertThat(base.frame()).isNotEqualTo(frame);
        AffineTransformation toPx = base.toPx();
        base.toPx().scale(2, 2);
        assertThat(base.toPx()).isEqualTo(toPx);
    }

    @Test
    void sharedEdgesAreStrokedOnce() {
        Geometry left = GF.toGeometry(new Envelope(0, 10, 0, 10));
        Geometry right = GF.toGeometry(new Envelope(10, 20, 0, 10));
        Geometry edges = BaseMap.sharedEdgesOnce(new Geometry[] {left, right});
        // Seven sides of 10 px: the shared one once.
        assertThat(edges.getLength()).isEqualTo(70);
        assertThat(edges.union().getLength()).isEqualTo(70);
    }
}
