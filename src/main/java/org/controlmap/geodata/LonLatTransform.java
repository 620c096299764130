package org.controlmap.geodata;

import mil.nga.proj.Projection;
import mil.nga.proj.ProjectionFactory;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Reprojection of a file's coordinates to longitude/latitude degrees on WGS84, for files that say they are
 * in another coordinate reference system (a GeoPackage's {@code srs_id}, a FlatGeobuf header's CRS, an old
 * GeoJSON's {@code crs} member).
 *
 * <p>The transform is proj4j's. Its core jar has no EPSG table ({@code CRSFactory.createFromName("EPSG:3857")}
 * needs proj4j-epsg, whose terms of use are the EPSG database's), so the definitions come from the NGA
 * projections library that the GeoPackage reader brings along ({@code mil.nga:proj}, MIT, about 8,500 EPSG
 * codes as proj4 parameters; WKT definitions too). This class is only loaded for such files: a plain GeoJSON
 * file in CRS84 never touches proj4j.
 *
 * <p>Datum shifts are proj4j's (towgs84 parameters where the definition has them; no grid files): none for
 * systems on WGS84 (Web Mercator, UTM), a few metres for Pulkovo 1942 ones (docs/inputs.md).
 */
final class LonLatTransform {

    private static final CoordinateReferenceSystem WGS84 =
            new CRSFactory().createFromParameters("WGS84", "+proj=longlat +datum=WGS84 +no_defs");

    private final String label;
    private final BasicCoordinateTransform transform;

    private LonLatTransform(String label, CoordinateReferenceSystem from) {
        this.label = label;
        this.transform = new BasicCoordinateTransform(from, WGS84);
    }

    /** How the source system is named in messages, e.g. {@code EPSG:3857}. */
    String label() {
        return label;
    }

    /**
     * The transform from {@code authority:code} (e.g. EPSG, 3857) to lon/lat, or null when that already is
     * lon/lat on WGS84 (EPSG:4326, OGC CRS84).
     *
     * @throws IllegalArgumentException when the code is not known; callers turn it into a located message
     */
    static LonLatTransform of(String authority, long code) {
        if (isLonLat(authority, code)) {
            return null;
        }
        Projection p;
        try {
            p = ProjectionFactory.getProjection(authority, code);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(authority + ":" + code + " is not a coordinate system controlmap"
                    + " knows", e);
        }
        return new LonLatTransform(authority + ":" + code, p.getCrs());
    }

    /** The transform from a WKT definition (named {@code label} in messages), or null for lon/lat on WGS84. */
    static LonLatTransform ofWkt(String label, String wkt) {
        Projection p;
        try {
            p = ProjectionFactory.getProjectionByDefinition(wkt);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(label + ": a coordinate system definition controlmap cannot read", e);
        }
        if (isLonLat(p.getAuthority(), parseCode(p.getCode()))) {
            return null;
        }
        return new LonLatTransform(label, p.getCrs());
    }

    static boolean isLonLat(String authority, long code) {
        return authority != null && ("EPSG".equalsIgnoreCase(authority) && code == 4326
                || "OGC".equalsIgnoreCase(authority) && code == 84);
    }

    private static long parseCode(String code) {
        try {
            return Long.parseLong(code);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** Lon/lat of one position, in a two-element array {lon, lat}; NaN when it cannot be transformed. */
    double[] apply(double x, double y) {
        ProjCoordinate out = new ProjCoordinate();
        try {
            transform.transform(new ProjCoordinate(x, y), out);
        } catch (RuntimeException e) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return new double[] {out.x, out.y};
    }

    /** A copy of {@code g} with every coordinate in lon/lat (NaN where the projection has none). */
    Geometry apply(Geometry g) {
        ProjCoordinate in = new ProjCoordinate();
        ProjCoordinate res = new ProjCoordinate();
        PointMapping toLonLat = (x, y, o) -> {
            in.x = x;
            in.y = y;
            try {
                transform.transform(in, res);
                o[0] = res.x;
                o[1] = res.y;
            } catch (RuntimeException e) {
                o[0] = Double.NaN;
                o[1] = Double.NaN;
            }
        };
        return toLonLat.copyOf(g);
    }
}
