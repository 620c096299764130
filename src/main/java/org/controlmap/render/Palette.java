package org.controlmap.render;

/**
 * Every colour the maps and charts use (0xRRGGBB), in one place so the control
 * map ({@link MapLayout}), the change map and the series chart
 * ({@code render.chart}) cannot drift apart.
 *
 * <p>Red and blue follow the convention readers know and differ in lightness
 * too (greyscale ≈ 96 vs 158 of 255), so they stay apart in greyscale print and
 * for every common colour-vision deficiency; land, sea and neighbours differ by
 * ≥ 20 levels.
 */
public final class Palette {
    // ---- land, sea and lines (every map)
    public static final int SEA = 0xDCEBF5;
    public static final int NEIGHBOUR = 0xD9D6CF;
    public static final int UKRAINE = 0xFFFFFF;
    public static final int RUSSIAN_OBLAST = 0xE6E3DD;
    public static final int BORDER = 0x8C877E;
    public static final int NATIONAL_BORDER = 0x4D4A45;
    public static final int WHITE = 0xFFFFFF;
    /** Rivers (lines) and the edge of reservoirs: a mid blue, darker than the sea so a 1 px line shows. */
    static final int RIVER = 0x5B9BC8;
    /** Reservoirs: the sea's colour, so water reads as water. */
    static final int WATER = SEA;

    // ---- towns (control map): lighter than the region labels' text, so towns read as second rank
    static final int TOWN_DOT = 0x3C3C3C;
    static final int TOWN_NAME = 0x3C3C3C;

    // ---- who holds what (control map)
    public static final int HELD_BY_RU = 0xD7301F;
    public static final int HELD_BY_UA = 0x6BAED6;
    /** The front of held ground on measured maps: darker than the held fill, so it reads as a line. */
    public static final int FRONT = 0x3B0A0A;
    /** ColorBrewer Reds / Blues, 5 classes (Brewer, colorbrewer2.org): lightness falls with the share. */
    static final int[] REDS = {0xFEE5D9, 0xFCAE91, 0xFB6A4A, 0xDE2D26, 0xA50F15};
    static final int[] BLUES = {0xEFF3FF, 0xBDD7E7, 0x6BAED6, 0x3182BD, 0x08519C};
    /** Upper class bounds of the choropleth, percent: (0,5), [5,25), [25,50), [50,75), [75,100]. */
    static final double[] CLASS_BOUNDS = {5, 25, 50, 75};

    // ---- text (every map and chart)
    public static final int TEXT = 0x222222;
    public static final int TEXT_MUTED = 0x5A5A5A;
    public static final int TEXT_RU = 0x67000D;
    public static final int TEXT_UA = 0x08306B;
    /** Country names (bold) and sea names over the control map's context. */
    static final int COUNTRY_NAME = 0x8A867E;
    static final int SEA_NAME = 0x4A7A9C;
    /** The legend box's edge. */
    static final int LEGEND_EDGE = 0xB5B0A8;

    // ---- change map: gains and losses, saturated so thin strips show over the pale held ground
    public static final int GAINED = 0xB2182B;
    public static final int LOST = 0x2166AC;
    /** Territory held at the later date, drawn at 22 % opacity under the gains and losses. */
    public static final int CHANGE_HELD = 0xA52714;
    public static final int CHANGE_NEIGHBOUR = 0xEEEEEE;
    public static final int CHANGE_COUNTRY_EDGE = 0x999999;
    public static final int CHANGE_REGION_EDGE = 0xAAAAAA;
    public static final int CHANGE_FRAME = 0x666666;

    // ---- series chart
    /**
     * Lines, Okabe &amp; Ito (2008) colour-blind-safe order; the first, the
     * change map's dark red, is the total.
     */
    private static final int[] SERIES = {GAINED, 0x0072B2, 0xE69F00, 0x009E73, 0xCC79A7, 0x56B4E9, 0xD55E00,
        0x000000};
    public static final int GRID = 0xDDDDDD;

    private Palette() {
    }

    /** Colour of the {@code i}th line of a series chart (the palette repeats after eight). */
    public static int seriesLine(int i) {
        return SERIES[i % SERIES.length];
    }

    /** Choropleth class 1–5 of a share in percent ({@link #CLASS_BOUNDS}); 0 is class 0, no fill. */
    static int choroplethClass(double pct) {
        if (pct <= 0) {
            return 0;
        }
        int c = 1;
        for (double b : CLASS_BOUNDS) {
            if (pct >= b) {
                c++;
            }
        }
        return c;
    }

    /** Choropleth fill of a region of which one side holds {@code pct} &gt; 0 percent: that side's class colour. */
    static int choropleth(boolean ukrainian, double pct) {
        return (ukrainian ? BLUES : REDS)[choroplethClass(pct) - 1];
    }
}
