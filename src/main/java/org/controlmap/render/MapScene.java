package org.controlmap.render;

import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * A finished map as a list of things to draw, in drawing order, in output
 * pixels (x right, y down, origin top left) with every coordinate already
 * rounded to a tenth of a pixel. Built once per run by {@link MapLayout}; the
 * SVG, PNG and PDF back ends only translate it, so all formats show the same
 * map. Text sizes are pixels too; PDF maps pixels to points through the dpi.
 *
 * @param width       canvas width, px
 * @param height      canvas height, px
 * @param title       the map's title, also the SVG {@code <title>} and PDF title
 * @param description one-line summary for the SVG {@code <desc>} and PDF subject
 * @param items       what to draw, bottom first
 * @param georef      where projected metres land on the canvas
 */
public record MapScene(double width, double height, String title, String description, List<Item> items,
        Georeference georef) {

    /**
     * The canvas's georeference: pixel x = (X − originX) · scale, pixel y =
     * top + (originY − Y) · scale, where X, Y are {@link MapProjection} metres.
     *
     * @param originX projected X of the canvas's left edge, m
     * @param originY projected Y of the map frame's top edge, m
     * @param scale   px per projected metre
     * @param top     y of the map frame's top edge, px (below the title)
     */
    public record Georeference(double originX, double originY, double scale, double top) {
        /** Pixel of a longitude/latitude point. */
        public double[] pixel(MapProjection projection, double lon, double lat) {
            org.locationtech.jts.geom.Coordinate m = projection.project(lon, lat);
            return new double[] {(m.x - originX) * scale, top + (originY - m.y) * scale};
        }
    }

    /** Something drawn: a figure, a text, or a group of them. */
    public sealed interface Item permits Figure, Text, Group {
    }

    /**
     * Paint of a figure. Colours are 0xRRGGBB; {@code fill} or {@code stroke}
     * negative means none.
     *
     * @param fill        fill colour, or -1
     * @param fillOpacity 0–1
     * @param stroke      stroke colour, or -1
     * @param strokeWidth px
     * @param dash        dash pattern in px, or null for solid
     */
    public record Style(int fill, double fillOpacity, int stroke, double strokeWidth, double[] dash) {
        public static Style fill(int rgb) {
            return new Style(rgb, 1, -1, 0, null);
        }

        public static Style line(int rgb, double width) {
            return new Style(-1, 1, rgb, width, null);
        }

        public static Style fillAndLine(int fill, int stroke, double width) {
            return new Style(fill, 1, stroke, width, null);
        }

        public Style withDash(double... pattern) {
            return new Style(fill, fillOpacity, stroke, strokeWidth, pattern);
        }
    }

    /**
     * A polygon or line geometry in pixels.
     *
     * @param geometry   JTS geometry in px (polygons filled even-odd, lines stroked)
     * @param style      paint
     * @param cssClass   class in SVG ("region", "controlled", ...), or null
     * @param attributes extra data attributes in SVG ({@code data-iso} → "UA-14"), in this order
     * @param tooltip    SVG {@code <title>} child for tooltips and screen readers, or null
     */
    public record Figure(Geometry geometry, Style style, String cssClass, Map<String, String> attributes,
            String tooltip) implements Item {
    }

    /** Which point of a text its position is. */
    public enum Anchor {
        START("start"), MIDDLE("middle"), END("end");

        private final String svg;

        Anchor(String svg) {
            this.svg = svg;
        }

        /** The SVG {@code text-anchor} value. */
        public String svg() {
            return svg;
        }
    }

    /**
     * One line of text set in DejaVu Sans.
     *
     * @param x         px
     * @param y         baseline, px
     * @param text      the words
     * @param size      font size, px
     * @param bold      DejaVu Sans Bold instead of Book
     * @param anchor    what x refers to
     * @param color     0xRRGGBB
     * @param halo      colour of a halo behind the glyphs for legibility over the map, or -1
     * @param haloWidth halo stroke width, px
     * @param cssClass  class in SVG, or null
     */
    public record Text(double x, double y, String text, double size, boolean bold, Anchor anchor, int color,
            int halo, double haloWidth, String cssClass) implements Item {
    }

    /**
     * Items that belong together (a layer, a legend, one region's label).
     *
     * @param cssClass   class in SVG, or null
     * @param attributes extra attributes in SVG, in this order
     * @param items      members, bottom first
     */
    public record Group(String cssClass, Map<String, String> attributes, List<Item> items) implements Item {
    }
}
