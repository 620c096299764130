package org.controlmap.control.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.controlmap.control.measure.Fixtures.GF;
import static org.controlmap.control.measure.Fixtures.box;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.controlmap.control.Controller;
import org.controlmap.geodata.GeodesicArea;
import org.controlmap.region.Region;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/** The path for held territory of millions of vertices gives what the whole-shape path gives. */
class HeldPiecesTest {

    /**
     * Held territory over the fixture regions with everything the per-region steps book: a jagged front
     * across UA-01 and UA-02, ground spilling south of both into their mismatch zones, a thin strip left along
     * UA-01's western outline (a coast gap), a hole with an island, a part in RU-01 and a part beyond every
     * zone; densified to 200 m edges like the benchmark's 200 MB snapshot.
     */
    private static Geometry held() {
        Random rnd = new Random(7);
        List<Coordinate> shell = new ArrayList<>();
        shell.add(new Coordinate(30.005, 47.95));
        for (int k = 0; k <= 120; k++) {
            shell.add(new Coordinate(31.4 + 0.08 * Math.sin(k / 6.0) + 0.01 * rnd.nextDouble(),
                    47.95 + 1.1 * k / 120.0));
        }
        shell.add(new Coordinate(30.005, 49.05));
        shell.add(new Coordinate(30.005, 47.95));
        LinearRing hole = ring(30.3, 30.9, 48.2, 48.7);
        Polygon main = GF.createPolygon(GF.createLinearRing(shell.toArray(Coordinate[]::new)),
                new LinearRing[] {hole});
        Polygon island = GF.createPolygon(ring(30.5, 30.7, 48.3, 48.5));
        Polygon russia = GF.createPolygon(ring(32.3, 32.7, 48.4, 48.6));
        Polygon far = GF.createPolygon(ring(34.0, 34.2, 45.0, 45.2));
        return Densifier.densify(GF.createMultiPolygon(new Polygon[] {main, island, russia, far}), 0.002);
    }

    private static LinearRing ring(double x0, double x1, double y0, double y1) {
        return GF.createLinearRing(new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x1, y0),
                new Coordinate(x1, y1), new Coordinate(x0, y1), new Coordinate(x0, y0)});
    }

    private static Measurement measure(Geometry h, int largeVertices) {
        ControlOverlay overlay = Fixtures.overlay();
        overlay.largeVertices = largeVertices;
        return overlay.measure(ControlPolygons.of(Controller.RU, h, "t"), MeasureOptions.defaults());
    }

    @Test
    void piecesBookTheSameKm2AsTheWholeShape() {
        Geometry h = held();
        assertThat(h.isValid()).isTrue();
        assertThat(h.getNumPoints()).isGreaterThan(5000);
        Measurement whole = measure(h, Integer.MAX_VALUE);
        Measurement pieces = measure(h, 1);

        assertThat(pieces.parts()).hasSameSizeAs(whole.parts());
        for (int i = 0; i < whole.parts().size(); i++) {
            Measurement.RegionPart w = whole.parts().get(i);
            Measurement.RegionPart p = pieces.parts().get(i);
            assertThat(p.region()).isEqualTo(w.region());
            double tol = 1e-9 * w.region().areaKm2();
            assertThat(p.insideKm2()).as("inside %s", w.region()).isCloseTo(w.insideKm2(), within(tol));
            assertThat(p.movedKm2()).as("moved %s", w.region()).isCloseTo(w.movedKm2(), within(tol));
            assertThat(p.filledKm2()).as("filled %s", w.region()).isCloseTo(w.filledKm2(), within(tol));
            assertThat(GeodesicArea.km2(p.clipped())).isCloseTo(GeodesicArea.km2(w.clipped()), within(tol));
        }
        // What the shape books: ground in the zones, a coast gap, RU-01's part and ground beyond every zone.
        Measurement.RegionPart ua01 = whole.parts().get(0);
        assertThat(ua01.movedKm2()).isGreaterThan(100);
        assertThat(ua01.filledKm2()).isGreaterThan(10);
        assertThat(whole.outsideKm2(Controller.RU)).isGreaterThan(100);
        assertThat(pieces.outsideKm2(Controller.RU)).isCloseTo(whole.outsideKm2(Controller.RU), within(1e-9 * 1000));
        assertThat(whole.allocation().frontKm()).isGreaterThan(100);
        assertThat(pieces.allocation().frontKm()).isCloseTo(whole.allocation().frontKm(), within(1e-9));
    }

    @Test
    void theStripLocatorAnswersAsJtsDoes() {
        Geometry h = held();
        IndexedPointInAreaLocator jts = new IndexedPointInAreaLocator(h);
        StripLocator strips = new StripLocator(h);
        Envelope e = h.getEnvelopeInternal();
        Random rnd = new Random(3);
        List<Coordinate> probes = new ArrayList<>();
        for (int k = 0; k < 20_000; k++) {
            probes.add(new Coordinate(e.getMinX() - 0.1 + rnd.nextDouble() * (e.getWidth() + 0.2),
                    e.getMinY() - 0.1 + rnd.nextDouble() * (e.getHeight() + 0.2)));
        }
        // Vertices and edge midpoints: on the boundary, where a wrong strip would say exterior or interior.
        Coordinate[] cs = h.getCoordinates();
        for (int k = 0; k + 1 < cs.length; k += 7) {
            probes.add(cs[k]);
            probes.add(new Coordinate((cs[k].x + cs[k + 1].x) / 2, (cs[k].y + cs[k + 1].y) / 2));
        }
        int[] seen = new int[3];
        for (Coordinate p : probes) {
            int want = jts.locate(p);
            assertThat(strips.locate(p)).as("%s", p).isEqualTo(want);
            seen[want]++;
        }
        // Location.INTERIOR, BOUNDARY and EXTERIOR are 0, 1 and 2: each probed many times.
        assertThat(seen[0]).isGreaterThan(100);
        assertThat(seen[1]).isGreaterThan(100);
        assertThat(seen[2]).isGreaterThan(100);
    }

    @Test
    void aCutPieceHoldsTheSameGroundInsideItsBox() {
        Geometry h = held();
        Geometry region = box(30, 31, 48, 49);
        Geometry piece = HeldPieces.cut(h, region.getEnvelopeInternal());
        assertThat(piece.getNumPoints()).isLessThan(h.getNumPoints());
        double whole = GeodesicArea.km2(region.intersection(h));
        assertThat(GeodesicArea.km2(region.intersection(piece))).isCloseTo(whole, within(1e-9 * whole));
        assertThat(HeldPieces.cut(h, new Envelope(0, 1, 0, 1)).isEmpty()).isTrue();
        assertThat(HeldPieces.cut(h, new Envelope(0, 40, 40, 50))).isSameAs(h);
    }

    @Test
    void aBoxNoEdgeCrossesIsCutRight() {
        // Boxes inside the held ground, inside its hole, around the island and across the hole's edge: the cut
        // must hold what the whole shape holds there, though no ring, or only a hole, meets the box's edges.
        Geometry h = held();
        for (Envelope e : List.of(new Envelope(30.05, 30.25, 48.0, 48.15), new Envelope(30.32, 30.45, 48.22, 48.28),
                new Envelope(30.45, 30.75, 48.25, 48.55), new Envelope(30.2, 30.4, 48.1, 48.3))) {
            Geometry piece = HeldPieces.within(h, e);
            Geometry b = GF.toGeometry(e);
            // The first three are answered without an overlay (no held edge meets their outline), the last by one.
            assertThat(HeldPieces.meetsOutline(h, e)).as(e.toString()).isEqualTo(e.getMinX() == 30.2);
            assertThat(piece.isValid()).isTrue();
            double whole = GeodesicArea.km2(b.intersection(h));
            assertThat(GeodesicArea.km2(b.intersection(piece))).as(e.toString())
                    .isCloseTo(whole, within(1e-9 * whole + 1e-9));
        }
    }

    @Test
    void boxesThatShareAnEdgeSplitTheGroundBetweenThem() {
        Geometry h = held();
        double whole = GeodesicArea.km2(h);
        double sum = 0;
        for (double x = 29.5; x < 34.5; x += 0.5) {
            for (double y = 44.5; y < 49.5; y += 0.5) {
                sum += GeodesicArea.km2(HeldPieces.within(h, new Envelope(x, x + 0.5, y, y + 0.5)));
            }
        }
        assertThat(sum).isCloseTo(whole, within(1e-9 * whole));
    }

    @Test
    void heldMinusAReachTileByTileIsTheOneDifference() {
        // The reach covers the hole's middle, crosses the jagged front and five tile lines, and misses the
        // parts in the east: what is left spans many tiles, some whole, some cut.
        Geometry h = held();
        Geometry reach = box(29.7, 31.9, 47.6, 48.45).union(box(30.6, 32.5, 48.9, 49.3));
        Geometry one = h.difference(reach);
        Geometry tiled = HeldPieces.minus(h, reach,
                PreparedGeometryFactory.prepare(reach));
        double km2 = GeodesicArea.km2(one);
        assertThat(km2).isGreaterThan(1000);
        assertThat(tiled.isValid()).isTrue();
        assertThat(GeodesicArea.km2(tiled)).isCloseTo(km2, within(1e-9 * km2));
        assertThat(GeodesicArea.km2(tiled.symDifference(one))).isLessThan(1e-6);
        assertThat(HeldPieces.minus(h, GF.toGeometry(new Envelope(29, 35, 44, 50)),
                PreparedGeometryFactory.prepare(GF.toGeometry(new Envelope(29, 35,
                        44, 50)))).isEmpty()).isTrue();
    }

    @Test
    void seriesBooksALargeShapeAsAreasDoes() {
        Geometry h = held();
        MeasureOptions o = MeasureOptions.defaults().withFront(true);
        Measurement areas = measure(h, Integer.MAX_VALUE);
        ControlOverlay pieces = Fixtures.overlay();
        pieces.largeVertices = 1;
        Booking got = pieces.book(h, Controller.RU, o, new CellMeter.Batch(), "t");
        Booking cells = Fixtures.overlay().book(h, Controller.RU, o, new CellMeter.Batch(), "t");
        List<Region> regions = pieces.regions();
        int seen = 0;
        for (Measurement.RegionPart p : areas.parts()) {
            int i = regions.indexOf(p.region());
            double tol = 1e-9 * p.region().areaKm2();
            assertThat(got.inside()[i]).as("inside %s", p.region()).isCloseTo(p.insideKm2(), within(tol));
            assertThat(got.moved()[i]).as("moved %s", p.region()).isCloseTo(p.movedKm2(), within(tol));
            assertThat(got.filled()[i]).as("filled %s", p.region()).isCloseTo(p.filledKm2(), within(tol));
            // The cells cut an edge at a cell border into two geodesics: the same held km² within 1e-5.
            assertThat(got.heldKm2(i)).isCloseTo(cells.heldKm2(i), within(1e-5 * cells.heldKm2(i) + 1e-6));
            seen++;
        }
        assertThat(seen).isGreaterThanOrEqualTo(2);
        assertThat(got.outside()).isGreaterThan(100).isCloseTo(areas.outsideKm2(Controller.RU), within(1e-6));
        assertThat(got.frontKm()).isCloseTo(areas.allocation().frontKm(), within(1e-9));
        assertThat(got.frontKm()).isCloseTo(cells.frontKm(), within(1e-9));
    }
}
