package org.controlmap.render;

import org.controlmap.control.Controller;
import org.controlmap.region.Region;
import org.locationtech.jts.geom.Geometry;

/**
 * Territory one side holds inside one region, as drawn on the map: a schematic
 * piece or a real control polygon clipped to the region.
 *
 * @param region     the region it lies in
 * @param controller who holds it
 * @param geometry   longitude/latitude degrees, WGS84, polygonal
 */
public record ControlledArea(Region region, Controller controller, Geometry geometry) {
}
