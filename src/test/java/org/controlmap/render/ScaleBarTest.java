package org.controlmap.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.controlmap.render.MapScene.Figure;
import org.controlmap.render.MapScene.Item;
import org.controlmap.render.MapScene.Text;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class ScaleBarTest {
    private final MapProjection projection = new MapProjection();

    @Test
    void fitsTheLongestRoundLengthThatFits() {
        double pxPerMetre = 0.001; // 1 px per km, before the projection's scale factor
        ScaleBar bar = ScaleBar.fit(projection, 48.3, pxPerMetre, 190, 50);
        assertThat(bar.lat()).isEqualTo(48.5);
        assertThat(bar.km()).isEqualTo(150); // 200 km would be about 199.7 px
        assertThat(bar.px()).isCloseTo(150 * projection.scaleFactor(48.5), within(1e-9)).isLessThanOrEqualTo(190);
    }

    @Test
    void drawsTwoSegmentsWithTicksLabelledUnderTheirEndsAndTheNoteAfter() {
        ScaleBar bar = new ScaleBar(100, 150, 48.5);
        ScaleBar.Drawing d = bar.draw(20.04, 300, 320, new ScaleBar.Look(6, 0.8, 13.5, 12, 10), "50", "100 km",
                "(scale at 48.5°N)");
        List<Item> bars = d.bars();
        assertThat(bars).hasSize(2);
        Envelope dark = ((Figure) bars.get(0)).geometry().getEnvelopeInternal();
        Envelope light = ((Figure) bars.get(1)).geometry().getEnvelopeInternal();
        assertThat(dark).isEqualTo(new Envelope(20, 95, 300, 306)); // rounded to 0.1 px
        assertThat(light).isEqualTo(new Envelope(95, 170, 300, 306));
        assertThat(((Figure) bars.get(0)).style().fill()).isEqualTo(Palette.TEXT);
        assertThat(((Figure) bars.get(1)).style().fill()).isEqualTo(Palette.WHITE);

        List<Text> labels = d.labels().stream().map(Text.class::cast).toList();
        assertThat(labels).extracting(Text::text).containsExactly("0", "50", "100 km", "(scale at 48.5°N)");
        assertThat(labels).extracting(Text::x).startsWith(20.0, 95.0, 170.0);
        double fullHalfWidth = TextWidths.get().width("100 km", 13.5, false) / 2;
        assertThat(labels.get(3).x()).isCloseTo(20.04 + 150 + fullHalfWidth + 10, within(0.05));
        assertThat(labels.get(3).anchor()).isEqualTo(MapScene.Anchor.START);
        assertThat(labels).allSatisfy(t -> assertThat(t.y()).isEqualTo(320));
    }
}
