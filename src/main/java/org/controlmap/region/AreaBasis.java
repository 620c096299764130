package org.controlmap.region;

/**
 * What a percentage of a region is a share of: its official area as published
 * by the statistics office, or the geodesic area of the bundled boundary. News
 * reports quote shares of official areas, so that is the default for scenarios;
 * measured control polygons default to the geometry.
 */
public enum AreaBasis {
    OFFICIAL("official"),
    GEOMETRY("geometry");

    private final String label;

    AreaBasis(String label) {
        this.label = label;
    }

    /** Lower-case name used in files and on the command line. */
    public String label() {
        return label;
    }
}
