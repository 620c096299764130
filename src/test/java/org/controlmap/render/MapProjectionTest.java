package org.controlmap.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.sf.geographiclib.Geodesic;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

class MapProjectionTest {
    private final MapProjection p = new MapProjection();

    @Test
    void originIsOnTheCentralMeridianAtTheLatitudeOfOrigin() {
        Coordinate c = p.project(32, 48.5);
        assertThat(c.x).isCloseTo(0, within(1e-6));
        assertThat(c.y).isCloseTo(0, within(1e-6));
        Coordinate east = p.project(36, 48.5);
        assertThat(east.x).isGreaterThan(250_000).isLessThan(320_000); // 4° of longitude ≈ 296 km at 48.5°N
    }

    @Test
    void scaleIsTrueOnTheStandardParallelsAndSmallerBetweenThem() {
        // Lambert conformal conic: k = 1 exactly on the two standard parallels (Snyder 1987, §15).
        assertThat(p.scaleFactor(46)).isCloseTo(1, within(1e-6));
        assertThat(p.scaleFactor(51)).isCloseTo(1, within(1e-6));
        assertThat(p.scaleFactor(48.5)).isLessThan(0.9995).isGreaterThan(0.998);
        assertThat(p.scaleFactor(44)).isGreaterThan(1);
    }

    @Test
    void inverseUndoesForward() {
        Coordinate m = p.project(24.03, 49.84);
        Coordinate ll = p.unproject(m.x, m.y);
        assertThat(ll.x).isCloseTo(24.03, within(1e-9));
        assertThat(ll.y).isCloseTo(49.84, within(1e-9));
    }

    @Test
    void conformal_northSouthScaleEqualsEastWest() {
        double lat = 49;
        double s = 10_000;
        var north = Geodesic.WGS84.Direct(lat - s / 2 / 111_000, 30, 0, s);
        Coordinate a = p.project(30, lat - s / 2 / 111_000);
        Coordinate b = p.project(north.lon2, north.lat2);
        double k = a.distance(b) / s;
        assertThat(k).isCloseTo(p.scaleFactor(lat), within(2e-5));
    }
}
