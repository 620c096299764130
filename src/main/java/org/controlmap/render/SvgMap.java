package org.controlmap.render;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.controlmap.render.MapScene.Figure;
import org.controlmap.render.MapScene.Group;
import org.controlmap.render.MapScene.Item;
import org.controlmap.render.MapScene.Style;
import org.controlmap.render.MapScene.Text;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes a {@link MapScene} as SVG 1.1: a {@code viewBox} in pixels, one
 * {@code <path>} per region with {@code data-iso} and a {@code <title>}, the
 * controlled pieces in their own {@code <g class="controlled">}, text as
 * {@code <text>}, coordinates to 0.1 px. Same scene, same bytes.
 *
 * <p>Hand-written rather than JFreeSVG's {@code SVGGraphics2D}: JFreeSVG 5 can
 * set an element id, a title and group attributes through its hints, but not
 * arbitrary attributes such as {@code data-iso} on the path itself, it writes
 * every string through a Graphics2D state machine (transforms and styles
 * repeated on each element, roughly doubling the file), and it needs the AWT
 * graphics stack, which an SVG-only run otherwise never loads. The scene is
 * already in pixels and rounded, so writing it is a few lines of XML.
 */
public final class SvgMap {
    private SvgMap() {
    }

    /** Writes the scene as UTF-8 SVG. */
    public static void write(MapScene scene, OutputStream out) throws IOException {
        out.write(toSvg(scene).getBytes(StandardCharsets.UTF_8));
    }

    /** The scene as an SVG document. */
    public static String toSvg(MapScene scene) {
        StringBuilder sb = new StringBuilder(1 << 20);
        String w = num(scene.width());
        String h = num(scene.height());
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(h)
                .append("\" viewBox=\"0 0 ").append(w).append(' ').append(h)
                .append("\" font-family=\"'").append(MapFonts.FAMILY)
                .append("', Verdana, 'Helvetica Neue', Arial, sans-serif\" role=\"img\"")
                .append(" aria-labelledby=\"map-title map-desc\">\n");
        sb.append("<title id=\"map-title\">").append(esc(scene.title())).append("</title>\n");
        sb.append("<desc id=\"map-desc\">").append(esc(scene.description())).append("</desc>\n");
        MapScene.Georeference geo = scene.georef();
        sb.append("<metadata>projection: ").append(esc(MapProjection.PROJ)).append("; pixel = ((X - ")
                .append(geo.originX()).append(") * ").append(geo.scale()).append(", ").append(geo.top())
                .append(" + (").append(geo.originY()).append(" - Y) * ").append(geo.scale())
                .append(")</metadata>\n");
        for (Item it : scene.items()) {
            item(sb, it);
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    private static void item(StringBuilder sb, Item it) {
        if (it instanceof Group g) {
            sb.append("<g");
            cls(sb, g.cssClass());
            attrs(sb, g.attributes());
            sb.append(">\n");
            for (Item c : g.items()) {
                item(sb, c);
            }
            sb.append("</g>\n");
        } else if (it instanceof Figure f) {
            figure(sb, f);
        } else if (it instanceof Text t) {
            text(sb, t);
        }
    }

    private static void figure(StringBuilder sb, Figure f) {
        StringBuilder d = new StringBuilder();
        path(d, f.geometry());
        if (d.length() == 0) {
            return;
        }
        sb.append("<path");
        cls(sb, f.cssClass());
        attrs(sb, f.attributes());
        Style s = f.style();
        sb.append(" fill=\"").append(s.fill() < 0 ? "none" : hex(s.fill())).append('"');
        if (s.fill() >= 0 && s.fillOpacity() < 1) {
            sb.append(" fill-opacity=\"").append(num2(s.fillOpacity())).append('"');
        }
        if (s.fill() >= 0 && f.geometry().getDimension() == 2) {
            sb.append(" fill-rule=\"evenodd\"");
        }
        if (s.stroke() >= 0) {
            sb.append(" stroke=\"").append(hex(s.stroke())).append("\" stroke-width=\"").append(num2(s.strokeWidth()))
                    .append("\" stroke-linejoin=\"round\" stroke-linecap=\"round\"");
            if (s.dash() != null) {
                sb.append(" stroke-dasharray=\"");
                for (int i = 0; i < s.dash().length; i++) {
                    sb.append(i > 0 ? " " : "").append(num(s.dash()[i]));
                }
                sb.append('"');
            }
        }
        sb.append(" d=\"").append(d).append('"');
        if (f.tooltip() != null) {
            sb.append("><title>").append(esc(f.tooltip())).append("</title></path>\n");
        } else {
            sb.append("/>\n");
        }
    }

    private static void text(StringBuilder sb, Text t) {
        sb.append("<text");
        cls(sb, t.cssClass());
        sb.append(" x=\"").append(num(t.x())).append("\" y=\"").append(num(t.y())).append("\" font-size=\"")
                .append(num(t.size())).append('"');
        if (t.bold()) {
            sb.append(" font-weight=\"bold\"");
        }
        if (t.anchor() != MapScene.Anchor.START) {
            sb.append(" text-anchor=\"").append(t.anchor().svg()).append('"');
        }
        sb.append(" fill=\"").append(hex(t.color())).append('"');
        if (t.halo() >= 0) {
            // paint-order puts the stroke under the glyphs: a halo, not an outline
            sb.append(" stroke=\"").append(hex(t.halo())).append("\" stroke-width=\"").append(num(t.haloWidth()))
                    .append("\" stroke-linejoin=\"round\" paint-order=\"stroke\"");
        }
        sb.append('>').append(esc(t.text())).append("</text>\n");
    }

    /**
     * SVG path data: per ring or line an absolute {@code M}, then one
     * {@code l} with every further vertex relative to the one before, then
     * {@code z} for rings; 0.1 px. Relative steps are a few pixels where
     * absolute coordinates are four digits and a decimal, which makes the
     * file about a third smaller; they are differences of coordinates already
     * rounded to tenths, so summing them back gives the rounded vertices
     * exactly, with no drift along a long border.
     */
    static void path(StringBuilder d, Geometry g) {
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry p = g.getGeometryN(i);
            if (p instanceof Polygon poly) {
                ring(d, poly.getExteriorRing().getCoordinateSequence(), true);
                for (int k = 0; k < poly.getNumInteriorRing(); k++) {
                    ring(d, poly.getInteriorRingN(k).getCoordinateSequence(), true);
                }
            } else if (p instanceof LineString ls) {
                ring(d, ls.getCoordinateSequence(), false);
            } else if (p instanceof Point) {
                continue;
            } else if (p != g) {
                path(d, p);
            }
        }
    }

    private static void ring(StringBuilder d, CoordinateSequence seq, boolean close) {
        int n = seq.size();
        if (close && n > 1 && seq.getX(0) == seq.getX(n - 1) && seq.getY(0) == seq.getY(n - 1)) {
            n--;
        }
        if (n < 2) {
            return;
        }
        // Tenths of a pixel, as integers: the output resolution.
        long px = 0;
        long py = 0;
        int written = 0;
        int start = d.length();
        for (int i = 0; i < n; i++) {
            long x = Math.round(seq.getX(i) * 10);
            long y = Math.round(seq.getY(i) * 10);
            if (written == 0) {
                d.append('M').append(tenths(x)).append(' ').append(tenths(y));
            } else {
                if (x == px && y == py) {
                    continue; // repeated after rounding
                }
                if (written == 1) {
                    d.append('l');
                } else if (x - px >= 0) {
                    d.append(' ');
                }
                d.append(tenths(x - px));
                if (y - py >= 0) {
                    d.append(' ');
                }
                d.append(tenths(y - py));
            }
            written++;
            px = x;
            py = y;
        }
        if (written < 2) {
            d.setLength(start); // all one point after rounding
            return;
        }
        if (close) {
            d.append('z');
        }
    }

    private static void cls(StringBuilder sb, String c) {
        if (c != null) {
            sb.append(" class=\"").append(esc(c)).append('"');
        }
    }

    private static void attrs(StringBuilder sb, Map<String, String> attrs) {
        for (Map.Entry<String, String> e : attrs.entrySet()) {
            sb.append(' ').append(e.getKey()).append("=\"").append(esc(e.getValue())).append('"');
        }
    }

    static String hex(int rgb) {
        String s = Integer.toHexString(rgb & 0xFFFFFF);
        return "#" + "000000".substring(s.length()) + s;
    }

    /** One decimal, no trailing ".0", no "-0": the output resolution. */
    static String num(double v) {
        return tenths(Math.round(v * 10));
    }

    /** A number of tenths as a decimal: "12.3", "-4", ".5" and "-.5" (no leading zero), "0". */
    static String tenths(long t) {
        if (t == 0) {
            return "0";
        }
        StringBuilder sb = new StringBuilder();
        if (t < 0) {
            sb.append('-');
            t = -t;
        }
        if (t >= 10) {
            sb.append(t / 10);
        }
        if (t % 10 != 0) {
            sb.append('.').append(t % 10);
        }
        return sb.toString();
    }

    /** Two decimals for thin strokes and opacities. */
    static String num2(double v) {
        long t = Math.round(v * 100);
        String s = Long.toString(Math.abs(t) / 100);
        long frac = Math.abs(t) % 100;
        if (frac != 0) {
            s += frac % 10 == 0 ? "." + frac / 10 : (frac < 10 ? ".0" + frac : "." + frac);
        }
        return (t < 0 ? "-" : "") + s;
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
