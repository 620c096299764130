package org.controlmap.geodata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.sf.geographiclib.Geodesic;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Checks {@link GeodesicArea} against a closed form it does not use: the area
 * of a latitude/longitude quadrangle on the ellipsoid,
 * <pre>
 *   A = (b²/2) · Δλ · [f(φ₂) − f(φ₁)],
 *   f(φ) = sin φ / (1 − e² sin² φ) + (1/(2e)) · ln((1 + e sin φ) / (1 − e sin φ)),
 * </pre>
 * with b the polar semi-axis, e the eccentricity and Δλ in radians (the
 * integral of the ellipsoid's area element (a²(1−e²) cos φ / (1 − e² sin² φ)²)
 * dφ dλ; Snyder, "Map Projections — A Working Manual", 1987, eq. 3-12 gives
 * the same q(φ) = (1−e²)·f(φ)). A polygon whose edges follow the parallels in
 * 0.001° steps is, to about 1e-9, that quadrangle, because a geodesic between
 * points 0.001° apart strays from the parallel by millimetres.
 */
class GeodesicAreaTest {
    private static final GeometryFactory GF = new GeometryFactory();
    private static final double A = Geodesic.WGS84.EquatorialRadius();
    private static final double F = Geodesic.WGS84.Flattening();
    private static final double E2 = F * (2 - F);
    private static final double E = Math.sqrt(E2);
    private static final double B = A * (1 - F);

    /** Target of the issue: 1e-6 relative; the densified quadrangle agrees far better, so test tighter. */
    private static final double REL = 1e-7;
    /** For 1° cells densified to 0.001°: measured agreement is about 2e-11. */
    private static final double TIGHT = 1e-9;

    static double f(double phiDeg) {
        double s = Math.sin(Math.toRadians(phiDeg));
        return s / (1 - E2 * s * s) + Math.log((1 + E * s) / (1 - E * s)) / (2 * E);
    }

    /** Exact area of the quadrangle between two parallels and two meridians, in m². */
    static double quadrangleM2(double lon1, double lat1, double lon2, double lat2) {
        return B * B / 2 * Math.toRadians(lon2 - lon1) * (f(lat2) - f(lat1));
    }

    /** The quadrangle as a polygon, each edge cut into steps of at most {@code step} degrees; counter-clockwise. */
    static Polygon cell(double lon1, double lat1, double lon2, double lat2, double step) {
        return GF.createPolygon(ring(lon1, lat1, lon2, lat2, step, false));
    }

    static LinearRing ring(double lon1, double lat1, double lon2, double lat2, double step, boolean clockwise) {
        List<Coordinate> cs = new ArrayList<>();
        edge(cs, lon1, lat1, lon2, lat1, step);
        edge(cs, lon2, lat1, lon2, lat2, step);
        edge(cs, lon2, lat2, lon1, lat2, step);
        edge(cs, lon1, lat2, lon1, lat1, step);
        cs.add(new Coordinate(lon1, lat1));
        if (clockwise) {
            Collections.reverse(cs);
        }
        return GF.createLinearRing(cs.toArray(Coordinate[]::new));
    }

    private static void edge(List<Coordinate> cs, double x1, double y1, double x2, double y2, double step) {
        int n = (int) Math.ceil(Math.max(Math.abs(x2 - x1), Math.abs(y2 - y1)) / step - 1e-9);
        for (int i = 0; i < n; i++) {
            double t = (double) i / n;
            cs.add(new Coordinate(x1 + t * (x2 - x1), y1 + t * (y2 - y1)));
        }
    }

    static void assertRelative(double actual, double expected, double rel) {
        assertThat(Math.abs(actual - expected) / Math.abs(expected))
                .as("%s vs %s", actual, expected).isLessThan(rel);
    }

    @Test
    void theClosedFormGivesTheEllipsoidsSurface() {
        // WGS84 surface area 510,065,621.724 km² (GeographicLib's Geodesic.EllipsoidArea); checks f() itself
        assertRelative(quadrangleM2(-180, -90, 180, 90) / 1e6, 510_065_621.724, 1e-10);
        assertRelative(quadrangleM2(-180, -90, 180, 90), Geodesic.WGS84.EllipsoidArea(), 1e-12);
    }

    @Test
    void oneDegreeCellAtTheEquator() {
        double exact = quadrangleM2(30, 0, 31, 1);
        // b²·Δλ·Δφ·(1 − Δφ²/6 + ...) by hand: 12,308.46 km² (the "≈ 12,308.8" was a rough figure)
        assertThat(exact / 1e6).isCloseTo(12_308.46, within(0.01));
        Polygon dense = cell(30, 0, 31, 1, 0.001);
        assertRelative(GeodesicArea.m2(dense), exact, TIGHT);
        assertRelative(GeodesicArea.referenceM2(dense), exact, TIGHT);
        assertThat(GeodesicArea.km2(dense)).isCloseTo(GeodesicArea.m2(dense) / 1e6, within(1e-9));
        // with only its 4 corners the northern edge is a geodesic, which bows poleward of the parallel:
        // more area, by the lens between them (≈ L³·tan φ / 12R ≈ 0.3 km²)
        double corners = GeodesicArea.m2(cell(30, 0, 31, 1, 1));
        assertThat(corners - exact).isBetween(0.1e6, 0.6e6);
    }

    @Test
    void oneDegreeCellAt50North() {
        double exact = quadrangleM2(30, 50, 31, 51);
        assertThat(exact / 1e6).isBetween(7_700.0, 7_900.0);
        Polygon dense = cell(30, 50, 31, 51, 0.001);
        assertRelative(GeodesicArea.m2(dense), exact, TIGHT);
        assertRelative(GeodesicArea.referenceM2(dense), exact, TIGHT);
    }

    @Test
    void smallAndLargeCellsAcrossUkrainesLatitudes() {
        for (double lat = 44; lat <= 52; lat += 2) {
            // a 0.1° cell (short edges, fast path) and a 3° cell (long edges, GeographicLib)
            assertRelative(GeodesicArea.m2(cell(35, lat, 35.1, lat + 0.1, 0.001)),
                    quadrangleM2(35, lat, 35.1, lat + 0.1), REL);
            assertRelative(GeodesicArea.m2(cell(22, lat, 25, lat + 3, 0.01)),
                    quadrangleM2(22, lat, 25, lat + 3), REL);
        }
    }

    @Test
    void aHoleIsSubtracted() {
        LinearRing outer = ring(30, 50, 31, 51, 0.001, false);
        LinearRing hole = ring(30.25, 50.25, 30.75, 50.75, 0.001, true);
        Polygon withHole = GF.createPolygon(outer, new LinearRing[] {hole});
        double expected = quadrangleM2(30, 50, 31, 51) - quadrangleM2(30.25, 50.25, 30.75, 50.75);
        assertRelative(GeodesicArea.m2(withHole), expected, REL);
        assertThat(GeodesicArea.m2(withHole)).isLessThan(GeodesicArea.m2(GF.createPolygon(outer)));
    }

    @Test
    void aMultiPolygonIsTheSumOfItsParts() {
        Polygon a = cell(30, 50, 31, 51, 0.001);
        Polygon b = cell(33, 46, 35, 47, 0.001);
        Geometry both = GF.createMultiPolygon(new Polygon[] {a, b});
        assertRelative(GeodesicArea.m2(both), quadrangleM2(30, 50, 31, 51) + quadrangleM2(33, 46, 35, 47), REL);
        assertThat(GeodesicArea.m2(both)).isCloseTo(GeodesicArea.m2(a) + GeodesicArea.m2(b), within(1e-3));
        Geometry collection = GF.createGeometryCollection(new Geometry[] {a, GF.createPoint(new Coordinate(1, 1)), b});
        assertThat(GeodesicArea.m2(collection)).isCloseTo(GeodesicArea.m2(both), within(1e-3));
    }

    @Test
    void orientationDoesNotMatter() {
        for (double step : new double[] {0.001, 1.0}) { // short-edge and long-edge paths
            Polygon ccw = GF.createPolygon(ring(30, 50, 31, 51, step, false));
            Polygon cw = GF.createPolygon(ring(30, 50, 31, 51, step, true));
            assertThat(GeodesicArea.m2(cw)).isCloseTo(GeodesicArea.m2(ccw), within(1e-6 * GeodesicArea.m2(ccw)));
            assertThat(GeodesicArea.m2(cw)).isPositive().isLessThan(1e10);
        }
    }

    @Test
    void emptyAndNonPolygonalGeometriesHaveNoArea() {
        assertThat(GeodesicArea.m2(GF.createPolygon())).isZero();
        assertThat(GeodesicArea.m2(GF.createMultiPolygon())).isZero();
        assertThat(GeodesicArea.m2(null)).isZero();
        assertThat(GeodesicArea.m2(GF.createLineString(new Coordinate[] {new Coordinate(30, 50),
                new Coordinate(31, 51)}))).isZero();
    }
}
