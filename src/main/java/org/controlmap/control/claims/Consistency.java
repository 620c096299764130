package org.controlmap.control.claims;

import java.util.List;

/**
 * Whether all statements of a report can be true at once, by interval
 * arithmetic over the regions versus the headline totals. All ranges are km²
 * of Ukraine held by Russia (the side that is not the region's own), on the
 * check's basis.
 *
 * @param consistent   true when some assignment of figures satisfies every statement and total
 * @param impliedRange what the per-region statements allow for Russian-held Ukraine, km²
 * @param ukraineKm2   Ukraine's area on the check's basis, km² (to express ranges as percent)
 * @param totals       each headline total as a km² range of Russian-held Ukraine
 * @param jointRange   the km² values every total and the per-region statements allow together;
 *                     empty when not consistent
 * @param conflicts    one sentence per pair of things that cannot both be true; empty when consistent
 * @param notes        assumptions the verdict rests on (regions not mentioned, overlapping groups)
 */
public record Consistency(
        boolean consistent,
        Interval impliedRange,
        double ukraineKm2,
        List<TotalRange> totals,
        Interval jointRange,
        List<String> conflicts,
        List<String> notes) {

    /** A headline total as a range of Russian-held km² of Ukraine. */
    public record TotalRange(String id, String text, Interval km2) {
    }
}
