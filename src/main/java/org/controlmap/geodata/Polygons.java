package org.controlmap.geodata;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.PolygonExtracter;

/** Small helpers on polygonal geometry shared by the measuring, schematic and drawing code. */
public final class Polygons {
    private static final GeometryFactory GF = new GeometryFactory();

    private Polygons() {
    }

    /**
     * The polygonal part of an overlay or repair result: the geometry itself
     * when it is a (Multi)Polygon, else its non-empty polygons
     * ({@link PolygonExtracter}) as a Polygon or MultiPolygon, or an empty
     * MultiPolygon when it has none. Overlays of polygons can return
     * collections with lines and points where edges touch; those have no area
     * and would confuse code expecting polygons.
     */
    public static Geometry polygonal(Geometry g) {
        if (g instanceof Polygonal) {
            return g;
        }
        List<Geometry> polys = new ArrayList<>();
        for (Object p : PolygonExtracter.getPolygons(g)) {
            if (!((Polygon) p).isEmpty()) {
                polys.add((Polygon) p);
            }
        }
        return polys.isEmpty() ? GF.createMultiPolygon() : GF.buildGeometry(polys);
    }

    /**
     * The polygon of a geometry with the largest planar area (the first of
     * equal ones); null when it has none.
     */
    public static Polygon largest(Geometry g) {
        int i = largestIndex(g);
        return i < 0 ? null : (Polygon) g.getGeometryN(i);
    }

    /**
     * Index ({@link Geometry#getGeometryN}) of the polygon {@link #largest}
     * returns, for code that keeps parallel parts (projected and lon/lat); -1
     * when there is none.
     */
    public static int largestIndex(Geometry g) {
        int best = -1;
        double bestArea = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p) {
                double a = p.getArea();
                if (best < 0 || a > bestArea) {
                    best = i;
                    bestArea = a;
                }
            }
        }
        return best;
    }
}
