package org.controlmap.control;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.controlmap.InputException;
import org.controlmap.region.AreaBasis;
import org.controlmap.region.Region;
import org.controlmap.region.RegionCatalogue;

/**
 * Turns a scenario's statements into one figure per region, for tables and
 * maps. The figure a report gives is used as it stands: "more than 70%" is
 * 70%, "less than 3%" is 3%, "about 650 km²" is 650 km²; the row says so in
 * its note, since the true value lies on one side of it. "All" is 100%. "A
 * sliver" with no figure is drawn as a nominal {@value #NOMINAL_SLIVER_PCT}%
 * and flagged as not from the source.
 *
 * <h2>Groups</h2>
 * A group statement ("80% of the Donbas") never overrides a member's own
 * figure. It is the group's combined share, so the members without a figure
 * of their own get what the group's km² leave after the members with one (the
 * <em>remainder</em>): "80% of Donbas" with "Luhansk 98%" gives Donetsk
 * 80% × (Luhansk + Donetsk) − 98% × Luhansk, so the two hold 80% together.
 * Several members without their own figure share the remainder as the same
 * share of each one's area. A remainder outside 0–100% of those members' area
 * is an {@link InputException} naming both statements. When no member has its
 * own figure this is the group's share applied to each member (for km², the
 * same share of each member's area, so that the members add up to the figure).
 * "A sliver" of a group has no figure to take a remainder of: each member
 * without its own figure gets the nominal share.
 *
 * <p>Percentages are shares of the area on the chosen basis (official area by
 * default, as news reports use); km² are converted to a share of the same area.
 */
public final class ScenarioAllocation {
    /** Share used for "a sliver" when the report gives no number: the middle of (0, 1%]. */
    public static final double NOMINAL_SLIVER_PCT = 0.5;

    private ScenarioAllocation() {
    }

    public static Allocation allocate(Scenario scenario, RegionCatalogue catalogue, AreaBasis basis) {
        Map<Region, ControlStatement> own = new HashMap<>();
        for (ControlStatement s : scenario.statements()) {
            if (s.regions().size() == 1) {
                own.putIfAbsent(s.regions().get(0), s);
            }
        }
        GroupStatements.requireResolvable(scenario.statements());
        Map<Region, RegionControl> fromGroups = new HashMap<>();
        for (ControlStatement g : scenario.statements()) {
            if (g.regions().size() > 1) {
                for (RegionControl rc : groupRows(g, own, basis)) {
                    fromGroups.put(rc.region(), rc);
                }
            }
        }
        List<RegionControl> rows = new ArrayList<>();
        for (Region region : catalogue.regions()) {
            ControlStatement s = own.get(region);
            if (s != null) {
                rows.add(row(region, s, basis));
            } else if (fromGroups.containsKey(region)) {
                rows.add(fromGroups.get(region));
            }
        }
        return new Allocation(List.copyOf(rows), List.of(), basis, scenario.date(), scenario.source().credit(),
                false);
    }

    /** A region's row from its own statement. */
    private static RegionControl row(Region region, ControlStatement s, AreaBasis basis) {
        double area = region.areaKm2(basis);
        List<String> notes = new ArrayList<>();
        double pct;
        Double exactKm2 = null;
        if (s.unit() == AmountUnit.KM2 && s.amount() != null) {
            pct = 100 * s.amount() / area;
            exactKm2 = s.amount(); // keep the stated km² as written, not a round trip through percent
        } else {
            pct = statedPct(s, notes);
        }
        if (pct > 100 + 1e-9) {
            throw new InputException(s.place() + ": " + region.iso() + " " + region.nameEn() + ": "
                    + s.figureText() + " is more than the region's " + basis.label() + " area ("
                    + NumberText.grouped(Math.round(area)) + " km²)");
        }
        notes.addAll(0, qualifierNotes(s.qualifier()));
        return new RegionControl(region, s.controller(), pct, exactKm2 != null ? exactKm2 : pct / 100 * area, basis,
                s.figureText(), String.join("; ", notes), s);
    }

    /** The percent a statement gives without reference to areas: all, a nominal sliver, or its percent. */
    private static double statedPct(ControlStatement s, List<String> notes) {
        if (s.qualifier() == Qualifier.ALL && s.amount() == null) {
            return 100;
        }
        if (s.qualifier() == Qualifier.SLIVER && s.amount() == null) {
            notes.add("nominal " + NumberText.plain(NOMINAL_SLIVER_PCT) + "% for 'a sliver': the source gives "
                    + "no figure");
            return NOMINAL_SLIVER_PCT;
        }
        return s.amount();
    }

    private static List<String> qualifierNotes(Qualifier q) {
        return switch (q) {
            case MORE_THAN -> List.of("lower bound: the true share is higher");
            case LESS_THAN -> List.of("upper bound: the true share is lower");
            case ABOUT -> List.of("approximate figure");
            default -> List.of();
        };
    }

    /**
     * Rows for the members of group statement {@code g} that have no statement of their own: the group's
     * km² less the other members' own km², as the same share of each such member's area.
     */
    private static List<RegionControl> groupRows(ControlStatement g, Map<Region, ControlStatement> own,
            AreaBasis basis) {
        List<Region> free = g.regions().stream().filter(r -> !own.containsKey(r)).toList();
        List<ControlStatement> owned = g.regions().stream().filter(own::containsKey).map(own::get).toList();
        if (free.isEmpty()) {
            return List.of(); // every member has its own figure: the group is a claim for `check` only
        }
        double groupArea = g.regions().stream().mapToDouble(r -> r.areaKm2(basis)).sum();
        double freeArea = free.stream().mapToDouble(r -> r.areaKm2(basis)).sum();
        boolean sliver = g.qualifier() == Qualifier.SLIVER && g.amount() == null;
        List<String> notes = new ArrayList<>();
        double pct;
        if (sliver || owned.isEmpty()) {
            if (g.unit() == AmountUnit.KM2 && g.amount() != null) {
                pct = 100 * g.amount() / groupArea;
            } else {
                pct = statedPct(g, notes);
            }
            notes.addAll(0, qualifierNotes(g.qualifier()));
            notes.add("figure for " + g.regionText() + " applied to each of its regions"
                    + (owned.isEmpty() ? "" : " without a figure of its own"));
            owned = List.of();
        } else {
            double target = g.unit() == AmountUnit.KM2 ? g.amount() : statedPct(g, notes) / 100 * groupArea;
            double ownKm2 = 0;
            for (ControlStatement o : owned) {
                // the reader lets only the occupying side hold a region, so sides agree; a scenario built in
                // code may say what the other side holds, which leaves the group's side the rest
                RegionControl r = row(o.regions().get(0), o, basis);
                ownKm2 += o.controller() == g.controller() ? r.controlledKm2()
                        : r.region().areaKm2(basis) - r.controlledKm2();
            }
            pct = 100 * (target - ownKm2) / freeArea;
            if (pct < -1e-9 || pct > 100 + 1e-9) {
                throw new InputException(g.place() + ": " + g.figureText() + " of " + g.regionText() + " with "
                        + owned.stream().map(o -> o.place() + ": " + o.regions().get(0).nameEn() + " "
                                + o.figureText()).collect(Collectors.joining(" and ")) + " leaves "
                        + names(free) + " " + NumberText.plain(pct, 1) + "% of " + (free.size() == 1 ? "its"
                        : "their") + " " + basis.label() + " area");
            }
            pct = Math.max(0, Math.min(100, pct));
            Qualifier q = remainderQualifier(g, owned);
            if (q == Qualifier.ABOUT && isUnbounded(g, owned)) {
                notes.add("neither bound: " + g.figureText() + " of " + g.regionText() + " less "
                        + ownWords(owned) + " bounds the rest in no direction; taken at the figures as stated");
            } else {
                notes.addAll(qualifierNotes(q));
            }
            notes.add("remainder of " + g.figureText() + " of " + g.regionText() + " after " + ownWords(owned)
                    + (free.size() > 1 ? ", the same share of each of " + names(free) : ""));
        }
        String figure = (owned.isEmpty() ? "" : "remainder of ") + g.figureText() + " of " + g.regionText();
        List<RegionControl> rows = new ArrayList<>();
        for (Region r : free) {
            rows.add(new RegionControl(r, g.controller(), pct, pct / 100 * r.areaKm2(basis), basis, figure,
                    String.join("; ", notes), g, owned));
        }
        return rows;
    }

    /** "Luhansk's own 98%", "Luhansk's own 98% and Kharkiv's own less than 3%". */
    private static String ownWords(List<ControlStatement> owned) {
        return owned.stream().map(o -> o.regions().get(0).nameEn() + "'s own " + o.figureText())
                .collect(Collectors.joining(" and "));
    }

    private static String names(List<Region> rs) {
        return rs.stream().map(Region::nameEn).collect(Collectors.joining(" and "));
    }

    /**
     * How the remainder of group figure {@code group} after the members' own figures {@code owned} stands
     * to the true share. The members' km² are subtracted, so their bounds turn round: a group's lower bound
     * with exact members is a lower bound ("more than 80% of Donbas" with "Luhansk 98%" leaves Donetsk
     * more than the remainder), as is a group's lower bound less a member's upper bound. A lower and an
     * upper bound together bound it in neither direction; that, and any approximate figure, makes the
     * remainder approximate. "All" and exact figures are exact; a nominal sliver is approximate.
     */
    public static Qualifier remainderQualifier(ControlStatement group, List<ControlStatement> owned) {
        Set<Qualifier> dirs = EnumSet.noneOf(Qualifier.class);
        dirs.add(direction(group.qualifier(), false));
        for (ControlStatement o : owned) {
            dirs.add(direction(o.qualifier(), true));
        }
        dirs.remove(Qualifier.EXACT);
        if (dirs.contains(Qualifier.ABOUT) || dirs.size() > 1) {
            return Qualifier.ABOUT;
        }
        return dirs.isEmpty() ? Qualifier.EXACT : dirs.iterator().next();
    }

    private static boolean isUnbounded(ControlStatement group, List<ControlStatement> owned) {
        Set<Qualifier> dirs = EnumSet.noneOf(Qualifier.class);
        dirs.add(direction(group.qualifier(), false));
        owned.forEach(o -> dirs.add(direction(o.qualifier(), true)));
        return dirs.contains(Qualifier.MORE_THAN) && dirs.contains(Qualifier.LESS_THAN);
    }

    /** Which way a figure's bound points in the remainder: EXACT, ABOUT, MORE_THAN or LESS_THAN. */
    private static Qualifier direction(Qualifier q, boolean subtracted) {
        return switch (q) {
            case MORE_THAN -> subtracted ? Qualifier.LESS_THAN : Qualifier.MORE_THAN;
            case LESS_THAN -> subtracted ? Qualifier.MORE_THAN : Qualifier.LESS_THAN;
            case ABOUT, SLIVER -> Qualifier.ABOUT;
            case EXACT, ALL -> Qualifier.EXACT;
        };
    }
}
