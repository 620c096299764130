package org.controlmap.geodata;

import org.locationtech.jts.geom.Geometry;

/**
 * A bundled river ({@link Rivers#bundled()}): Natural Earth 1:50m centerlines,
 * public domain.
 *
 * @param nameEn English name (Dnipro, Dnister: Ukrainian romanisation)
 * @param nameUk Ukrainian name
 * @param lines  LineString or MultiLineString, longitude/latitude degrees
 *               (WGS84), clipped to lon 20..42, lat 43..54; the direction of
 *               the lines carries no meaning; positions quantised to about
 *               1 km in the source
 */
public record River(String nameEn, String nameUk, Geometry lines) {
}
