package org.controlmap.control.claims;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.controlmap.control.Allocation;
import org.controlmap.control.AmountUnit;
import org.controlmap.control.ControlStatement;
import org.controlmap.control.Controller;
import org.controlmap.control.Qualifier;
import org.controlmap.control.RegionControl;
import org.controlmap.control.Scenario;
import org.controlmap.InputException;
import org.controlmap.region.AreaBasis;
import org.controlmap.region.Region;
import org.controlmap.region.RegionCatalogue;

/**
 * Checks a report's figures: turns every statement and headline total into an
 * interval, compares it with a value, and decides whether all of them can be
 * true at once.
 *
 * <h2>Intervals</h2>
 * For a figure X, unless the statement gives its own {@code min}/{@code max}
 * (which then replace the respective end, closed):
 * <ul>
 * <li>exact or about: X ± 2.5 percentage points for a percent, X ± 5% for km²;</li>
 * <li>more than X: [X, 100%] (km²: [X, area of the regions]);</li>
 * <li>less than X: [0, X) — open, so 3% is not "less than 3%";</li>
 * <li>a sliver: (0, 1%] of the regions' area;</li>
 * <li>all: [99%, 100%], so a measured 99% of Crimea (boundaries from different
 *     sources never match exactly) still counts as all of it.</li>
 * </ul>
 * Every interval is also cut to [0, 100%] (km²: [0, area]). Percent means share
 * of the regions' area on the check's {@link AreaBasis}; "% of Ukraine" on the
 * official basis is a share of the official 603,628 km² (the catalogue's figure).
 *
 * <h2>Groups</h2>
 * A statement about several regions ("80% of the Donbas — Donetsk and Luhansk")
 * is checked as the group's combined share: (km² held in all members) / (sum of
 * the members' areas). That is how a report's sentence reads, and it is weaker
 * than "80% of each": a group claim can be met with one member at 70% and the
 * other at 90%. The claim's text says "combined".
 *
 * <h2>Values</h2>
 * Values come from an {@link Allocation}: measured from control polygons, or the
 * scenario's own figures as the areas table restates them (qualified figures at
 * face value: "more than 70%" → 70%). Territory of a region not held by the
 * foreign side (Russia in Ukraine, Ukraine in Russia) belongs to the region's
 * own country. Control polygons of one side are taken to describe that side's
 * holdings outside its own country only (DeepStateMap draws Russian-held
 * Ukraine, not Russian-held Russia), so a claim about Ukrainian-held Kursk is
 * unmeasured from Russian polygons. With the scenario's own figures a per-region
 * claim that the table restates from itself is met by construction (the table
 * takes "less than 3%" as 3%): only group claims whose members have figures of
 * their own, and the totals, are tested against something else.
 *
 * <h2>Consistency</h2>
 * Interval arithmetic over the regions (Moore 1966): each region's km² held by
 * the foreign side lies in its statement's interval; a region no statement
 * mentions is taken as not held (0 km²), because a report lists what Russia
 * holds; a member of a group with no figure of its own lies in [0, its area],
 * and the group's sum is cut to the group's interval. Groups then narrow their
 * members' intervals through the members they share (each member to the
 * group's interval less the other members' sum, until nothing changes), so two
 * figures for the same regions ("Russia 80% of Donbas", "Ukraine 50% of
 * Donbas") or two overlapping groups that leave a shared member no value are a
 * conflict naming both. The sum over Ukraine's
 * units is the implied range; each headline total must intersect it and every
 * other total. In one dimension pairwise intersection implies a common point
 * (Helly's theorem), so the pairwise conflicts listed are exactly why a set of
 * claims is inconsistent.
 */
public final class ClaimCheck {
    /** Half-width of the interval around an exact or "about" percent, percentage points. */
    public static final double PERCENT_TOLERANCE_PP = 2.5;
    /** Relative half-width of the interval around an exact or "about" km² figure. */
    public static final double KM2_TOLERANCE = 0.05;
    /** Upper end of "a sliver", percent of the region. */
    public static final double SLIVER_MAX_PCT = 1.0;
    /** Lower end of "all", percent of the region. */
    public static final double ALL_MIN_PCT = 99.0;

    private final List<Region> ukraine;
    private final Set<String> ukraineIsos;
    private final double ukraineOfficialKm2;
    private final AreaBasis basis;

    /**
     * @param regions            all regions a scenario may name (Ukraine's units are those with country "UA")
     * @param ukraineOfficialKm2 official area of Ukraine, km²: what "% of Ukraine" is a share of on the
     *                           official basis
     * @param basis              what a percent of a region is a share of
     */
    public ClaimCheck(List<Region> regions, double ukraineOfficialKm2, AreaBasis basis) {
        this.ukraine = regions.stream().filter(r -> "UA".equals(r.country())).toList();
        this.ukraineIsos = ukraine.stream().map(Region::iso).collect(Collectors.toSet());
        this.ukraineOfficialKm2 = ukraineOfficialKm2;
        this.basis = basis;
    }

    /** A check against the catalogue's regions and Ukraine's official area. */
    public static ClaimCheck of(RegionCatalogue catalogue, AreaBasis basis) {
        return new ClaimCheck(catalogue.regions(), catalogue.ukraineOfficialKm2(), basis);
    }

    /**
     * Checks every statement and total of {@code scenario} against {@code values}.
     *
     * @param values the figures to check against: {@code values.measured()} tells measured from restated
     * @param drawn  the sides whose holdings {@code values} describe: both for a scenario's own figures;
     *               the control polygons' side(s) when measured
     */
    public CheckReport check(Scenario scenario, Allocation values, Set<Controller> drawn) {
        List<Claim> claims = new ArrayList<>();
        for (ControlStatement s : scenario.statements()) {
            claims.add(claim(s, values, drawn));
        }
        for (ControlStatement s : scenario.totals()) {
            claims.add(claim(s, values, drawn));
        }
        String valueSource = values.measured()
                ? "measured from " + values.source() + ", "
                        + (values.date() != null ? "as of " + values.date() : "no date in the data")
                : "implied by the scenario's own figures, as the areas table restates them "
                        + "(qualified figures at face value: more than 70% → 70%)";
        String credit = scenario.source() != null ? scenario.source().credit() : scenario.file();
        return new CheckReport(scenario.file(), credit, scenario.date(), basis, values.measured(), valueSource,
                List.copyOf(claims), consistency(scenario));
    }

    /** The interval of values, in the statement's unit, for which the statement is true. */
    public Interval interval(ControlStatement s) {
        return interval(s, areaKm2(s.regions()));
    }

    private Interval interval(ControlStatement s, double areaKm2) {
        boolean pct = s.unit() == AmountUnit.PERCENT;
        double cap = pct ? 100 : areaKm2;
        Double x = s.amount();
        if (x == null && s.qualifier() != Qualifier.SLIVER && s.qualifier() != Qualifier.ALL) {
            throw new InputException(s.place() + ": '" + s.qualifier().label() + "' needs an amount");
        }
        Interval base = switch (s.qualifier()) {
            case EXACT, ABOUT -> pct
                    ? Interval.closed(x - PERCENT_TOLERANCE_PP, x + PERCENT_TOLERANCE_PP)
                    : Interval.closed(x * (1 - KM2_TOLERANCE), x * (1 + KM2_TOLERANCE));
            case MORE_THAN -> Interval.closed(x, cap);
            case LESS_THAN -> new Interval(0, x, false, true);
            case SLIVER -> new Interval(0, cap * SLIVER_MAX_PCT / 100, true, false);
            case ALL -> Interval.closed(cap * ALL_MIN_PCT / 100, cap);
        };
        base = base.intersect(Interval.closed(0, cap));
        return new Interval(
                s.min() != null ? s.min() : base.min(),
                s.max() != null ? s.max() : base.max(),
                s.min() == null && base.minOpen(),
                s.max() == null && base.maxOpen());
    }

    /**
     * Area of regions on the check's basis, km²: Ukraine's official area when they are all of Ukraine
     * on the official basis (the sum of the units' published areas differs from it by rounding).
     */
    double areaKm2(List<Region> regions) {
        if (basis == AreaBasis.OFFICIAL && isAllOfUkraine(regions)) {
            return ukraineOfficialKm2;
        }
        return regions.stream().mapToDouble(r -> r.areaKm2(basis)).sum();
    }

    private boolean isAllOfUkraine(List<Region> regions) {
        return regions.size() == ukraineIsos.size()
                && regions.stream().map(Region::iso).collect(Collectors.toSet()).equals(ukraineIsos);
    }

    // ---- claims -------------------------------------------------------------------------------

    private Claim claim(ControlStatement s, Allocation values, Set<Controller> drawn) {
        double area = areaKm2(s.regions());
        Interval iv = interval(s, area);
        List<String> isos = s.regions().stream().map(Region::iso).toList();
        Double heldKm2 = 0.0;
        double extentKm2 = 0;
        for (Region r : s.regions()) {
            Double h = held(r, s.controller(), values, drawn);
            if (h == null) {
                heldKm2 = null;
                break;
            }
            heldKm2 += h;
            extentKm2 += extentKm2(r, values);
        }
        // A measured percent is of the regions as the polygons were booked to them (held plus unheld ground,
        // see Booking#pct); of Ukraine as a whole, of its official area, as DeepStateMap publishes it.
        if (values.measured() && s.unit() == AmountUnit.PERCENT) {
            area = isAllOfUkraine(s.regions()) ? ukraineOfficialKm2 : extentKm2;
        }
        if (heldKm2 == null) {
            return new Claim(s.id(), text(s), isos, s.unit(), iv, null, ClaimStatus.UNMEASURED,
                    "the control polygons show " + sides(drawn) + "-held territory outside "
                            + sides(drawn) + " only, not who holds "
                            + s.regions().stream().map(Region::nameEn).collect(Collectors.joining(" + ")),
                    s);
        }
        double value = s.unit() == AmountUnit.PERCENT ? (area > 0 ? 100 * heldKm2 / area : 0) : heldKm2;
        if (!values.measured() && !s.total() && restatesItself(s, values)) {
            return new Claim(s.id(), text(s), isos, s.unit(), iv, value, ClaimStatus.MET,
                    "the scenario's own figure, restated" + (holds(iv, value) ? "" : " at its bound"), s);
        }
        return new Claim(s.id(), text(s), isos, s.unit(), iv, value,
                holds(iv, value) ? ClaimStatus.MET : ClaimStatus.NOT_MET, "", s);
    }

    /**
     * Whether {@code value} lies in {@code iv}. A closed end is widened by a relative 1e-9: percent to km²
     * and back leaves 69.99999999999999 for 70, which is "more than 70%" as far as any source can tell.
     * An open end stays exact: 3 is not less than 3.
     */
    static boolean holds(Interval iv, double value) {
        double eps = 1e-9 * Math.max(1, Math.max(Math.abs(iv.min()), Math.abs(iv.max())));
        return new Interval(iv.minOpen() ? iv.min() : iv.min() - eps, iv.maxOpen() ? iv.max() : iv.max() + eps,
                iv.minOpen(), iv.maxOpen()).contains(value);
    }

    /** True when every region of {@code s} takes its table figure from {@code s} itself. */
    private static boolean restatesItself(ControlStatement s, Allocation values) {
        for (Region r : s.regions()) {
            boolean fromS = values.rows().stream()
                    .anyMatch(rc -> rc.region().iso().equals(r.iso()) && rc.statement() != null
                            && rc.statement().id().equals(s.id()));
            if (!fromS) {
                return false;
            }
        }
        return true;
    }

    /**
     * km² of {@code r} held by {@code side} on the check's basis, or null when {@code values} does
     * not tell. What the foreign side does not hold belongs to the region's own country.
     */
    private Double held(Region r, Controller side, Allocation values, Set<Controller> drawn) {
        Controller owner = Controller.parse(r.country());
        Controller foreign = owner == Controller.RU ? Controller.UA : Controller.RU;
        double area = extentKm2(r, values);
        Double foreignKm2;
        if (!drawn.contains(foreign)) {
            foreignKm2 = null;
        } else if (rowsKm2(r, owner, values) > 0 && rowsKm2(r, foreign, values) == 0 && !values.measured()) {
            // a report that says how much the owner still holds ("Ukraine holds 30% of Donetsk")
            foreignKm2 = area - rowsKm2(r, owner, values);
        } else {
            foreignKm2 = rowsKm2(r, foreign, values);
        }
        if (foreignKm2 == null) {
            return null;
        }
        return side == foreign ? foreignKm2 : area - foreignKm2;
    }

    /**
     * The region's area on the check's basis; for a measured row with ground booked to it from beyond the
     * boundary (nearest attribution), held plus unheld ground, so that its km² and its share agree.
     */
    private double extentKm2(Region r, Allocation values) {
        double area = r.areaKm2(basis);
        if (!values.measured()) {
            return area;
        }
        for (RegionControl rc : values.rows()) {
            if (rc.region().iso().equals(r.iso()) && rc.mismatchKm2() != null && rc.share() > 0
                    && rc.basis() == basis) {
                return rc.controlledKm2() / rc.share();
            }
        }
        return area;
    }

    private double rowsKm2(Region r, Controller side, Allocation values) {
        double km2 = 0;
        for (RegionControl rc : values.rows()) {
            if (rc.region().iso().equals(r.iso()) && rc.controller() == side) {
                // the allocation may be on another basis: its share carries over, its km² do not
                km2 += rc.basis() == basis ? rc.controlledKm2() : rc.share() * r.areaKm2(basis);
            }
        }
        return km2;
    }

    private static String sides(Set<Controller> drawn) {
        return drawn.stream().sorted().map(Controller::name).collect(Collectors.joining("/"));
    }

    /** "Russia holds 80% of Donbas (Donetsk + Luhansk combined)". */
    static String text(ControlStatement s) {
        List<Region> rs = s.regions();
        String where = s.regionText();
        if (where == null || where.isBlank() || where.matches("[A-Z]{2}-[A-Z0-9]{1,3}")) {
            where = rs.size() == 1 ? rs.get(0).nameEn() : rs.stream().map(Region::nameEn)
                    .collect(Collectors.joining(" + "));
        }
        String figure = s.figureText();
        StringBuilder sb = new StringBuilder(s.controller().countryName()).append(" holds ")
                .append(figure).append(" of ").append(where);
        if (rs.size() > 1 && !s.total()) {
            String members = rs.stream().map(Region::nameEn).collect(Collectors.joining(" + "));
            Set<String> named = Set.of(where.split("\\s*(?:\\+|,|\\band\\b)\\s*"));
            if (!named.equals(rs.stream().map(Region::nameEn).collect(Collectors.toSet()))) {
                sb.append(" (").append(members).append(" combined)");
            } else {
                sb.append(" combined");
            }
        }
        return sb.toString();
    }

    // ---- consistency --------------------------------------------------------------------------

    private Consistency consistency(Scenario scenario) {
        List<String> conflicts = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, Interval> box = new LinkedHashMap<>();
        Map<String, Region> byIso = new LinkedHashMap<>();
        Set<String> mentioned = new HashSet<>();
        List<ControlStatement> groups = new ArrayList<>();
        for (ControlStatement s : scenario.statements()) {
            for (Region r : s.regions()) {
                byIso.putIfAbsent(r.iso(), r);
                box.putIfAbsent(r.iso(), Interval.closed(0, r.areaKm2(basis)));
                mentioned.add(r.iso());
            }
            if (s.regions().size() > 1) {
                groups.add(s);
                continue;
            }
            Region r = s.regions().get(0);
            Interval before = box.get(r.iso());
            Interval after = before.intersect(foreignKm2(s, r.areaKm2(basis), r));
            if (after.isEmpty()) {
                conflicts.add("'" + text(s) + "' cannot hold together with the other figures for "
                        + r.nameEn() + " (" + before.format(3) + " km² held by "
                        + foreignOf(r).countryName() + " before it)");
            }
            box.put(r.iso(), after);
        }
        List<String> unmentioned = new ArrayList<>();
        for (Region r : ukraine) {
            byIso.putIfAbsent(r.iso(), r);
            if (!mentioned.contains(r.iso())) {
                box.put(r.iso(), Interval.point(0));
                unmentioned.add(r.nameEn());
            }
        }
        if (!unmentioned.isEmpty()) {
            notes.add("not mentioned, so taken as not held by Russia (0 km²), since the report lists what "
                    + "Russia holds: " + String.join(", ", unmentioned));
        }

        // Groups that share regions: each pair must leave every shared member a value. Two figures for the
        // same regions ("Russia holds 80% of Donbas", "Ukraine holds 50% of Donbas") meet here too.
        Set<ControlStatement> alone = new HashSet<>();
        for (ControlStatement g : groups) {
            if (!narrow(List.of(g), new HashMap<>(box))) {
                alone.add(g); // cannot hold with its members' own figures: said below
            }
        }
        int before = conflicts.size();
        for (int i = 0; i < groups.size(); i++) {
            for (int j = i + 1; j < groups.size(); j++) {
                ControlStatement a = groups.get(i);
                ControlStatement b = groups.get(j);
                List<String> shared = a.regions().stream().filter(b.regions()::contains).map(Region::nameEn)
                        .toList();
                if (!shared.isEmpty() && !alone.contains(a) && !alone.contains(b)
                        && !narrow(List.of(a, b), new HashMap<>(box))) {
                    conflicts.add("'" + text(a) + "' (" + a.place() + ") and '" + text(b) + "' (" + b.place()
                            + ") cannot both hold: they share " + String.join(", ", shared));
                }
            }
        }
        Map<String, Interval> narrowed = new HashMap<>(box);
        if (narrow(groups, narrowed)) {
            box.putAll(narrowed); // tighter member ranges, so a tighter (still sound) range for the totals
        } else if (alone.isEmpty() && conflicts.size() == before) {
            conflicts.add("the group figures " + groups.stream().map(g -> "'" + text(g) + "'")
                    .collect(Collectors.joining(", ")) + " cannot all hold at once");
        }

        // Each region sums in at most one group; a later group overlapping an earlier one is checked on
        // its own but left out of the totals' range, which then is wider (never a false conflict).
        Map<ControlStatement, Interval> groupRange = new LinkedHashMap<>();
        Set<String> grouped = new HashSet<>();
        for (ControlStatement g : groups) {
            double area = g.regions().stream().mapToDouble(r -> r.areaKm2(basis)).sum();
            Interval claimed = foreignKm2(g, areaKm2(g.regions()), g.regions().get(0));
            Interval members = Interval.point(0);
            for (Region r : g.regions()) {
                members = members.plus(box.get(r.iso()));
            }
            Interval range = members.intersect(claimed);
            if (range.isEmpty()) {
                conflicts.add("'" + text(g) + "' (" + claimed.format(3) + " km²) cannot hold with its members' "
                        + "own figures, which allow " + members.format(3) + " km²");
            }
            boolean overlaps = g.regions().stream().anyMatch(r -> grouped.contains(r.iso()));
            if (overlaps) {
                notes.add("'" + text(g) + "' shares regions with an earlier group statement: its combined "
                        + "share is checked alone, not in the totals' range");
            } else {
                g.regions().forEach(r -> grouped.add(r.iso()));
                groupRange.put(g, range);
            }
            if (area <= 0) {
                notes.add("'" + text(g) + "': regions of zero area");
            }
        }

        Interval implied = impliedRange(ukraine, box, groupRange);
        double ukraineKm2 = areaKm2(ukraine);
        List<Consistency.TotalRange> totals = new ArrayList<>();
        Interval joint = implied;
        for (ControlStatement t : scenario.totals()) {
            Region any = t.regions().get(0);
            Interval km2 = foreignKm2(t, areaKm2(t.regions()), any);
            totals.add(new Consistency.TotalRange(t.id(), text(t), km2));
            Interval range = isAllOfUkraine(t.regions()) ? implied : impliedRange(t.regions(), box, groupRange);
            if (!km2.overlaps(range)) {
                conflicts.add("'" + text(t) + "' (" + km2.format(3) + " km² held by " + foreignOf(any).countryName()
                        + ") cannot hold with the per-region figures, which allow " + range.format(3) + " km²");
            }
            if (isAllOfUkraine(t.regions())) {
                joint = joint.intersect(km2);
            }
        }
        for (int i = 0; i < totals.size(); i++) {
            for (int j = i + 1; j < totals.size(); j++) {
                Consistency.TotalRange a = totals.get(i);
                Consistency.TotalRange b = totals.get(j);
                boolean sameRegions = scenario.totals().get(i).regions().equals(scenario.totals().get(j).regions());
                if (sameRegions && !a.km2().overlaps(b.km2())) {
                    conflicts.add("'" + a.text() + "' (" + a.km2().format(3) + " km²) and '" + b.text() + "' ("
                            + b.km2().format(3) + " km²) cannot both hold");
                }
            }
        }
        boolean consistent = conflicts.isEmpty();
        return new Consistency(consistent, implied, ukraineKm2, List.copyOf(totals),
                consistent ? joint : new Interval(0, 0, true, true), List.copyOf(conflicts), List.copyOf(notes));
    }

    /**
     * Narrows each member's range of foreign-held km² in {@code box} to what its groups' sums allow
     * (hull consistency: member ∈ claim − sum of the other members), until nothing changes. Sound: it never
     * removes a value some solution uses; exact when groups overlap as a chain or tree, as two groups
     * sharing members do. Ends that touch within a square metre count as touching, so percent-to-km²
     * rounding never makes a conflict.
     *
     * @return false when some member is left no value: the groups cannot all hold with the members' figures
     */
    private boolean narrow(List<ControlStatement> groups, Map<String, Interval> box) {
        for (int round = 0; round < 100; round++) {
            boolean changed = false;
            for (ControlStatement g : groups) {
                Interval claimed = foreignKm2(g, areaKm2(g.regions()), g.regions().get(0));
                for (Region r : g.regions()) {
                    Interval others = Interval.point(0);
                    for (Region q : g.regions()) {
                        if (!q.equals(r)) {
                            others = others.plus(box.get(q.iso()));
                        }
                    }
                    Interval before = box.get(r.iso());
                    Interval after = before.intersect(claimed.plus(others.complementIn(0)));
                    if (after.isEmpty()) {
                        if (after.min() - after.max() > 1e-6) {
                            return false;
                        }
                        after = Interval.point((after.min() + after.max()) / 2);
                    }
                    changed |= after.min() - before.min() > 1e-6 || before.max() - after.max() > 1e-6;
                    box.put(r.iso(), after);
                }
            }
            if (!changed) {
                break;
            }
        }
        return true;
    }

    /** Sum of the foreign-held km² ranges over {@code regions}, groups summed as groups. */
    private Interval impliedRange(List<Region> regions, Map<String, Interval> box,
            Map<ControlStatement, Interval> groupRange) {
        Set<String> in = regions.stream().map(Region::iso).collect(Collectors.toSet());
        Interval sum = Interval.point(0);
        Set<String> done = new HashSet<>();
        for (Map.Entry<ControlStatement, Interval> e : groupRange.entrySet()) {
            List<String> members = e.getKey().regions().stream().map(Region::iso).toList();
            if (in.containsAll(members)) {
                sum = sum.plus(e.getValue());
                done.addAll(members);
            }
        }
        for (Region r : regions) {
            if (!done.contains(r.iso())) {
                sum = sum.plus(box.getOrDefault(r.iso(), Interval.point(0)));
            }
        }
        return sum;
    }

    /** A statement's interval as km² held by the foreign side of {@code ref}'s country. */
    private Interval foreignKm2(ControlStatement s, double area, Region ref) {
        Interval iv = interval(s, area);
        Interval km2 = s.unit() == AmountUnit.PERCENT ? iv.times(area / 100) : iv;
        return s.controller() == foreignOf(ref) ? km2 : km2.complementIn(area);
    }

    private static Controller foreignOf(Region r) {
        return Controller.parse(r.country()) == Controller.RU ? Controller.UA : Controller.RU;
    }
}
