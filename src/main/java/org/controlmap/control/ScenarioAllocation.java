package org.controlmap.control;

import java.util.ArrayList;
import java.util.List;
import org.controlmap.geodata.InputException;
import org.controlmap.region.AreaBasis;
import org.controlmap.region.Region;
import org.controlmap.region.RegionCatalogue;

/**
 * Turns a scenario's statements into one figure per region, for tables and
 * maps. The figure a report gives is used as it stands: "more than 70%" is
 * 70%, "less than 3%" is 3%, "about 650 km²" is 650 km²; the row says so in
 * its note, since the true value lies on one side of it. A group statement
 * ("80% of the Donbas") applies to each member without a figure of its own.
 * "All" is 100%. "A sliver" with no figure is drawn as a nominal
 * {@value #NOMINAL_SLIVER_PCT}% and flagged as not from the source.
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
        List<RegionControl> rows = new ArrayList<>();
        for (Region region : catalogue.regions()) {
            ControlStatement own = null;
            ControlStatement group = null;
            for (ControlStatement s : scenario.statements()) {
                if (!s.regions().contains(region)) {
                    continue;
                }
                if (s.regions().size() == 1) {
                    own = s;
                } else if (group == null) {
                    group = s;
                }
            }
            ControlStatement s = own != null ? own : group;
            if (s != null) {
                rows.add(row(region, s, s == group, basis));
            }
        }
        return new Allocation(List.copyOf(rows), List.of(), basis, scenario.date(), scenario.source().credit(),
                false);
    }

    private static RegionControl row(Region region, ControlStatement s, boolean fromGroup, AreaBasis basis) {
        double area = region.areaKm2(basis);
        double pct;
        Double exactKm2 = null;
        List<String> notes = new ArrayList<>();
        if (s.qualifier() == Qualifier.ALL && s.amount() == null) {
            pct = 100;
        } else if (s.qualifier() == Qualifier.SLIVER && s.amount() == null) {
            pct = NOMINAL_SLIVER_PCT;
            notes.add("nominal " + NumberText.plain(NOMINAL_SLIVER_PCT) + "% for 'a sliver': the source gives "
                    + "no figure");
        } else if (s.unit() == AmountUnit.PERCENT) {
            pct = s.amount();
        } else if (fromGroup) {
            // km² for a group: each member gets the same share of its own area.
            double groupArea = s.regions().stream().mapToDouble(r -> r.areaKm2(basis)).sum();
            pct = 100 * s.amount() / groupArea;
        } else {
            pct = 100 * s.amount() / area;
            exactKm2 = s.amount(); // keep the stated km² as written, not a round trip through percent
        }
        if (pct > 100 + 1e-9) {
            throw new InputException(s.place() + ": " + region.iso() + " " + region.nameEn() + ": "
                    + s.figureText() + " is more than the region's " + basis.label() + " area ("
                    + NumberText.grouped(Math.round(area)) + " km²)");
        }
        switch (s.qualifier()) {
            case MORE_THAN -> notes.add(0, "lower bound: the true share is higher");
            case LESS_THAN -> notes.add(0, "upper bound: the true share is lower");
            case ABOUT -> notes.add(0, "approximate figure");
            default -> {
            }
        }
        if (fromGroup) {
            notes.add("figure for " + s.regionText() + " applied to each of its regions");
        }
        String figure = s.figureText() + (fromGroup ? " of " + s.regionText() : "");
        return new RegionControl(region, s.controller(), pct, exactKm2 != null ? exactKm2 : pct / 100 * area, basis,
                figure,
                String.join("; ", notes), s);
    }
}
