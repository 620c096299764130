package org.controlmap.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.controlmap.region.Region;
import org.controlmap.region.RegionCatalogue;
import org.junit.jupiter.api.Test;

/** The compiled advance widths against Java2D measuring the same TTFs (what PNG and PDF draw with). */
class TextWidthsTest {

    private static List<String> samples() {
        List<String> s = new ArrayList<>();
        for (Region r : RegionCatalogue.bundled().regions()) {
            s.add(r.nameEn());
            s.add(r.nameUk());
        }
        s.add("80% · 21,300 km²");
        s.add("UA 2,2% · 650 км²");
        s.add("Schematic: area to scale, line not a real front");
        s.add("Схема: площа в масштабі, лінія — не реальний фронт");
        s.add("■ – … ° № «» ’ ґ Ґ є ї Ї");
        s.add("Запорі\u0301зька"); // a combining acute accent: zero advance, not a missing glyph
        s.add("中文 标题"); // not in DejaVu Sans: the missing glyph's advance
        s.add("");
        return s;
    }

    @Test
    void sameWidthsAsJava2D() {
        TextWidths table = TextWidths.get();
        MapFonts awt = MapFonts.get();
        for (String text : samples()) {
            for (boolean bold : new boolean[] {false, true}) {
                for (double size : new double[] {11, 18.5, 34}) {
                    assertThat(table.width(text, size, bold)).as("%s bold=%s size %s", text, bold, size)
                            .isCloseTo(awt.width(text, size, bold), within(1e-6 * size * (1 + text.length())));
                }
            }
        }
    }

    @Test
    void widthScalesWithSizeAndLength() {
        TextWidths t = TextWidths.get();
        assertThat(t.width("Kharkiv", 20, false)).isCloseTo(2 * t.width("Kharkiv", 10, false), within(1e-12));
        assertThat(t.width("Kharkiv Kharkiv", 20, false))
                .isCloseTo(2 * t.width("Kharkiv", 20, false) + t.width(" ", 20, false), within(1e-12));
        assertThat(t.width("Kharkiv", 20, true)).isGreaterThan(t.width("Kharkiv", 20, false));
        assertThat(t.width("", 20, false)).isZero();
    }
}
