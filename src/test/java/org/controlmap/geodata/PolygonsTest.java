package org.controlmap.geodata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class PolygonsTest {
    private static final WKTReader WKT = new WKTReader(new GeometryFactory());

    private static Geometry wkt(String s) {
        try {
            return WKT.read(s);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void polygonalKeepsPolygonsAndDropsLinesPointsAndEmptyParts() {
        Geometry square = wkt("POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))");
        assertThat(Polygons.polygonal(square)).isSameAs(square);
        Geometry mixed = wkt("GEOMETRYCOLLECTION (LINESTRING (0 0, 5 5), POINT (1 1), POLYGON EMPTY,"
                + " POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0)), MULTIPOLYGON (((3 3, 4 3, 4 4, 3 3))))");
        Geometry p = Polygons.polygonal(mixed);
        assertThat(p).isInstanceOf(MultiPolygon.class);
        assertThat(p.getNumGeometries()).isEqualTo(2);
        assertThat(p.getArea()).isEqualTo(4.5);
        Geometry one = Polygons.polygonal(wkt("GEOMETRYCOLLECTION (POINT (9 9), POLYGON ((0 0, 1 0, 1 1, 0 0)))"));
        assertThat(one).isInstanceOf(Polygon.class);
        Geometry none = Polygons.polygonal(wkt("GEOMETRYCOLLECTION (LINESTRING (0 0, 1 1))"));
        assertThat(none.isEmpty()).isTrue();
        assertThat(none).isInstanceOf(MultiPolygon.class);
    }

    @Test
    void largestIsTheFirstOfTheLargestPolygons() {
        Geometry g = wkt("GEOMETRYCOLLECTION (LINESTRING (0 0, 50 50), POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0)),"
                + " POLYGON ((5 5, 7 5, 7 7, 5 7, 5 5)), POLYGON ((9 9, 11 9, 11 11, 9 11, 9 9)))");
        assertThat(Polygons.largestIndex(g)).isEqualTo(2);
        assertThat(Polygons.largest(g)).isSameAs(g.getGeometryN(2));
        Geometry square = wkt("POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))");
        assertThat(Polygons.largest(square)).isSameAs(square);
        assertThat(Polygons.largest(wkt("MULTIPOLYGON EMPTY"))).isNull();
        assertThat(Polygons.largestIndex(wkt("LINESTRING (0 0, 1 1)"))).isEqualTo(-1);
    }
}
