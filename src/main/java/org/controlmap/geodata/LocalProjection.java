package org.controlmap.geodata;

import java.util.Locale;
import org.locationtech.jts.geom.Geometry;

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
 * is immaterial for drawing a schematic front. A configuration of
 * {@link ProjTransform}; not thread-safe, make one per thread.
 */
public final class LocalProjection {
    private final ProjTransform transform;

    /** Centred on (lon0, lat0), degrees. */
    public LocalProjection(double lon0, double lat0) {
        transform = new ProjTransform("laea", String.format(Locale.ROOT,
                "+proj=laea +lat_0=%.6f +lon_0=%.6f +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs", lat0, lon0));
    }

    /** Centred on the middle of the geometry's lon/lat bounding box. */
    public static LocalProjection centredOn(Geometry lonLat) {
        var e = lonLat.getEnvelopeInternal();
        return new LocalProjection((e.getMinX() + e.getMaxX()) / 2, (e.getMinY() + e.getMaxY()) / 2);
    }

    /** A projected copy (metres) of a lon/lat geometry. */
    public Geometry project(Geometry lonLat) {
        return transform.project(lonLat);
    }

    /** A lon/lat copy of a projected geometry. */
    public Geometry unproject(Geometry metres) {
        return transform.unproject(metres);
    }
}
