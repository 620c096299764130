package org.controlmap.control;

import java.util.List;
import org.controlmap.region.Region;

/**
 * One figure from a report: who holds how much of which region, with the words
 * it comes from. A statement about a group ("80% of the Donbas") names several
 * regions and is their combined share: the members without a figure of their own
 * get what it leaves after those with one ({@link ScenarioAllocation}); a headline
 * total ("18% of Ukraine", "more than 110,000 km²") names all 27 units of
 * Ukraine and is about their sum.
 *
 * @param id         stable identifier: given in the file, else derived ("UA-14/RU")
 * @param regionText the region as the file wrote it ("Donbas")
 * @param regions    the regions it resolves to, in catalogue order
 * @param controller who holds the territory
 * @param amount     the figure, in {@code unit}; null for "sliver" or "all" without a number
 * @param unit       percent of the region (of the group's total for a total) or km²
 * @param qualifier  exact, about, more-than, less-than, sliver, all
 * @param min        explicit lower bound for checking, or null
 * @param max        explicit upper bound for checking, or null
 * @param quote      the words of the report it comes from
 * @param total      true for a headline total over the regions, false for a per-region figure
 * @param place      where in the scenario file it was written ("file:line:col"), for messages
 */
public record ControlStatement(
        String id,
        String regionText,
        List<Region> regions,
        Controller controller,
        Double amount,
        AmountUnit unit,
        Qualifier qualifier,
        Double min,
        Double max,
        String quote,
        boolean total,
        String place) {

    /** Human wording of the figure: "more than 70%", "about 650 km²", "a sliver", "all". */
    public String figureText() {
        String num = amount == null ? "" : (unit == AmountUnit.PERCENT
                ? NumberText.plain(amount) + "%"
                : NumberText.grouped(amount) + " km²");
        return switch (qualifier) {
            case EXACT -> num;
            case ABOUT -> "about " + num;
            case MORE_THAN -> "more than " + num;
            case LESS_THAN -> "less than " + num;
            case SLIVER -> amount == null ? "a sliver" : "a sliver (" + num + ")";
            case ALL -> "all";
        };
    }
}
