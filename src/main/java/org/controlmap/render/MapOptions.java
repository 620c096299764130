package org.controlmap.render;

import java.util.List;

/**
 * How to draw a map.
 *
 * @param mode    schematic pieces, choropleth or real control polygons
 * @param lang    "en" or "uk": language of labels, legend and notes
 * @param title   title to show instead of the default ("Territory held by Russia, November 2024"), or null
 * @param widthPx canvas width in pixels (1–20,000); text and line sizes scale with it, so
 *                every width shows the same map
 * @param focus   the part of the country to frame ({@link MapFocus}), or null for the whole map
 * @param credit  a credit line for the footer ("Graphic: Jane Doe / Daily"), or null
 * @param notes   notes for the footer, each its own paragraph, in order (empty for none)
 */
public record MapOptions(MapMode mode, String lang, String title, int widthPx, MapFocus focus, String credit,
        List<String> notes) {
    public static final int DEFAULT_WIDTH = 1600;
    public static final int MAX_WIDTH = 20_000;

    public MapOptions {
        notes = List.copyOf(notes);
    }

    /** The whole map, no credit line or notes. */
    public MapOptions(MapMode mode, String lang, String title, int widthPx) {
        this(mode, lang, title, widthPx, null, null, List.of());
    }
}
