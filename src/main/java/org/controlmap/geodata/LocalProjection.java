package org.controlmap.geodata;

import java.util.Locale;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * A Lambert azimuthal equal-area projection on the WGS84 ellipsoid centred on
 * one region ({@code +proj=laea}, Snyder, "Map Projections: A Working Manual",
 * USGS PP 1395, 1987, §24), in metres, so that buffers are true distances and
 * planar areas are ellipsoidal areas.
 *
 * <p>Accuracy for an oblast-sized region (≤ 400 km across): being equal-area,
 * planar area equals ellipsoidal area up to the difference between straight
 * projected edges and geodesic edges, well under 0.01 % for edges of a few km;
 * distances are scaled by at most about 0.1 % at 200 km from the centre, which
 * is immaterial for drawing a schematic front. Not thread-safe (proj4j
 * transforms keep state); make one per thread.
 */
public final class LocalProjection {
    // The factory only reads its registry once built; the systems it makes are
    // made per projection, since pieces are laid out on more than one thread.
    private static final CRSFactory CRS = new CRSFactory();

    private final CoordinateTransform forward;
    private final CoordinateTransform inverse;

    /** Centred on (lon0, lat0), degrees. */
    public LocalProjection(double lon0, double lat0) {
        String params = String.format(Locale.ROOT,
                "+proj=laea +lat_0=%.6f +lon_0=%.6f +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs", lat0, lon0);
        CoordinateReferenceSystem wgs84 = CRS.createFromParameters("WGS84", "+proj=longlat +datum=WGS84 +no_defs");
        CoordinateReferenceSystem laea = CRS.createFromParameters("laea", params);
        CoordinateTransformFactory f = new CoordinateTransformFactory();
        forward = f.createTransform(wgs84, laea);
        inverse = f.createTransform(laea, wgs84);
    }

    /** Centred on the middle of the geometry's lon/lat bounding box. */
    public static LocalProjection centredOn(Geometry lonLat) {
        var e = lonLat.getEnvelopeInternal();
        return new LocalProjection((e.getMinX() + e.getMaxX()) / 2, (e.getMinY() + e.getMaxY()) / 2);
    }

    /** A projected copy (metres) of a lon/lat geometry. */
    public Geometry project(Geometry lonLat) {
        return transformed(lonLat, forward);
    }

    /** A lon/lat copy of a projected geometry. */
    public Geometry unproject(Geometry metres) {
        return transformed(metres, inverse);
    }

    private static Geometry transformed(Geometry g, CoordinateTransform t) {
        ProjCoordinate in = new ProjCoordinate();
        ProjCoordinate out = new ProjCoordinate();
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
