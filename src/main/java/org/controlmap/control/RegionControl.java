package org.controlmap.control;

import java.util.List;
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
 * @param remainderOf   for a member of a group statement ({@code statement}) whose other members have
 *                      figures of their own: those members' statements, in catalogue order; the row then
 *                      holds what the group's figure leaves after them ({@link ScenarioAllocation}). Empty
 *                      otherwise.
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
        List<ControlStatement> remainderOf,
        Double mismatchKm2) {

    public RegionControl {
        remainderOf = List.copyOf(remainderOf);
    }

    /** A row whose figure is its statement's own, or measured by strict clipping: no remainder, no mismatch. */
    public RegionControl(Region region, Controller controller, double controlledPct, double controlledKm2,
            AreaBasis basis, String figure, String note, ControlStatement statement) {
        this(region, controller, controlledPct, controlledKm2, basis, figure, note, statement, List.of(), null);
    }

    /** A scenario row that may be a group's remainder. */
    public RegionControl(Region region, Controller controller, double controlledPct, double controlledKm2,
            AreaBasis basis, String figure, String note, ControlStatement statement,
            List<ControlStatement> remainderOf) {
        this(region, controller, controlledPct, controlledKm2, basis, figure, note, statement, remainderOf, null);
    }

    /** A measured row with the ground reattributed to it (nearest attribution). */
    public RegionControl(Region region, Controller controller, double controlledPct, double controlledKm2,
            AreaBasis basis, String figure, String note, ControlStatement statement, Double mismatchKm2) {
        this(region, controller, controlledPct, controlledKm2, basis, figure, note, statement, List.of(),
                mismatchKm2);
    }

    /** The controlled share as a fraction 0–1: what the schematic map draws of the region's polygon. */
    public double share() {
        return controlledPct / 100.0;
    }

    /** True when the row holds what a group figure leaves after its other members' own figures. */
    public boolean isRemainder() {
        return !remainderOf.isEmpty();
    }

    /**
     * How the row's figure stands to the true share, for labels: the statement's qualifier; for a
     * remainder the one {@link ScenarioAllocation#remainderQualifier} derives from the group's and the
     * members' qualifiers; exact when measured.
     */
    public Qualifier qualifier() {
        if (statement == null) {
            return Qualifier.EXACT;
        }
        return isRemainder() ? ScenarioAllocation.remainderQualifier(statement, remainderOf) : statement.qualifier();
    }
}
