package org.controlmap.geodata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.controlmap.region.Region;
import org.controlmap.region.RegionCatalogue;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/** The fast authalic path agrees with GeographicLib's PolygonArea within 1e-6 relative. */
class GeodesicAreaAccuracyTest {
    private static final GeometryFactory GF = new GeometryFactory();

    private static void assertAgrees(org.locationtech.jts.geom.Geometry g) {
        double ref = GeodesicArea.referenceM2(g);
        double fast = GeodesicArea.m2(g);
        assertThat(Math.abs(fast - ref) / ref).as("relative error for %s", g.getGeometryType()).isLessThan(1e-6);
    }

    @Test
    void everyBundledRegionAgreesWithGeographicLib() {
        for (Region r : RegionCatalogue.bundled().regions()) {
            double ref = GeodesicArea.referenceM2(r.geometry()) / 1e6;
            assertThat(Math.abs(r.areaKm2() - ref) / ref).as(r.iso()).isLessThan(1e-6);
        }
    }

    @Test
    void cellsUpToTheEdgeThresholdAgree() {
        for (double lat = -80; lat <= 80; lat += 10) {
            assertAgrees(box(30, lat, 30 + GeodesicArea.SHORT_EDGE_DEG, lat + GeodesicArea.SHORT_EDGE_DEG));
        }
    }

    @Test
    void longEdgesFallBackToGeographicLib() {
        Polygon big = box(20, 40, 40, 55);
        assertThat(GeodesicArea.m2(big)).isEqualTo(GeodesicArea.referenceM2(big));
    }

    @Test
    void randomStarShapedPolygonsAgree() {
        Random rnd = new Random(42);
        for (int k = 0; k < 200; k++) {
            double cx = 22 + 18 * rnd.nextDouble();
            double cy = 44 + 8 * rnd.nextDouble();
            int n = 5 + rnd.nextInt(300);
            Coordinate[] cs = new Coordinate[n + 1];
            for (int i = 0; i < n; i++) {
                double ang = 2 * Math.PI * i / n;
                double rad = 0.02 + 0.45 * rnd.nextDouble();
                cs[i] = new Coordinate(cx + rad * Math.cos(ang), cy + rad * Math.sin(ang));
            }
            cs[n] = cs[0];
            assertAgrees(GF.createPolygon(cs));
        }
    }

    private static Polygon box(double x0, double y0, double x1, double y1) {
        return GF.createPolygon(new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x1, y0),
            new Coordinate(x1, y1), new Coordinate(x0, y1), new Coordinate(x0, y0)});
    }
}
