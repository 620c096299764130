package org.controlmap.render;

import org.controlmap.geodata.ProjTransform;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * The map projection: Lambert conformal conic on WGS84 with standard parallels
 * 46°N and 51°N and central meridian 32°E, which keeps Ukraine's scale within
 * about ±0.3% (conformal, so shapes and angles are true locally). The formulas
 * are proj4j's ({@code +proj=lcc}, through {@link ProjTransform}), not ours.
 *
 * <p>Projected coordinates are metres, x east, y north, origin at 32°E on the
 * latitude of origin (48.5°N). Not thread-safe: proj4j transforms keep state.
 */
public final class MapProjection {
    /** The proj definition, also quoted in the SVG metadata. */
    public static final String PROJ =
            "+proj=lcc +lat_1=46 +lat_2=51 +lat_0=48.5 +lon_0=32 +x_0=0 +y_0=0 +ellps=WGS84 +datum=WGS84 +units=m +no_defs";

    private final ProjTransform transform = new ProjTransform("controlmap-lcc", PROJ);

    /** Projects longitude/latitude degrees to metres. */
    public Coordinate project(double lon, double lat) {
        return transform.project(lon, lat);
    }

    /** Longitude/latitude degrees of a projected point in metres. */
    public Coordinate unproject(double x, double y) {
        return transform.unproject(x, y);
    }

    /** A projected copy of a longitude/latitude geometry (metres). */
    public Geometry project(Geometry lonLat) {
        return transform.project(lonLat);
    }

    /**
     * Point scale factor k at a latitude: projected length over true length of
     * a short east–west geodesic centred on the central meridian. Measured
     * rather than taken from the LCC formula so it checks the projection we
     * actually use; a 10 km step keeps the error far below 1e-6.
     */
    public double scaleFactor(double lat) {
        double halfM = 5000;
        GeodesicData west = Geodesic.WGS84.Direct(lat, 32, -90, halfM);
        GeodesicData east = Geodesic.WGS84.Direct(lat, 32, 90, halfM);
        Coordinate a = project(west.lon2, west.lat2);
        Coordinate b = project(east.lon2, east.lat2);
        GeodesicData inv = Geodesic.WGS84.Inverse(west.lat2, west.lon2, east.lat2, east.lon2);
        return a.distance(b) / inv.s12;
    }
}
