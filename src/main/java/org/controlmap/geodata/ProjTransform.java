package org.controlmap.geodata;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * WGS84 longitude/latitude to and from one projection, given as a proj
 * definition ({@code +proj=… +units=m}); the formulas are proj4j's. The one
 * wrapper of proj4j for the projections controlmap chooses: {@link LocalProjection}
 * and the renderer's map projection configure it. Input files in another
 * system are reprojected by {@link LonLatTransform}, whose systems come from
 * NGA's EPSG definitions and whose failures are NaN per position.
 *
 * <p>Not thread-safe (proj4j transforms and the point buffers keep state);
 * make one per thread.
 */
public final class ProjTransform {
    // The factory only reads its registry once built; the systems it makes are
    // made per transform, since maps and pieces are laid out on more than one thread.
    private static final CRSFactory CRS = new CRSFactory();
    private static final String WGS84 = "+proj=longlat +datum=WGS84 +no_defs";

    private final CoordinateTransform forward;
    private final CoordinateTransform inverse;
    private final ProjCoordinate in = new ProjCoordinate();
    private final ProjCoordinate out = new ProjCoordinate();

    /**
     * @param name       a name for the projected system (proj4j's, shown in its errors)
     * @param definition the proj definition of the projected system
     */
    public ProjTransform(String name, String definition) {
        CoordinateReferenceSystem wgs84 = CRS.createFromParameters("WGS84", WGS84);
        CoordinateReferenceSystem projected = CRS.createFromParameters(name, definition);
        CoordinateTransformFactory f = new CoordinateTransformFactory();
        forward = f.createTransform(wgs84, projected);
        inverse = f.createTransform(projected, wgs84);
    }

    /** Projects longitude/latitude degrees to projected units (metres). */
    public Coordinate project(double lon, double lat) {
        return point(forward, lon, lat);
    }

    /** Longitude/latitude degrees of a projected point. */
    public Coordinate unproject(double x, double y) {
        return point(inverse, x, y);
    }

    /** A projected copy of a longitude/latitude geometry. */
    public Geometry project(Geometry lonLat) {
        return transformed(lonLat, forward);
    }

    /** A longitude/latitude copy of a projected geometry. */
    public Geometry unproject(Geometry projected) {
        return transformed(projected, inverse);
    }

    private Coordinate point(CoordinateTransform t, double x, double y) {
        in.x = x;
        in.y = y;
        t.transform(in, out);
        return new Coordinate(out.x, out.y);
    }

    private Geometry transformed(Geometry g, CoordinateTransform t) {
        PointMapping m = (x, y, o) -> {
            in.x = x;
            in.y = y;
            t.transform(in, out);
            o[0] = out.x;
            o[1] = out.y;
        };
        return m.copyOf(g);
    }
}
