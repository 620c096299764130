package org.controlmap.control.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.controlmap.control.measure.Fixtures.GF;
import static org.controlmap.control.measure.Fixtures.region;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.controlmap.control.Controller;
import org.controlmap.geodata.InputException;
import org.controlmap.region.Region;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

class BoundarySnapTest {

    /*
     * The inputs of the overlay that crashed `areas --snap-km 2` on DeepStateMap's 2024-11-20 export:
     * HELD is the exact held part of Sevastopol (cut to a small box) and FILL the gap strip to be added, as it
     * came back from the km projection: it crosses itself by a few nanodegrees near 33.3775 44.5858.
     * Plain OverlayNGRobust ("found non-noded intersection") and a 1e-8 snap-rounded overlay ("Ring edge
     * missing") both fail on this pair.
     */
    private static final String HELD = "POLYGON ((33.48715254000007 44.51032135600008, 33.428894689859774"
            + " 44.539692838549364, 33.405276328008505 44.55238811598267, 33.403805137217994 44.55331587973701,"
            + " 33.40255352465501 44.55439553784944, 33.38327334280813 44.57394726261746, 33.38205499996506"
            + " 44.57548358183267, 33.38128014985495 44.577160216685954, 33.38097861996604 44.578912625912274,"
            + " 33.38116201754865 44.58067335134797, 33.38182328279965 44.58237461470085, 33.38293696062623"
            + " 44.58395092664345, 33.38446018052761 44.585341607793694, 33.38633430687472 44.586493124539,"
            + " 33.38848719606096 44.587361149787306, 33.390835973636165 44.58791226931759, 33.40544681100005"
            + " 44.59023672100005, 33.40815733709459 44.59123672100006, 33.488152540000065 44.59123672100006,"
            + " 33.488152540000065 44.509551619209034, 33.48715254000007 44.51032135600008))";
    private static final String FILL = "POLYGON ((33.371104363000086 44.588446356000084, 33.37501061300008"
            + " 44.58539459800006, 33.40544681100005 44.59023672100006, 33.37747601157619 44.58578682054867,"
            + " 33.373305 44.584056000000004, 33.403693999999994 44.553239000000005, 33.42873671421828"
            + " 44.53977248410419, 33.48715254000007 44.510321356000084, 33.37964928500008 44.56452057500008,"
            + " 33.37232506600009 44.57648346600008, 33.37134850400008 44.58795807500008, 33.371104363000086"
            + " 44.588446356000084))";

    @Test
    void overlayThatCrashedSnappingNowSucceeds() throws ParseException {
        WKTReader wkt = new WKTReader();
        Geometry held = wkt.read(HELD);
        Geometry fill = wkt.read(FILL);
        // The pair still defeats both plain methods (else this test would prove nothing).
        assertThatThrownBy(() -> OverlayNGRobust.overlay(held, fill, OverlayNG.UNION))
                .as("fixture no longer fails in this JTS version").isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> OverlayNG.overlay(held, fill, OverlayNG.UNION, new PrecisionModel(1e8)))
                .as("fixture no longer fails in this JTS version").isInstanceOf(RuntimeException.class);

        Geometry u = BoundarySnap.robust(held, fill, OverlayNG.UNION);
        assertThat(u.isValid()).isTrue();
        // A union covers each input and is no more than both together.
        assertThat(u.getArea()).isGreaterThanOrEqualTo(held.getArea() * (1 - 1e-9));
        assertThat(u.getArea()).isLessThan(held.getArea() + Math.abs(fill.getArea()) + 1e-9);
        assertThat(u.covers(held.getInteriorPoint())).isTrue();
        assertThat(u.covers(GF.createPoint(new Coordinate(33.38, 44.57)))).as("inside the fill strip").isTrue();
    }

    @Test
    void everySnapWidthRunsOnMismatchedJaggedBoundaries() {
        // Two regions split by a jagged border near 31.5°E, and held territory whose edge follows a different
        // jagged line near the same border (another source's drawing), with a thin spike across it.
        Random rnd = new Random(20241120);
        List<Coordinate> border = jagged(rnd, 31.5, 0.01);
        List<Coordinate> heldEdge = jagged(rnd, 31.505, 0.012);
        heldEdge.add(heldEdge.size() / 2, new Coordinate(31.9, 48.5 + 1e-3 * Math.PI));
        heldEdge.add(heldEdge.size() / 2 + 1, new Coordinate(31.9, 48.5 + 2e-3 * Math.E));
        List<Region> regions = List.of(
                region("UA-01", "UA", side(border, 30), 16_000),
                region("UA-02", "UA", side(border, 33), 16_000));
        ControlOverlay overlay = new ControlOverlay(regions, 32_000);
        Geometry held = side(heldEdge, 29.9);
        assertThat(held.isValid()).isTrue();
        ControlPolygons cp = ControlPolygons.of(Controller.RU, held, "jagged.geojson");
        Measurement exact = overlay.measure(cp, MeasureOptions.defaults());
        double area01 = regions.get(0).areaKm2();

        for (double d : new double[] {0.1, 0.5, 1, 2, 5, 10, 50}) {
            Measurement m = overlay.measure(cp, MeasureOptions.defaults().withSnapKm(d));
            double ua01 = m.km2("UA-01", Controller.RU);
            assertThat(ua01).as("UA-01 at %s km", d).isLessThanOrEqualTo(area01 * (1 + 1e-9));
            if (d <= 10) {
                // Snapping moves only strips about D wide along the ~130 km border.
                assertThat(ua01).as("UA-01 at %s km", d).isCloseTo(exact.km2("UA-01", Controller.RU),
                        org.assertj.core.data.Offset.offset(4 * d * 130));
            }
        }
        // At 1 km most of the mismatch (gaps up to 1.25 km wide, spill up to 1.3 km deep) follows the border.
        Measurement one = overlay.measure(cp, MeasureOptions.defaults().withSnapKm(1));
        double unheldExact = area01 - exact.km2("UA-01", Controller.RU);
        assertThat(unheldExact).isGreaterThan(5);
        assertThat(area01 - one.km2("UA-01", Controller.RU)).isLessThan(unheldExact / 2);
        assertThat(one.km2("UA-02", Controller.RU)).isLessThan(exact.km2("UA-02", Controller.RU) * 0.7);
    }

    @Test
    void absurdSnapWidthIsOneClearLine() {
        assertThatThrownBy(() -> MeasureOptions.defaults().withSnapKm(60))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("--snap-km 60")
                .hasMessageContaining("at most 50 km")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(MeasureOptions.defaults().withSnapKm(50).snapKm()).isEqualTo(50);
    }

    /** A north–south line from 47.9°N to 49.1°N wandering ±amp° around {@code lon}, vertices every ~1 km. */
    private static List<Coordinate> jagged(Random rnd, double lon, double amp) {
        List<Coordinate> cs = new ArrayList<>();
        for (int k = 0; k <= 130; k++) {
            cs.add(new Coordinate(lon + amp * (2 * rnd.nextDouble() - 1), 47.9 + 1.2 * k / 130.0));
        }
        return cs;
    }

    /** The polygon between a north–south line and the meridian {@code lon}. */
    private static Geometry side(List<Coordinate> line, double lon) {
        List<Coordinate> ring = new ArrayList<>(line);
        ring.add(new Coordinate(lon, line.get(line.size() - 1).y));
        ring.add(new Coordinate(lon, line.get(0).y));
        ring.add(new Coordinate(line.get(0)));
        Geometry p = GF.createPolygon(ring.toArray(Coordinate[]::new));
        return p.norm();
    }
}
