package org.controlmap.control.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.controlmap.control.measure.Fixtures.GF;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.controlmap.control.Attribution;
import org.controlmap.control.Controller;
import org.controlmap.region.Region;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.densify.Densifier;

class CellMeterTest {
    // The three fixture regions with kilometre edges like real boundaries (cells cut long edges, which moves
    // a 0.5° geodesic edge's area by about 1e-5 of a region).
    private final ControlOverlay overlay = new ControlOverlay(Fixtures.threeRegions().stream()
            .map(r -> Fixtures.region(r.iso(), r.country(), Densifier.densify(r.geometry(), 0.02), 8000)).toList(),
            16_000);

    /**
     * Held territory with what the cell shortcuts must get right: a jagged front crossing many cells, a hole
     * several cells wide (its inner cells are uncrossed and not held), an island in the hole (uncrossed and
     * held again), a separate part, and a part outside every region.
     */
    private static Geometry held(long seed, double shift) {
        Random rnd = new Random(seed);
        List<Coordinate> shell = new ArrayList<>();
        shell.add(new Coordinate(29.8, 47.7));
        // Jagged front from south to north near 32.3°E (edges of about 1 km).
        for (int k = 0; k <= 180; k++) {
            shell.add(new Coordinate(32.3 + shift + 0.05 * Math.sin(k / 7.0) + 0.01 * rnd.nextDouble(),
                    47.75 + 1.5 * k / 180.0));
        }
        shell.add(new Coordinate(29.8, 49.3));
        shell.add(new Coordinate(29.8, 47.7));
        LinearRing hole = ring(30.2, 31.6, 48.1, 48.9);
        Polygon main = GF.createPolygon(GF.createLinearRing(shell.toArray(Coordinate[]::new)), new LinearRing[] {hole});
        Polygon island = GF.createPolygon(ring(30.3, 30.8, 48.2, 48.8));
        Polygon apart = GF.createPolygon(ring(32.6, 32.95, 48.05, 48.4));
        // Real fronts have edges of about a kilometre; long edges cut at cell borders would move by 1e-6.
        return Densifier.densify(GF.createMultiPolygon(new Polygon[] {main, island, apart}), 0.02);
    }

    /** Region by region, then outside: the exact overlay's strict clip. */
    private double[] exact(Geometry h) {
        Booking b = overlay.book(h, Controller.RU, MeasureOptions.defaults().withAttribution(Attribution.CLIP), true,
                "t");
        double[] out = java.util.Arrays.copyOf(b.inside(), b.inside().length + 1);
        out[out.length - 1] = b.outside();
        return out;
    }

    private static LinearRing ring(double x0, double x1, double y0, double y1) {
        return GF.createLinearRing(new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x1, y0),
                new Coordinate(x1, y1), new Coordinate(x0, y1), new Coordinate(x0, y0)});
    }

    @Test
    void agreesWithTheExactOverlayRegionByRegion() {
        CellMeter meter = new CellMeter(overlay.regions().stream().map(Region::geometry).toList());
        Geometry h = held(1, 0);
        assertThat(h.isValid()).isTrue();
        double[] cells = meter.km2(h, new CellMeter.Batch(), "t");
        double[] exact = exact(h);
        assertThat(cells).hasSameSizeAs(exact);
        for (int i = 0; i < exact.length; i++) {
            // Cutting edges at cell borders into shorter geodesics moves areas by about 1e-6; a cell on the wrong
            // side of the even-odd rule would move them by 500 km².
            assertThat(cells[i]).as("row %d", i).isCloseTo(exact[i], within(1e-5 * exact[i] + 1e-6));
        }
        assertThat(exact[0]).as("8210 km², less 5250 of hole, plus 2460 of island").isBetween(5300.0, 5550.0);
        assertThat(exact[exact.length - 1]).as("outside every region").isGreaterThan(1000);
    }

    @Test
    void reusedCellsGiveTheSameNumbersAsFreshOnes() {
        CellMeter meter = new CellMeter(overlay.regions().stream().map(Region::geometry).toList());
        CellMeter.Batch shared = new CellMeter.Batch();
        for (int day = 0; day < 5; day++) {
            // The front moves a little each day; day 3 repeats day 2 (every crossed cell reused).
            Geometry h = held(7, 0.01 * (day == 3 ? 2 : day));
            double[] reused = meter.km2(h, shared, "t");
            double[] fresh = meter.km2(h, new CellMeter.Batch(), "t");
            double[] exact = exact(h);
            for (int i = 0; i < exact.length; i++) {
                assertThat(reused[i]).as("day %d row %d", day, i).isEqualTo(fresh[i]);
                assertThat(reused[i]).as("day %d row %d", day, i).isCloseTo(exact[i], within(1e-5 * exact[i] + 1e-6));
            }
        }
    }
}
