package org.controlmap.control;

/**
 * How ground of a control polygon that the regions' boundaries do not place in
 * an occupied region is booked ({@code --attribution}).
 *
 * <p>Control maps and administrative boundaries come from different sources, so
 * a polygon of Russian-held Ukraine runs past Natural Earth's coast into the
 * sea, past its state border into Russia, and stops short of it elsewhere.
 */
public enum Attribution {
    /**
     * Every km² of a Russian-held polygon within {@code MismatchZones.DEFAULT_LIMIT_KM} km of Ukraine
     * is booked to a Ukrainian region: inside a region to that region, outside every region (sea,
     * coast, a Russian oblast along the border) to the nearest ({@code MismatchZones}); thin strips the
     * polygon leaves along the coast or border count as held ({@code CoastGaps}). The Ukraine total
     * then equals the polygon's own geodesic area, as its publisher measures it; each row's
     * {@code mismatch_km2} shows what was moved. Ukrainian-held polygons (in Russia) are clipped as
     * under {@link #CLIP}.
     */
    NEAREST("nearest"),
    /**
     * Strict region-by-region intersection: ground outside every region is reported in an
     * {@code outside} row, ground inside a Russian oblast in that oblast's row.
     */
    CLIP("clip");

    private final String label;

    Attribution(String label) {
        this.label = label;
    }

    /** Lower-case name used on the command line and in outputs. */
    public String label() {
        return label;
    }
}
