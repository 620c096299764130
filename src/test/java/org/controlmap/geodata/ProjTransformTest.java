package org.controlmap.geodata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

class ProjTransformTest {
    private static final GeometryFactory GF = new GeometryFactory();
    private final ProjTransform laea =
            new ProjTransform("laea", "+proj=laea +lat_0=48 +lon_0=35 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs");

    @Test
    void pointsAndGeometriesProjectAlikeAndComeBack() {
        Polygon square = GF.createPolygon(new Coordinate[] {new Coordinate(34, 47), new Coordinate(36, 47),
            new Coordinate(36, 49), new Coordinate(34, 49), new Coordinate(34, 47)});
        Geometry metres = laea.project(square);
        for (int i = 0; i < square.getNumPoints(); i++) {
            Coordinate ll = square.getCoordinates()[i];
            Coordinate p = laea.project(ll.x, ll.y);
            assertThat(metres.getCoordinates()[i].distance(p)).isLessThan(1e-9);
            Coordinate back = laea.unproject(p.x, p.y);
            assertThat(back.distance(ll)).isLessThan(1e-7); // degrees: about a centimetre (the inverse iterates)
        }
        Geometry back = laea.unproject(metres);
        assertThat(back.getCoordinates()[2].distance(new Coordinate(36, 49))).isLessThan(1e-7);
        // The centre goes to the origin; 1° of latitude north of it is about 111 km.
        assertThat(laea.project(35, 48).distance(new Coordinate(0, 0))).isLessThan(1e-6);
        assertThat(laea.project(35, 49).y).isCloseTo(111_200, within(300.0));
    }

    @Test
    void localProjectionIsTheSameTransform() {
        Coordinate ll = new Coordinate(36.2, 47.4);
        Geometry viaLocal = new LocalProjection(35, 48).project(GF.createPoint(ll));
        assertThat(viaLocal.getCoordinate().distance(laea.project(ll.x, ll.y))).isLessThan(1e-9);
    }
}
