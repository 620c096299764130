package org.controlmap.geodata;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a GeoJSON file's {@code crs} member says (the 2008 draft; RFC 7946
 * dropped it, but GDAL still writes it): longitude/latitude, another system
 * by its EPSG code, or something controlmap does not know. The reader decides
 * what to do with it ({@link GeoJsonReader}).
 *
 * @param described the system as the file names it, for messages
 * @param lonLat    whether it is longitude/latitude on WGS84 (CRS84, EPSG:4326)
 * @param epsgCode  the EPSG code's digits when it names one and is not lon/lat; null when it names none
 */
record GeoJsonCrs(String described, boolean lonLat, String epsgCode) {

    /** The EPSG code at the end of a crs name: EPSG:3857, urn:ogc:def:crs:EPSG::3857, .../EPSG/0/3857. */
    private static final Pattern EPSG_CODE = Pattern.compile("(?i)EPSG.*?(\\d+)\\s*$");

    /** Reads the member's value as parsed (maps, strings, numbers). */
    static GeoJsonCrs of(Object crs) {
        String described = String.valueOf(crs);
        if (crs instanceof Map<?, ?> m && m.get("properties") instanceof Map<?, ?> props) {
            Object n = props.get("name");
            if (n == null) {
                n = props.get("href");
            }
            if (n != null) {
                described = n.toString();
            }
            if (n instanceof String s && "name".equals(m.get("type")) && isLonLat(s)) {
                return new GeoJsonCrs(described, true, null);
            }
            // the 2008 GeoJSON draft's form: {"type": "EPSG", "properties": {"code": 4326}}
            Object code = props.get("code");
            if ("EPSG".equals(m.get("type")) && code != null) {
                if ("4326".equals(code.toString())) {
                    return new GeoJsonCrs(described, true, null);
                }
                described = "EPSG:" + code;
            }
        }
        Matcher epsg = EPSG_CODE.matcher(described);
        return new GeoJsonCrs(described, false, epsg.find() ? epsg.group(1) : null);
    }

    private static boolean isLonLat(String crs) {
        String c = crs.trim().toUpperCase(Locale.ROOT);
        return c.endsWith("CRS84") || c.endsWith("CRS:84")
                || c.contains("EPSG") && (c.endsWith(":4326") || c.endsWith("/4326"));
    }
}
