package org.controlmap.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.controlmap.InputException;
import org.controlmap.region.Region;

/**
 * Which group statements of a scenario can be allocated together. A group's
 * figure fills its members that have no figure of their own (the remainder
 * rule of {@link ScenarioAllocation}); a member without its own figure that
 * lies in two groups would have two different remainders to take, so that is
 * an error naming both statements. With a figure of its own it is fine: each
 * group then subtracts it and fills its other members.
 */
final class GroupStatements {
    private GroupStatements() {
    }

    /**
     * Throws an {@link InputException} at the later statement when a region without a figure of its own
     * is in two group statements.
     *
     * @param statements per-region statements, in file order, repeats already removed
     */
    static void requireResolvable(List<ControlStatement> statements) {
        Set<Region> own = statements.stream().filter(s -> s.regions().size() == 1).map(s -> s.regions().get(0))
                .collect(Collectors.toSet());
        Map<Region, ControlStatement> groupOf = new LinkedHashMap<>();
        for (ControlStatement g : statements) {
            if (g.regions().size() < 2) {
                continue;
            }
            for (Region r : g.regions()) {
                if (own.contains(r)) {
                    continue;
                }
                ControlStatement prev = groupOf.putIfAbsent(r, g);
                if (prev != null) {
                    throw new InputException(g.place() + ": " + r.iso() + " " + r.nameEn() + " is in two group "
                            + "figures and has none of its own: " + words(prev) + " at " + prev.place() + " and "
                            + words(g) + " here; give " + r.nameEn() + " its own figure (each group then "
                            + "fills its other members with what is left) or drop one of them");
                }
            }
        }
    }

    /** "RU 80% of Donbas". */
    static String words(ControlStatement s) {
        return s.controller() + " " + s.figureText() + " of " + s.regionText();
    }
}
