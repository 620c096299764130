package org.controlmap.control.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.controlmap.control.Allocation;
import org.controlmap.control.AmountUnit;
import org.controlmap.control.ControlStatement;
import org.controlmap.control.Controller;
import org.controlmap.control.Qualifier;
import org.controlmap.control.RegionControl;
import org.controlmap.control.Scenario;
import org.controlmap.control.ScenarioSource;
import org.controlmap.region.AreaBasis;
import org.controlmap.region.Region;
import org.junit.jupiter.api.Test;

/**
 * The check on synthetic regions: official areas are round numbers and each
 * geometry area is 90% of the official one, so a test sees which basis was used.
 */
class ClaimCheckTest {
    static final Region DONETSK = region("UA-14", 20_000);
    static final Region LUHANSK = region("UA-09", 30_000);
    static final Region ZAPORIZHZHIA = region("UA-23", 25_000);
    static final Region KHARKIV = region("UA-63", 30_000);
    static final Region MYKOLAIV = region("UA-48", 25_000);
    static final Region CRIMEA = region("UA-43", 26_000);
    static final Region KYIV = region("UA-32", 44_000);
    static final Region KURSK = new Region("RU-KRS", "RU", "oblast", "Kursk", null, null, null, 27_000, 30_000, "t");
    static final List<Region> ALL = List.of(DONETSK, LUHANSK, ZAPORIZHZHIA, KHARKIV, MYKOLAIV, CRIMEA, KYIV, KURSK);
    /** Official area of the synthetic Ukraine: the sum of its 7 units. */
    static final double UKRAINE = 200_000;
    static final List<Region> UKRAINE_UNITS = ALL.subList(0, 7);

    static Region region(String iso, double officialKm2) {
        return new Region(iso, "UA", "oblast", name(iso), null, null, null, officialKm2 * 0.9, officialKm2, "test");
    }

    static String name(String iso) {
        return switch (iso) {
            case "UA-14" -> "Donetsk";
            case "UA-09" -> "Luhansk";
            case "UA-23" -> "Zaporizhzhia";
            case "UA-63" -> "Kharkiv";
            case "UA-48" -> "Mykolaiv";
            case "UA-43" -> "Crimea";
            default -> "Kyiv Oblast";
        };
    }

    static ControlStatement pct(String id, Qualifier q, Double amount, Region... rs) {
        return st(id, q, amount, AmountUnit.PERCENT, Controller.RU, false, rs);
    }

    static ControlStatement st(String id, Qualifier q, Double amount, AmountUnit unit, Controller c, boolean total,
            Region... rs) {
        String text = rs.length == 1 ? rs[0].nameEn() : rs.length == 7 ? "Ukraine" : "Donbas";
        return new ControlStatement(id, text, List.of(rs), c, amount, unit, q, null, null, "quote " + id, total,
                "test.yaml:1:1");
    }

    static ControlStatement total(String id, Qualifier q, double amount, AmountUnit unit) {
        return st(id, q, amount, unit, Controller.RU, true, UKRAINE_UNITS.toArray(Region[]::new));
    }

    static Scenario scenario(List<ControlStatement> statements, List<ControlStatement> totals) {
        return new Scenario("test.yaml", LocalDate.of(2024, 11, 20),
                new ScenarioSource("Test report", "Test", LocalDate.of(2024, 11, 20), null, null), statements, totals);
    }

    static ClaimCheck check() {
        return new ClaimCheck(ALL, UKRAINE, AreaBasis.OFFICIAL);
    }

    /** Measured values: percent of each region's area on {@code basis}, Russian-held. */
    static Allocation measured(AreaBasis basis, Object... isoPct) {
        List<RegionControl> rows = new ArrayList<>();
        for (int i = 0; i < isoPct.length; i += 2) {
            Region r = (Region) isoPct[i];
            double p = ((Number) isoPct[i + 1]).doubleValue();
            rows.add(new RegionControl(r, Controller.RU, p, p / 100 * r.areaKm2(basis), basis, "measured", "", null));
        }
        return new Allocation(rows, List.of(), basis, LocalDate.of(2024, 11, 20), "synthetic polygons", true);
    }

    /** The scenario's own figures at face value, as the areas table restates them. */
    static Allocation restated(Scenario s) {
        List<RegionControl> rows = new ArrayList<>();
        for (Region r : ALL) {
            ControlStatement own = null;
            for (ControlStatement c : s.statements()) {
                if (c.regions().contains(r) && (own == null || c.regions().size() == 1)) {
                    own = c;
                }
            }
            if (own != null) {
                double p = own.qualifier() == Qualifier.ALL ? 100 : own.qualifier() == Qualifier.SLIVER ? 0.5
                        : own.unit() == AmountUnit.PERCENT ? own.amount() : 100 * own.amount() / r.officialAreaKm2();
                rows.add(new RegionControl(r, own.controller(), p, p / 100 * r.officialAreaKm2(), AreaBasis.OFFICIAL,
                        own.figureText(), "", own));
            }
        }
        return new Allocation(rows, List.of(), AreaBasis.OFFICIAL, s.date(), "Test", false);
    }

    static Claim only(ControlStatement s, Allocation a) {
        return check().check(scenario(List.of(s), List.of()), a, Set.of(Controller.RU)).claims().get(0);
    }

    // ---- intervals ----------------------------------------------------------------------------

    @Test
    void exactAndAboutPercentAllowTwoAndAHalfPoints() {
        assertThat(check().interval(pct("a", Qualifier.EXACT, 18.0, DONETSK))).isEqualTo(Interval.closed(15.5, 20.5));
        assertThat(check().interval(pct("a", Qualifier.ABOUT, 80.0, DONETSK))).isEqualTo(Interval.closed(77.5, 82.5));
    }

    @Test
    void intervalsAreCutToZeroAndOneHundredPercent() {
        assertThat(check().interval(pct("a", Qualifier.ABOUT, 1.0, DONETSK))).isEqualTo(Interval.closed(0, 3.5));
        assertThat(check().interval(pct("a", Qualifier.EXACT, 99.0, DONETSK))).isEqualTo(Interval.closed(96.5, 100));
    }

    @Test
    void aboutKm2AllowsFivePercent() {
        Interval iv = check().interval(st("k", Qualifier.ABOUT, 650.0, AmountUnit.KM2, Controller.UA, false, KURSK));
        assertThat(iv.min()).isCloseTo(617.5, within(1e-9));
        assertThat(iv.max()).isCloseTo(682.5, within(1e-9));
        assertThat(iv.minOpen() || iv.maxOpen()).isFalse();
    }

    @Test
    void moreThanRunsToTheWholeRegionClosed() {
        assertThat(check().interval(pct("a", Qualifier.MORE_THAN, 70.0, ZAPORIZHZHIA)))
                .isEqualTo(Interval.closed(70, 100));
        // km²: up to the regions' area on the basis; Ukraine's official area for a total
        assertThat(check().interval(total("t", Qualifier.MORE_THAN, 110_000, AmountUnit.KM2)))
                .isEqualTo(Interval.closed(110_000, UKRAINE));
        assertThat(new ClaimCheck(ALL, UKRAINE, AreaBasis.GEOMETRY)
                .interval(total("t", Qualifier.MORE_THAN, 110_000, AmountUnit.KM2)).max())
                .isCloseTo(UKRAINE * 0.9, within(1e-6));
    }

    @Test
    void lessThanExcludesItsFigure() {
        Interval iv = check().interval(pct("a", Qualifier.LESS_THAN, 3.0, KHARKIV));
        assertThat(iv).isEqualTo(new Interval(0, 3, false, true));
        assertThat(iv.contains(3.0)).isFalse();
        assertThat(iv.contains(2.999)).isTrue();
        assertThat(iv.contains(0)).isTrue();
    }

    @Test
    void sliverIsAboveZeroUpToOnePercent() {
        Interval iv = check().interval(pct("a", Qualifier.SLIVER, null, MYKOLAIV));
        assertThat(iv).isEqualTo(new Interval(0, 1, true, false));
        assertThat(iv.contains(0)).isFalse();
        assertThat(iv.contains(1)).isTrue();
        assertThat(iv.contains(1.01)).isFalse();
    }

    @Test
    void allIsAtLeastNinetyNinePercent() {
        Interval iv = check().interval(pct("a", Qualifier.ALL, null, CRIMEA));
        assertThat(iv).isEqualTo(Interval.closed(99, 100));
        assertThat(iv.contains(98.99)).isFalse();
    }

    @Test
    void ownMinAndMaxReplaceTheRule() {
        ControlStatement s = new ControlStatement("d", "Donetsk", List.of(DONETSK), Controller.RU, 80.0,
                AmountUnit.PERCENT, Qualifier.ABOUT, 70.0, null, "", false, "t:1:1");
        assertThat(check().interval(s)).isEqualTo(Interval.closed(70, 82.5));
        ControlStatement less = new ControlStatement("k", "Kharkiv", List.of(KHARKIV), Controller.RU, 3.0,
                AmountUnit.PERCENT, Qualifier.LESS_THAN, null, 3.0, "", false, "t:1:1");
        assertThat(check().interval(less)).isEqualTo(Interval.closed(0, 3)); // own max is closed
    }

    // ---- measured values ----------------------------------------------------------------------

    @Test
    void measuredValuesAreComparedHonouringOpenEnds() {
        ControlStatement kharkiv = pct("kh", Qualifier.LESS_THAN, 3.0, KHARKIV);
        assertThat(only(kharkiv, measured(AreaBasis.OFFICIAL, KHARKIV, 3.0)).status()).isEqualTo(ClaimStatus.NOT_MET);
        assertThat(only(kharkiv, measured(AreaBasis.OFFICIAL, KHARKIV, 2.9)).status()).isEqualTo(ClaimStatus.MET);
        ControlStatement sliver = pct("my", Qualifier.SLIVER, null, MYKOLAIV);
        assertThat(only(sliver, measured(AreaBasis.OFFICIAL)).status()).isEqualTo(ClaimStatus.NOT_MET);
        assertThat(only(sliver, measured(AreaBasis.OFFICIAL, MYKOLAIV, 0.4)).value()).isCloseTo(0.4, within(1e-9));
        ControlStatement crimea = pct("cr", Qualifier.ALL, null, CRIMEA);
        assertThat(only(crimea, measured(AreaBasis.OFFICIAL, CRIMEA, 99.2)).status()).isEqualTo(ClaimStatus.MET);
        assertThat(only(crimea, measured(AreaBasis.OFFICIAL, CRIMEA, 98.5)).status()).isEqualTo(ClaimStatus.NOT_MET);
    }

    @Test
    void groupClaimIsTheCombinedShare() {
        ControlStatement donbas = pct("db", Qualifier.EXACT, 80.0, DONETSK, LUHANSK);
        // 95% of 20,000 + 70% of 30,000 = 40,000 of 50,000 = 80%; neither member is at 80%
        Claim c = only(donbas, measured(AreaBasis.OFFICIAL, DONETSK, 95, LUHANSK, 70));
        assertThat(c.value()).isCloseTo(80.0, within(1e-9));
        assertThat(c.status()).isEqualTo(ClaimStatus.MET);
        assertThat(c.text()).contains("combined").contains("Donetsk + Luhansk");
        assertThat(c.regions()).containsExactly("UA-14", "UA-09");
        // the mean of the members' percents would be 82.5 and pass too; 95 and 60 → 74% combined fails
        Claim low = only(donbas, measured(AreaBasis.OFFICIAL, DONETSK, 95, LUHANSK, 60));
        assertThat(low.value()).isCloseTo(74.0, within(1e-9));
        assertThat(low.status()).isEqualTo(ClaimStatus.NOT_MET);
    }

    @Test
    void measuredSharesCarryOverToTheOfficialBasis() {
        // measured on geometry: 50% of the region's polygon; km² on the official basis is half the official area
        ControlStatement km2 = st("z", Qualifier.ABOUT, 12_500.0, AmountUnit.KM2, Controller.RU, false, ZAPORIZHZHIA);
        Claim c = only(km2, measured(AreaBasis.GEOMETRY, ZAPORIZHZHIA, 50));
        assertThat(c.value()).isCloseTo(12_500, within(1e-6));
        Claim g = new ClaimCheck(ALL, UKRAINE, AreaBasis.GEOMETRY)
                .check(scenario(List.of(km2), List.of()), measured(AreaBasis.GEOMETRY, ZAPORIZHZHIA, 50),
                        Set.of(Controller.RU)).claims().get(0);
        assertThat(g.value()).isCloseTo(11_250, within(1e-6));
    }

    @Test
    void ownerSideIsWhatTheOtherSideDoesNotHold() {
        ControlStatement ua = st("u", Qualifier.ABOUT, 30.0, AmountUnit.PERCENT, Controller.UA, false, DONETSK);
        assertThat(only(ua, measured(AreaBasis.OFFICIAL, DONETSK, 71)).value()).isCloseTo(29, within(1e-9));
    }

    @Test
    void ukrainianHeldKurskIsUnmeasuredFromRussianPolygons() {
        ControlStatement kursk = st("k", Qualifier.ABOUT, 650.0, AmountUnit.KM2, Controller.UA, false, KURSK);
        Claim c = only(kursk, measured(AreaBasis.OFFICIAL, KURSK, 1));
        assertThat(c.status()).isEqualTo(ClaimStatus.UNMEASURED);
        assertThat(c.value()).isNull();
        Allocation ua = new Allocation(List.of(new RegionControl(KURSK, Controller.UA, 2, 600, AreaBasis.OFFICIAL,
                "measured", "", null)), List.of(), AreaBasis.OFFICIAL, null, "UA polygons", true);
        Claim m = check().check(scenario(List.of(kursk), List.of()), ua, Set.of(Controller.UA)).claims().get(0);
        assertThat(m.value()).isCloseTo(600, within(1e-9));
        assertThat(m.status()).isEqualTo(ClaimStatus.NOT_MET);
    }

    // ---- implied values -----------------------------------------------------------------------

    @Test
    void totalsAreCheckedAgainstTheSumOfTheRestatedFigures() {
        List<ControlStatement> st = List.of(pct("db", Qualifier.EXACT, 80.0, DONETSK, LUHANSK),
                pct("cr", Qualifier.ALL, null, CRIMEA), pct("kh", Qualifier.LESS_THAN, 3.0, KHARKIV));
        // restated: 40,000 + 26,000 + 900 = 66,900 km² = 33.45% of 200,000
        Scenario s = scenario(st, List.of(total("pct", Qualifier.EXACT, 33, AmountUnit.PERCENT),
                total("km2", Qualifier.MORE_THAN, 67_000, AmountUnit.KM2)));
        CheckReport r = check().check(s, restated(s), Set.of(Controller.RU, Controller.UA));
        assertThat(r.claims()).extracting(Claim::id).containsExactly("db", "cr", "kh", "pct", "km2");
        assertThat(r.claims().get(3).value()).isCloseTo(33.45, within(1e-9));
        assertThat(r.claims().get(3).status()).isEqualTo(ClaimStatus.MET);
        assertThat(r.claims().get(4).value()).isCloseTo(66_900, within(1e-6));
        assertThat(r.claims().get(4).status()).isEqualTo(ClaimStatus.NOT_MET);
        // "less than 3%" restated as 3% is the scenario's own figure, not a finding against it
        assertThat(r.claims().get(2).status()).isEqualTo(ClaimStatus.MET);
        assertThat(r.claims().get(2).note()).contains("own figure");
        assertThat(r.measured()).isFalse();
    }

    @Test
    void groupClaimIsTestedAgainstMembersWithTheirOwnFigures() {
        List<ControlStatement> st = List.of(pct("db", Qualifier.EXACT, 80.0, DONETSK, LUHANSK),
                pct("lu", Qualifier.EXACT, 99.0, LUHANSK));
        Scenario s = scenario(st, List.of());
        Claim db = check().check(s, restated(s), Set.of(Controller.RU, Controller.UA)).claims().get(0);
        // 80% of 20,000 + 99% of 30,000 = 45,700 of 50,000
        assertThat(db.value()).isCloseTo(91.4, within(1e-9));
        assertThat(db.status()).isEqualTo(ClaimStatus.NOT_MET);
    }

    // ---- consistency --------------------------------------------------------------------------

    /** A Reuters-like set: crimea all, Donbas 80%, Zaporizhzhia > 70%, Kharkiv < 3%, Mykolaiv a sliver. */
    static List<ControlStatement> reutersLike() {
        return List.of(pct("cr", Qualifier.ALL, null, CRIMEA), pct("db", Qualifier.EXACT, 80.0, DONETSK, LUHANSK),
                pct("za", Qualifier.MORE_THAN, 70.0, ZAPORIZHZHIA), pct("kh", Qualifier.LESS_THAN, 3.0, KHARKIV),
                pct("my", Qualifier.SLIVER, null, MYKOLAIV));
    }

    @Test
    void consistentWhenTotalsMeetThePerRegionRange() {
        // per region: Crimea [25,740, 26,000], Donbas [38,750, 41,250], Zaporizhzhia [17,500, 25,000],
        // Kharkiv [0, 900), Mykolaiv (0, 250], Kyiv 0 → [81,990, 93,400)
        Scenario s = scenario(reutersLike(), List.of(total("pct", Qualifier.EXACT, 44, AmountUnit.PERCENT),
                total("km2", Qualifier.MORE_THAN, 90_000, AmountUnit.KM2)));
        Consistency k = check().check(s, restated(s), Set.of(Controller.RU, Controller.UA)).consistency();
        assertThat(k.impliedRange().min()).isCloseTo(81_990, within(1e-6));
        assertThat(k.impliedRange().max()).isCloseTo(93_400, within(1e-6));
        assertThat(k.impliedRange().minOpen()).isTrue();
        assertThat(k.impliedRange().maxOpen()).isTrue();
        assertThat(k.consistent()).isTrue();
        assertThat(k.conflicts()).isEmpty();
        // 44% ± 2.5 of 200,000 = [83,000, 93,000]; more than 90,000 → [90,000, 93,000]
        assertThat(k.jointRange()).isEqualTo(Interval.closed(90_000, 93_000));
        assertThat(k.notes()).singleElement().asString().contains("Kyiv Oblast").contains("0 km²");
    }

    @Test
    void inconsistentWhenTheHeadlineShareIsFarFromThePerRegionFigures() {
        // the per-region figures imply 41–47% of Ukraine; the headline says 18%
        Scenario s = scenario(reutersLike(), List.of(total("pct", Qualifier.EXACT, 18, AmountUnit.PERCENT),
                total("km2", Qualifier.MORE_THAN, 30_000, AmountUnit.KM2)));
        CheckReport r = check().check(s, restated(s), Set.of(Controller.RU, Controller.UA));
        Consistency k = r.consistency();
        assertThat(k.consistent()).isFalse();
        assertThat(k.conflicts()).hasSize(1);
        assertThat(k.conflicts().get(0)).contains("18%").contains("per-region");
    }

    @Test
    void totalsThatContradictEachOtherAreNamed() {
        Scenario s = scenario(List.of(pct("za", Qualifier.MORE_THAN, 0.0, ZAPORIZHZHIA)),
                List.of(total("pct", Qualifier.EXACT, 5, AmountUnit.PERCENT),
                        total("km2", Qualifier.MORE_THAN, 20_000, AmountUnit.KM2)));
        Consistency k = check().check(s, restated(s), Set.of(Controller.RU, Controller.UA)).consistency();
        assertThat(k.consistent()).isFalse();
        // 5% ± 2.5 = [5,000, 15,000] km² and [20,000, 200,000] are disjoint; each alone overlaps the
        // per-region range [0, 25,000], so only the pair conflicts
        assertThat(k.conflicts()).singleElement().asString().contains("cannot both hold");
    }

    @Test
    void openEndsDecideAConflictAtTheBoundary() {
        // per region: Kharkiv < 3% of 30,000 → [0, 900); a total of "more than 900 km²" cannot hold
        Scenario s = scenario(List.of(pct("kh", Qualifier.LESS_THAN, 3.0, KHARKIV)),
                List.of(total("km2", Qualifier.MORE_THAN, 900, AmountUnit.KM2)));
        assertThat(check().check(s, restated(s), Set.of(Controller.RU)).consistency().consistent()).isFalse();
        Scenario t = scenario(List.of(pct("kh", Qualifier.LESS_THAN, 3.0, KHARKIV)),
                List.of(total("km2", Qualifier.MORE_THAN, 899, AmountUnit.KM2)));
        assertThat(check().check(t, restated(t), Set.of(Controller.RU)).consistency().consistent()).isTrue();
    }

    @Test
    void groupThatItsMembersCannotReachIsAConflict() {
        Scenario s = scenario(List.of(pct("db", Qualifier.EXACT, 80.0, DONETSK, LUHANSK),
                pct("do", Qualifier.LESS_THAN, 10.0, DONETSK), pct("lu", Qualifier.LESS_THAN, 20.0, LUHANSK)),
                List.of());
        Consistency k = check().check(s, restated(s), Set.of(Controller.RU)).consistency();
        assertThat(k.consistent()).isFalse();
        assertThat(k.conflicts()).singleElement().asString().contains("members");
    }

    @Test
    void twoSidesFiguresForTheSameGroupMustLeaveRoomForEachOther() {
        // Russia 80% of Donbas ([77.5, 82.5]%) and Ukraine 50% (Russia [47.5, 52.5]%) cannot both hold
        ControlStatement ru = pct("ru", Qualifier.EXACT, 80.0, DONETSK, LUHANSK);
        ControlStatement ua = st("ua", Qualifier.EXACT, 50.0, AmountUnit.PERCENT, Controller.UA, false, DONETSK,
                LUHANSK);
        Scenario s = scenario(List.of(ru, ua), List.of());
        Consistency k = check().check(s, restated(s), Set.of(Controller.RU, Controller.UA)).consistency();
        assertThat(k.consistent()).isFalse();
        assertThat(k.conflicts()).singleElement().asString().contains("'" + ClaimCheck.text(ru) + "'")
                .contains("'" + ClaimCheck.text(ua) + "'").contains("cannot both hold");
        // Ukraine 20% is Russia's 80% said the other way round
        ControlStatement ua20 = st("ua", Qualifier.EXACT, 20.0, AmountUnit.PERCENT, Controller.UA, false, DONETSK,
                LUHANSK);
        Scenario t = scenario(List.of(ru, ua20), List.of());
        assertThat(check().check(t, restated(t), Set.of(Controller.RU, Controller.UA)).consistency().consistent())
                .isTrue();
    }

    @Test
    void overlappingGroupsThatLeaveTheSharedMemberNoValueConflict() {
        // Donetsk + Luhansk 80% of 50,000 needs Luhansk ≥ 18,750 km² (Donetsk is 20,000); Ukraine holding 90%
        // of Luhansk + Kharkiv leaves Russia at most 12.5% of 60,000 = 7,500 km² there
        ControlStatement dl = pct("dl", Qualifier.EXACT, 80.0, DONETSK, LUHANSK);
        ControlStatement lk = st("lk", Qualifier.EXACT, 90.0, AmountUnit.PERCENT, Controller.UA, false, LUHANSK,
                KHARKIV);
        Scenario s = scenario(List.of(dl, lk), List.of());
        Consistency k = check().check(s, restated(s), Set.of(Controller.RU, Controller.UA)).consistency();
        assertThat(k.consistent()).isFalse();
        assertThat(k.conflicts()).singleElement().asString().contains("share Luhansk")
                .contains("'" + ClaimCheck.text(dl) + "'").contains("'" + ClaimCheck.text(lk) + "'");
        // Ukraine 60% (Russia [22,500, 25,500] km²) leaves room: Luhansk 20,000, Donetsk 20,000, Kharkiv 2,500
        ControlStatement lk60 = st("lk", Qualifier.EXACT, 60.0, AmountUnit.PERCENT, Controller.UA, false, LUHANSK,
                KHARKIV);
        Scenario t = scenario(List.of(dl, lk60), List.of());
        assertThat(check().check(t, restated(t), Set.of(Controller.RU, Controller.UA)).consistency().consistent())
                .isTrue();
    }

    @Test
    void ukrainianHoldingsInUkraineAreTheComplement() {
        // "Ukraine holds about 30% of Donetsk" = Russia holds [67.5, 72.5]% of 20,000 = [13,500, 14,500] km²
        Scenario s = scenario(List.of(st("u", Qualifier.ABOUT, 30.0, AmountUnit.PERCENT, Controller.UA, false,
                DONETSK)), List.of());
        Consistency k = check().check(s, restated(s), Set.of(Controller.RU, Controller.UA)).consistency();
        assertThat(k.impliedRange().min()).isCloseTo(13_500, within(1e-6));
        assertThat(k.impliedRange().max()).isCloseTo(14_500, within(1e-6));
    }
}
