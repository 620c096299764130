package org.controlmap.render;

/** What the map draws of the controlled territory. */
public enum MapMode {
    /** Percentages drawn as one piece per region with exactly that share of its area; not a real front line. */
    SCHEMATIC("schematic"),
    /** Each region shaded by the class of its controlled share. */
    CHOROPLETH("choropleth"),
    /** Real control polygons (a {@code --control} file) clipped to the regions. */
    POLYGONS("polygons");

    private final String label;

    MapMode(String label) {
        this.label = label;
    }

    /** Lower-case name as on the command line. */
    public String label() {
        return label;
    }
}
