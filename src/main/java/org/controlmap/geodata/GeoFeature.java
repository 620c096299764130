package org.controlmap.geodata;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One GeoJSON feature as read: its 0-based index in the file, its properties
 * (String, Number, Boolean, null, or nested Map/List values, in file order)
 * and its geometry in longitude/latitude degrees. The geometry is valid (JTS
 * sense) and polygonal, or empty when the feature had {@code "geometry": null}.
 */
public record GeoFeature(int index, Map<String, Object> properties, Geometry geometry) {

    /** A property as a string, or {@code null} when absent or null. */
    public String string(String key) {
        Object v = properties.get(key);
        return v == null ? null : v.toString();
    }
}
