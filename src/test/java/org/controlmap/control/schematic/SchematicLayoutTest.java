package org.controlmap.control.schematic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.controlmap.control.Allocation;
import org.controlmap.control.Controller;
import org.controlmap.control.RegionControl;
import org.controlmap.geodata.GeodesicArea;
import org.controlmap.region.AreaBasis;
import org.controlmap.region.CountryOutline;
import org.controlmap.region.Region;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Schematic pieces on synthetic regions (boxes, an L, a U, a region with an
 * island) next to a synthetic "Russia" east of lon 42 and "Ukraine" west of it.
 */
class SchematicLayoutTest {
    private static final GeometryFactory GF = new GeometryFactory();
    /** Russia: lon 42–45, lat 45–52. */
    private static final Geometry RUSSIA = box(42, 45, 45, 52);
    private static final List<CountryOutline> OUTLINES = List.of(
            new CountryOutline("RU", "Russia", RUSSIA),
            new CountryOutline("UA", "Ukraine", box(35, 42, 45, 52)));
    private static final SchematicLayout LAYOUT = new SchematicLayout(OUTLINES);

    static Geometry box(double x0, double x1, double y0, double y1) {
        return GF.toGeometry(new org.locationtech.jts.geom.Envelope(x0, x1, y0, y1));
    }

    static Polygon poly(double... xy) {
        Coordinate[] cs = new Coordinate[xy.length / 2 + 1];
        for (int i = 0; i < xy.length / 2; i++) {
            cs[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
        }
        cs[cs.length - 1] = cs[0];
        return GF.createPolygon(cs);
    }

    static Region region(String iso, String country, String name, Geometry g) {
        double km2 = GeodesicArea.km2(g);
        return new Region(iso, country, "oblast", name, name, name, g, km2, km2, "test");
    }

    static RegionControl row(Region r, Controller c, double pct) {
        return new RegionControl(r, c, pct, pct / 100 * r.areaKm2(), AreaBasis.GEOMETRY, pct + "%", "", null);
    }

    static Allocation allocation(RegionControl... rows) {
        return new Allocation(List.of(rows), List.of(), AreaBasis.GEOMETRY, null, "test", false);
    }

    /** The invariants every non-whole piece must meet. */
    static void assertGoodPiece(SchematicPiece p) {
        Region r = p.region();
        // Checked against GeographicLib's PolygonArea run directly (not the fast path the layout uses).
        double regionKm2 = GeodesicArea.referenceM2(r.geometry()) / 1e6;
        double pieceKm2 = GeodesicArea.referenceM2(p.geometry()) / 1e6;
        assertThat(p.targetKm2()).isCloseTo(regionKm2 * p.share(), within(1e-6 * regionKm2));
        assertThat(pieceKm2).as("%s geodesic area vs target", r)
                .isCloseTo(regionKm2 * p.share(), within((SchematicLayout.AREA_TOLERANCE + 2e-6) * p.targetKm2()));
        assertThat(p.areaKm2()).isCloseTo(pieceKm2, within(1e-6 * pieceKm2));
        assertThat(GeodesicArea.km2(p.geometry().difference(r.geometry())))
                .as("%s piece outside its region", r).isLessThan(1e-6 * r.areaKm2());
        assertThat(p.geometry().isValid()).isTrue();
        if (!p.whole()) {
            assertThat(p.geometry()).as("%s contiguous", r).isInstanceOf(Polygon.class);
        }
    }

    @Test
    void pieceNextToRussiaHasTheShareAndGrowsFromTheBorder() {
        Region a = region("T-A", "UA", "Alpha", box(41, 42, 47.5, 48.5));
        // 40 % and more: a band along the whole border (at least MIN_BAND_M deep).
        for (double pct : new double[] {40, 75, 99}) {
            SchematicPiece p = LAYOUT.pieces(allocation(row(a, Controller.RU, pct))).get(0);
            assertGoodPiece(p);
            assertThat(p.grownFrom()).isEqualTo("border with Russia");
            assertThat(p.geometry().distance(RUSSIA)).isLessThan(1e-9);
            // A band along the eastern border: its centroid is east of the region's.
            assertThat(p.geometry().getCentroid().getX()).isGreaterThan(a.geometry().getCentroid().getX());
            // Nothing of the band lies farther west than its width allows.
            double westEdge = p.geometry().getEnvelopeInternal().getMinX();
            assertThat(42 - westEdge).isCloseTo(pct / 100, within(0.02));
        }
    }

    @Test
    void smallShareGrowsAsACompactPieceFromTheMiddleOfTheBorder() {
        // Alpha's border with Russia runs 111 km north-south (lat 47.5-48.5);
        // 10 % along all of it would be a 7 km band, 0.5 % a 370 m one.
        Region a = region("T-A", "UA", "Alpha", box(41, 42, 47.5, 48.5));
        for (double pct : new double[] {0.5, 10}) {
            SchematicPiece p = LAYOUT.pieces(allocation(row(a, Controller.RU, pct))).get(0);
            assertGoodPiece(p);
            assertThat(p.grownFrom()).isEqualTo("border with Russia");
            assertThat(p.geometry().distance(RUSSIA)).isLessThan(1e-9);
            Envelope e = p.geometry().getEnvelopeInternal();
            double depthKm = (42 - e.getMinX()) * 111.32 * Math.cos(Math.toRadians(48));
            double spanKm = e.getHeight() * 111.2;
            double areaKm2 = p.areaKm2();
            // About half as deep as the stretch it grows from is long, so about
            // a quarter as deep as its span along the border (caps included).
            double stretchKm = Math.sqrt(areaKm2 / (0.5 + Math.PI / 8));
            assertThat(depthKm).as("%s%% depth", pct).isCloseTo(stretchKm / 2, within(0.25 * stretchKm));
            assertThat(spanKm).as("%s%% span", pct).isCloseTo(2 * stretchKm, within(0.25 * stretchKm));
            assertThat(spanKm).isLessThan(111 * 0.6);
            // Centred on the middle of the border.
            assertThat(e.centre().y).isCloseTo(48.0, within(0.02));
            if (pct == 10) {
                assertThat(depthKm).isGreaterThan(SchematicLayout.MIN_BAND_M / 1000);
            }
        }
    }

    @Test
    void wholeAndEmptyShares() {
        Region a = region("T-A", "UA", "Alpha", box(41, 42, 47.5, 48.5));
        Region b = region("T-B", "UA", "Beta", box(40, 41, 47.5, 48.5));
        Region c = region("T-C", "UA", "Gamma", box(39, 40, 47.5, 48.5));
        List<SchematicPiece> ps = LAYOUT.pieces(allocation(
                row(a, Controller.RU, 99.95), row(b, Controller.RU, 0), row(c, Controller.RU, 20)));
        assertThat(ps).extracting(p -> p.region().iso()).containsExactly("T-A", "T-C");
        assertThat(ps.get(0).whole()).isTrue();
        assertThat(ps.get(0).geometry()).isSameAs(a.geometry());
        assertThat(ps.get(0).areaKm2()).isEqualTo(a.areaKm2());
        assertGoodPiece(ps.get(1));
    }

    @Test
    void neighbourGrowsFromThePieceAlreadyLaidOut() {
        Region a = region("T-A", "UA", "Alpha", box(41, 42, 47.5, 48.5));
        // Beta touches Alpha only along lat 47.5–48.0 of their shared edge.
        Region b = region("T-B", "UA", "Beta", box(40, 41, 46.5, 48.0));
        List<SchematicPiece> ps = LAYOUT.pieces(allocation(row(b, Controller.RU, 30), row(a, Controller.RU, 100)));
        assertThat(ps).extracting(p -> p.region().iso()).containsExactly("T-B", "T-A");
        SchematicPiece pb = ps.get(0);
        assertGoodPiece(pb);
        assertThat(pb.grownFrom()).isEqualTo("Alpha");
        assertThat(pb.geometry().distance(a.geometry())).isLessThan(1e-9);
        // Grows from the shared stretch (NE corner), so it lies in Beta's north-east.
        assertThat(pb.geometry().getCentroid().getX()).isGreaterThan(40.5);
        assertThat(pb.geometry().getCentroid().getY()).isGreaterThan(47.25);
    }

    /** Beta's piece at pct, Beta (lon 39-41) lying between all-held Alpha (38-39) and Gamma (41-42, on Russia). */
    private static SchematicPiece betweenHeldNeighbours(double pct) {
        Region a = region("T-A", "UA", "Alpha", box(38, 39, 47.5, 48.5));
        Region b = region("T-B", "UA", "Beta", box(39, 41, 47.5, 48.5));
        Region c = region("T-C", "UA", "Gamma", box(41, 42, 47.5, 48.5));
        return LAYOUT.pieces(allocation(
                row(a, Controller.RU, 100), row(b, Controller.RU, pct), row(c, Controller.RU, 100))).get(1);
    }

    @Test
    void pieceBetweenTwoHeldNeighboursJoinsThemAlongTheShorterWayRound() {
        // Beta (150 km wide) between all-held Alpha (west) and Gamma (east, on the
        // Russian border). 30 % as two bands, one from each side, would be 22 km
        // deep each and never meet: the piece joins them along Beta's boundary
        // instead, leaving open the longest unheld stretch (the southern edge,
        // longer than the northern one on the ellipsoid).
        SchematicPiece pb = betweenHeldNeighbours(30);
        assertGoodPiece(pb);
        assertThat(pb.grownFrom()).contains("Alpha").contains("Gamma");
        assertThat(pb.geometry().distance(box(38, 39, 47.5, 48.5))).isLessThan(1e-9);
        assertThat(pb.geometry().distance(box(41, 42, 47.5, 48.5))).isLessThan(1e-9);
        // A band along the northern edge: nothing held along the southern one.
        assertThat(pb.geometry().getCentroid().getY()).isGreaterThan(48.0);
        assertThat(pb.geometry().intersects(box(39.5, 40.5, 47.5, 47.6))).isFalse();
    }

    @Test
    void twoBandsThatMeetStayAsTheyGrew() {
        // At 80 % the bands from Alpha and Gamma meet in the middle: the piece is
        // Beta but a central hole's worth of its northern and southern edges,
        // i.e. it touches both neighbours along their whole shared borders.
        SchematicPiece pb = betweenHeldNeighbours(80);
        assertGoodPiece(pb);
        Geometry west = GF.createLineString(new Coordinate[] {new Coordinate(39, 47.5), new Coordinate(39, 48.5)});
        Geometry east = GF.createLineString(new Coordinate[] {new Coordinate(41, 47.5), new Coordinate(41, 48.5)});
        assertThat(pb.geometry().getBoundary().buffer(1e-9).covers(west)).isTrue();
        assertThat(pb.geometry().getBoundary().buffer(1e-9).covers(east)).isTrue();
        // Symmetric about Beta's centre line (both sides grew by the same distance).
        assertThat(pb.geometry().getCentroid().getX()).isCloseTo(40, within(0.02));
    }

    @Test
    void piecesContinueAcrossTheBorderWhenTheNeighboursPieceReachesIt() {
        Region a = region("T-A", "UA", "Alpha", box(41, 42, 47.5, 48.5));
        Region b = region("T-B", "UA", "Beta", box(40, 41, 47.5, 48.5));
        // Alpha at 60 %: a band along Russia that stops short of Beta; Beta has no
        // border with Russia, so it grows from its whole border with Alpha.
        List<SchematicPiece> ps = LAYOUT.pieces(allocation(row(a, Controller.RU, 60), row(b, Controller.RU, 30)));
        assertGoodPiece(ps.get(0));
        assertGoodPiece(ps.get(1));
        assertThat(ps.get(0).geometry().distance(b.geometry())).isGreaterThan(0.1);
        assertThat(ps.get(1).grownFrom()).isEqualTo("Alpha");
        assertThat(ps.get(1).geometry().getEnvelopeInternal().getMaxX()).isCloseTo(41, within(1e-9));
    }

    @Test
    void equalSharesGoNextToTheMostHeldNeighbourFirst() {
        // Gamma | Alpha (100 %, by Russia) side by side; Beta south-west of Gamma,
        // touching Gamma but nothing else held. Gamma and Beta both at 70 %:
        // Gamma (next to all-held Alpha) must go first so that Beta can grow from
        // Gamma's piece; in row order Beta would come first and find nothing.
        Region alpha = region("T-A", "UA", "Alpha", box(41, 42, 47.5, 48.5));
        Region gamma = region("T-C", "UA", "Gamma", box(40, 41, 47.5, 48.5));
        Region beta = region("T-B", "UA", "Beta", box(39.5, 40.5, 46.5, 47.5));
        List<SchematicPiece> ps = LAYOUT.pieces(allocation(
                row(alpha, Controller.RU, 100), row(beta, Controller.RU, 70), row(gamma, Controller.RU, 70)));
        SchematicPiece pb = ps.get(1);
        SchematicPiece pg = ps.get(2);
        assertThat(pg.grownFrom()).isEqualTo("Alpha");
        assertThat(pb.grownFrom()).contains("Gamma");
        assertGoodPiece(pb);
        assertGoodPiece(pg);
        assertThat(pb.geometry().distance(pg.geometry())).isLessThan(1e-9);
    }

    @Test
    void regionWithAnIslandGrowsInTheMainlandAndIsWholeOnlyWhenAllHeld() {
        Geometry mainland = box(41, 42, 47.5, 48.5);
        Geometry island = box(40.2, 40.4, 47.0, 47.1);
        Region r = region("T-I", "UA", "Insula", GF.createMultiPolygon(
                new Polygon[] {(Polygon) island, (Polygon) mainland}));
        for (double pct : new double[] {0.5, 70, 97}) {
            SchematicPiece p = LAYOUT.pieces(allocation(row(r, Controller.RU, pct))).get(0);
            assertGoodPiece(p);
            assertThat(p.geometry().intersects(island)).isFalse();
        }
        SchematicPiece all = LAYOUT.pieces(allocation(row(r, Controller.RU, 100))).get(0);
        assertThat(all.whole()).isTrue();
        assertThat(all.geometry().getNumGeometries()).isEqualTo(2);
        // More than the mainland holds: the piece must take in the island too.
        double mainShare = GeodesicArea.km2(mainland) / r.areaKm2();
        SchematicPiece over = LAYOUT.pieces(allocation(row(r, Controller.RU, 100 * mainShare + 0.2 * (100 - 100
                * mainShare)))).get(0);
        assertThat(over.areaKm2()).isCloseTo(over.targetKm2(), within(SchematicLayout.AREA_TOLERANCE
                * over.targetKm2()));
        assertThat(over.geometry().intersects(island)).isTrue();
    }

    @Test
    void shortSeedEdgeStillReachesSeventyPercent() {
        // An L: a long arm west to lon 38 along lat 47–47.3, and a short stub touching
        // Russia at lon 42 only for lat 47–47.3 (about 33 km).
        Polygon l = poly(38, 47, 42, 47, 42, 47.3, 38.6, 47.3, 38.6, 49, 38, 49);
        Region r = region("T-L", "UA", "Ell", l);
        for (double pct : new double[] {0.5, 70, 95}) {
            SchematicPiece p = LAYOUT.pieces(allocation(row(r, Controller.RU, pct))).get(0);
            assertGoodPiece(p);
            assertThat(p.geometry().distance(RUSSIA)).isLessThan(1e-9);
        }
    }

    @Test
    void pieceStaysConnectedWhenTheBufferJumpsAGap() {
        // A U whose prongs are 0.03° (about 2.2 km) apart; Russia lies north of the
        // right prong only. Growing down the right prong, the buffer crosses the gap
        // into the left prong long before the piece gets there round the bottom.
        Polygon u = poly(40, 46, 42, 46, 42, 49, 41.015, 49, 41.015, 46.5, 40.985, 46.5, 40.985, 49, 40, 49);
        Region r = region("T-U", "UA", "Upsilon", u);
        // Ukraine's outline all round, so the U's boundary is land, not coast (coast next to
        // held ground would seed the piece all along it).
        SchematicLayout layout = new SchematicLayout(List.of(new CountryOutline("RU", "Russia",
                box(41.015, 42, 49, 50)), new CountryOutline("UA", "Ukraine", box(35, 42, 45, 52))));
        Geometry leftProngTop = box(40, 40.985, 48, 49);
        for (double pct : new double[] {5, 20, 45}) {
            SchematicPiece p = layout.pieces(allocation(row(r, Controller.RU, pct))).get(0);
            assertGoodPiece(p);
            assertThat(p.grownFrom()).isEqualTo("border with Russia");
            assertThat(p.geometry().intersects(leftProngTop)).as("%s%% jumped the gap", pct).isFalse();
        }
    }

    @Test
    void isolatedRegionGrowsFromItsPointNearestTheHolder() {
        // 0.5° of sea (about 37 km) between the region and Russia.
        Region r = region("T-S", "UA", "Sigma", box(40.5, 41.5, 47, 48));
        Geometry nearestEdge = box(41.45, 41.5, 47, 48);
        SchematicPiece p = LAYOUT.pieces(allocation(row(r, Controller.RU, 10))).get(0);
        assertGoodPiece(p);
        assertThat(p.grownFrom()).isEqualTo("nearest point to Russia");
        assertThat(p.geometry().intersects(nearestEdge)).isTrue();
        assertThat(p.geometry().distance(RUSSIA)).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void withoutAnyHolderTerritoryThePieceGrowsFromTheCentre() {
        Region r = region("T-A", "UA", "Alpha", box(41, 42, 47.5, 48.5));
        SchematicPiece p = new SchematicLayout(List.of()).pieces(allocation(row(r, Controller.RU, 20))).get(0);
        assertGoodPiece(p);
        assertThat(p.grownFrom()).isEqualTo("region centre");
        assertThat(p.geometry().contains(r.geometry().getInteriorPoint())).isTrue();
        assertThat(p.geometry().getBoundary().intersects(r.geometry().getBoundary())).isFalse();
    }

    @Test
    void ukrainianControlInRussiaGrowsFromUkraine() {
        Region k = region("T-K", "RU", "Kappa", box(42, 43, 48, 49));
        SchematicPiece p = LAYOUT.pieces(allocation(row(k, Controller.UA, 3))).get(0);
        assertGoodPiece(p);
        assertThat(p.controller()).isEqualTo(Controller.UA);
        assertThat(p.grownFrom()).isEqualTo("border with Ukraine");
        assertThat(p.geometry().getEnvelopeInternal().getMinX()).isCloseTo(42, within(1e-9));
        // 3 % (247 km²) is a compact piece about 8 km deep (0.11° of longitude), not a 2 km band.
        assertThat(p.geometry().getEnvelopeInternal().getMaxX()).isBetween(42.08, 42.16);
        assertThat(p.geometry().getEnvelopeInternal().getHeight()).isLessThan(0.4);
    }

    @Test
    void sameInputSameGeometries() {
        Region a = region("T-A", "UA", "Alpha", box(41, 42, 47.5, 48.5));
        Region b = region("T-B", "UA", "Beta", box(40, 41, 46.5, 48.0));
        Allocation al = allocation(row(b, Controller.RU, 30), row(a, Controller.RU, 55));
        List<SchematicPiece> one = LAYOUT.pieces(al);
        List<SchematicPiece> two = new SchematicLayout(OUTLINES).pieces(al);
        List<Boolean> same = new ArrayList<>();
        for (int i = 0; i < one.size(); i++) {
            same.add(one.get(i).geometry().equalsExact(two.get(i).geometry()));
        }
        assertThat(same).containsOnly(true);
    }

    @Test
    void laidOutConcurrentlyAsOneAtATime() {
        // Alpha borders Russia; Beta borders Alpha (waits for its piece); Kappa is
        // Russian and held by Ukraine (independent); Sigma touches nothing and is
        // far from every other region, so it grows from the nearest point of all
        // Russia holds, Alpha's and Beta's pieces included, laid out again once
        // they are done.
        Region a = region("T-A", "UA", "Alpha", box(41, 42, 47.5, 48.5));
        Region b = region("T-B", "UA", "Beta", box(40, 41, 47.5, 48.5));
        Region k = region("T-K", "RU", "Kappa", box(42, 43, 48, 49));
        Region s = region("T-S", "UA", "Sigma", box(36, 37, 46, 47));
        Allocation al = allocation(row(a, Controller.RU, 60), row(b, Controller.RU, 40), row(k, Controller.UA, 3),
                row(s, Controller.RU, 10));
        List<SchematicPiece> one = new SchematicLayout(OUTLINES, Runnable::run).pieces(al);
        List<SchematicPiece> many = new SchematicLayout(OUTLINES, new java.util.concurrent.ForkJoinPool(3)).pieces(al);
        assertThat(many).hasSameSizeAs(one).hasSize(4);
        for (int i = 0; i < one.size(); i++) {
            SchematicPiece p = one.get(i);
            SchematicPiece q = many.get(i);
            assertThat(q.region()).isSameAs(p.region());
            assertThat(q.grownFrom()).isEqualTo(p.grownFrom());
            assertThat(q.areaKm2()).isEqualTo(p.areaKm2());
            assertThat(q.geometry().equalsExact(p.geometry())).as(p.region().iso()).isTrue();
        }
        assertThat(many.get(1).grownFrom()).isEqualTo("Alpha");
        assertThat(many.get(3).grownFrom()).isEqualTo("nearest point to Russia + Alpha + Beta");
    }
}
