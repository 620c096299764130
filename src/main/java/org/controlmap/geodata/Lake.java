package org.controlmap.geodata;

import org.locationtech.jts.geom.Geometry;

/**
 * A bundled lake or reservoir ({@link Rivers#bundled()}): Natural Earth 1:50m,
 * public domain.
 *
 * @param nameEn English name
 * @param nameUk Ukrainian name
 * @param area   Polygon or MultiPolygon, longitude/latitude degrees (WGS84)
 */
public record Lake(String nameEn, String nameUk, Geometry area) {
}
