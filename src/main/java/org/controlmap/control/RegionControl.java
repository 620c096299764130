package org.controlmap.control;

import org.controlmap.region.AreaBasis;
import org.controlmap.region.Region;

/**
 * How much of one region one side holds, as a figure the tables and maps show.
 *
 * @param region        the region
 * @param controller    who holds the controlled part
 * @param controlledPct share of the region on {@code basis}, percent (0–100)
 * @param controlledKm2 controlled area, km² ({@code controlledPct} of the region's area on {@code basis})
 * @param basis         what the percent is a share of: official area or geodesic area of the geometry
 * @param figure        the figure as the source gave it ("more than 70%", "80% (Donbas)",
 *                      "measured"), so a reader sees what the number stands on
 * @param note          why the number is what it is when that is not obvious ("lower bound of
 *                      'more than 70%'", "nominal 0.5% for 'a sliver': no figure given"), or ""
 * @param statement     the scenario statement it comes from, or null when measured
 * @param mismatchKm2   measured under nearest attribution: ground reattributed to this row, km² (moved in
 *                      from outside every region, plus coast and border gaps counted as held); null when not
 *                      measured that way
 */
public record RegionControl(
        Region region,
        Controller controller,
        double controlledPct,
        double controlledKm2,
        AreaBasis basis,
        String figure,
        String note,
        ControlStatement statement,
        Double mismatchKm2) {

    /** A row with no reattributed ground (scenarios; strict clipping). */
    public RegionControl(Region region, Controller controller, double controlledPct, double controlledKm2,
            AreaBasis basis, String figure, String note, ControlStatement statement) {
        this(region, controller, controlledPct, controlledKm2, basis, figure, note, statement, null);
    }

    /** The controlled share as a fraction 0–1: what the schematic map draws of the region's polygon. */
    public double share() {
        return controlledPct / 100.0;
    }
}
