package org.controlmap.render;

/**
 * How to draw a map.
 *
 * @param mode    schematic pieces, choropleth or real control polygons
 * @param lang    "en" or "uk": language of labels, legend and notes
 * @param title   title to show instead of the default ("Territory held by Russia, November 2024"), or null
 * @param widthPx canvas width in pixels (1–20,000); text and line sizes scale with it, so
 *                every width shows the same map
 */
public record MapOptions(MapMode mode, String lang, String title, int widthPx) {
    public static final int DEFAULT_WIDTH = 1600;
    public static final int MAX_WIDTH = 20_000;
}
