package org.controlmap.control;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.controlmap.region.AreaBasis;

/**
 * Who holds how much of each region, ready for tables and maps: from a
 * scenario's statements (figures restated) or from control polygons (figures
 * measured).
 *
 * @param rows     one per region with control above zero, in catalogue order
 * @param outside  parts of control polygons that fall outside every region, per
 *                 controller (empty for scenarios): never silently dropped
 * @param basis    what percentages are shares of
 * @param date     the date the figures describe, or null when unknown
 * @param source   short credit for the figures ("Reuters, 2024-11-20"; "DeepStateMap via cyterat/deepstate-map-data")
 * @param measured true when measured from polygons, false when restated from a report
 * @param attribution how measured ground was booked to regions; null for scenarios
 * @param frontKm  measured: length of the front (see {@code FrontLine}), km; null for scenarios
 */
public record Allocation(
        List<RegionControl> rows,
        List<OutsideArea> outside,
        AreaBasis basis,
        LocalDate date,
        String source,
        boolean measured,
        Attribution attribution,
        Double frontKm) {

    /** A scenario's figures, or measured figures booked by strict clipping when {@code measured}. */
    public Allocation(List<RegionControl> rows, List<OutsideArea> outside, AreaBasis basis, LocalDate date,
            String source, boolean measured) {
        this(rows, outside, basis, date, source, measured, measured ? Attribution.CLIP : null, null);
    }

    /** Sum of the rows' reattributed ground, km² (0 when none). */
    public double mismatchKm2() {
        return rows.stream().filter(r -> r.mismatchKm2() != null).mapToDouble(RegionControl::mismatchKm2).sum();
    }

    /** Controlled territory that lies in no bundled region, km², geodesic. */
    public record OutsideArea(Controller controller, double km2) {
    }

    /** The control figure for a region, if any side holds part of it. */
    public Optional<RegionControl> of(String iso) {
        return rows.stream().filter(r -> r.region().iso().equals(iso)).findFirst();
    }
}
