package org.controlmap.control.claims;

import java.time.LocalDate;
import java.util.List;
import org.controlmap.region.AreaBasis;

/**
 * The result of checking a report: each claim with its status, and whether
 * they can all be true at once.
 *
 * @param scenario    the scenario file checked, for the heading
 * @param source      short credit of the report ("Reuters, 2024-11-20")
 * @param date        the date the report's figures describe, or null
 * @param basis       what percentages are shares of
 * @param measured    true when values were measured from control polygons, false when implied by the
 *                    scenario's own figures
 * @param valueSource where the values come from, in words
 * @param claims      the statements, then the headline totals, in scenario order
 * @param consistency whether all can be true together
 */
public record CheckReport(
        String scenario,
        String source,
        LocalDate date,
        AreaBasis basis,
        boolean measured,
        String valueSource,
        List<Claim> claims,
        Consistency consistency) {

    /** Number of claims with the given status. */
    public long count(ClaimStatus status) {
        return claims.stream().filter(c -> c.status() == status).count();
    }
}
