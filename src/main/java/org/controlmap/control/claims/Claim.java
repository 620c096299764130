package org.controlmap.control.claims;

import java.util.List;
import org.controlmap.control.AmountUnit;
import org.controlmap.control.ControlStatement;

/**
 * One statement or headline total of a report, checked: the range of values
 * that make it true and the value it was checked against.
 *
 * @param id        the statement's id
 * @param text      what is claimed, in words ("Russia holds 80% of Donbas (Donetsk + Luhansk combined)")
 * @param regions   ISO codes of the regions it is about, in catalogue order
 * @param unit      unit of {@code interval} and {@code value}: percent of the regions' combined area on
 *                  the check's basis, or km²
 * @param interval  values for which the claim is true (see {@link ClaimCheck} for the rules)
 * @param value     the value checked, in {@code unit}; null when {@code status} is unmeasured
 * @param status    met, not met or unmeasured
 * @param note      why the status is what it is when that is not obvious, or ""
 * @param statement the scenario statement it comes from
 */
public record Claim(
        String id,
        String text,
        List<String> regions,
        AmountUnit unit,
        Interval interval,
        Double value,
        ClaimStatus status,
        String note,
        ControlStatement statement) {

    /** Decimals the claim's numbers are rounded to for output: 2 for percent, 3 for km². */
    public int digits() {
        return unit == AmountUnit.PERCENT ? 2 : 3;
    }
}
