package org.controlmap.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/** SVG path data read back as a viewer reads it gives the geometry's vertices, rounded to 0.1 px. */
class SvgPathTest {
    private static final Pattern TOKEN = Pattern.compile("[MLlZz]|-?(?:\\d+\\.?\\d*|\\.\\d+)");

    /** Rings (or lines) of a path, absolute, in tenths of a pixel; closing "z" adds no vertex. */
    static List<List<long[]>> read(String d) {
        List<List<long[]>> rings = new ArrayList<>();
        List<long[]> cur = null;
        char mode = 0;
        double x = 0;
        double y = 0;
        Matcher m = TOKEN.matcher(d);
        List<String> tokens = new ArrayList<>();
        while (m.find()) {
            tokens.add(m.group());
        }
        for (int i = 0; i < tokens.size(); ) {
            String t = tokens.get(i);
            if (t.length() == 1 && "MLlZz".contains(t)) {
                mode = t.charAt(0);
                i++;
                if (mode == 'z' || mode == 'Z') {
                    rings.add(cur);
                    cur = null;
                }
                continue;
            }
            double a = Double.parseDouble(t);
            double b = Double.parseDouble(tokens.get(i + 1));
            i += 2;
            if (mode == 'l') {
                x += a;
                y += b;
            } else {
                x = a;
                y = b;
            }
            if (mode == 'M') {
                if (cur != null) {
                    rings.add(cur);
                }
                cur = new ArrayList<>();
                mode = 'L';
            }
            cur.add(new long[] {Math.round(x * 10), Math.round(y * 10)});
        }
        if (cur != null) {
            rings.add(cur);
        }
        return rings;
    }

    /** The expected rings: vertices rounded to tenths, repeats after rounding dropped, closing vertex dropped. */
    static List<List<long[]>> expected(Geometry g) {
        List<List<long[]>> out = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry p = g.getGeometryN(i);
            List<Coordinate[]> rings = new ArrayList<>();
            if (p instanceof org.locationtech.jts.geom.Polygon poly) {
                rings.add(poly.getExteriorRing().getCoordinates());
                for (int k = 0; k < poly.getNumInteriorRing(); k++) {
                    rings.add(poly.getInteriorRingN(k).getCoordinates());
                }
            } else {
                rings.add(p.getCoordinates());
            }
            for (Coordinate[] cs : rings) {
                int n = p instanceof org.locationtech.jts.geom.Polygon ? cs.length - 1 : cs.length;
                List<long[]> ring = new ArrayList<>();
                for (int k = 0; k < n; k++) {
                    long[] v = {Math.round(cs[k].x * 10), Math.round(cs[k].y * 10)};
                    long[] last = ring.isEmpty() ? null : ring.get(ring.size() - 1);
                    if (last == null || last[0] != v[0] || last[1] != v[1]) {
                        ring.add(v);
                    }
                }
                if (ring.size() >= 2) {
                    out.add(ring);
                }
            }
        }
        return out;
    }

    private static void assertRoundTrip(Geometry g) {
        StringBuilder d = new StringBuilder();
        SvgMap.path(d, g);
        List<List<long[]>> got = read(d.toString());
        List<List<long[]>> want = expected(g);
        assertThat(got).as(d.toString()).hasSameSizeAs(want);
        for (int i = 0; i < want.size(); i++) {
            assertThat(got.get(i)).as(d.toString()).containsExactlyElementsOf(want.get(i));
        }
    }

    @Test
    void smallSteps_negativeSteps_holes_andRepeatsAfterRounding() throws Exception {
        WKTReader r = new WKTReader();
        assertRoundTrip(r.read("POLYGON ((10 10, 10.04 10.02, 10.5 9.96, 0.3 0.05, -4.26 7, 10 10), "
                + "(5 5, 5.5 5, 5.5 5.51, 5 5))"));
        assertRoundTrip(r.read("MULTILINESTRING ((1600 1419.24, 0 0.06, 0.04 -0.04), (3 3, 3.01 3.02))"));
        StringBuilder d = new StringBuilder();
        SvgMap.path(d, r.read("POLYGON ((10 10, 10.5 9.96, 0.3 0.05, 10 10))"));
        assertThat(d.toString()).isEqualTo("M10 10l.5 0-10.2-9.9z");
    }

    @Test
    void everyPathOfTheBundledMapReadsBackExactly() {
        MapScene scene = MapFixture.shared(MapMode.SCHEMATIC, "en", 1600);
        int checked = 0;
        for (MapScene.Item it : all(scene.items())) {
            if (it instanceof MapScene.Figure f) {
                assertRoundTrip(f.geometry());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(60);
    }

    private static List<MapScene.Item> all(List<MapScene.Item> items) {
        List<MapScene.Item> out = new ArrayList<>();
        for (MapScene.Item it : items) {
            out.add(it);
            if (it instanceof MapScene.Group g) {
                out.addAll(all(g.items()));
            }
        }
        return out;
    }
}
