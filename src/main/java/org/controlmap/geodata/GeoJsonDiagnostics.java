package org.controlmap.geodata;

import org.controlmap.InputException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What one read of one GeoJSON file says about it: warnings (at most
 * {@link GeoJsonReader#MAX_WARNINGS}, then a count), the one-line errors
 * ({@code file:line:column: path: what}), and the file-wide findings made at
 * its end (no polygons, null properties, longitude and latitude swapped).
 */
final class GeoJsonDiagnostics {
    static final List<String> TYPES = List.of("FeatureCollection", "Feature", "Polygon", "MultiPolygon",
            "GeometryCollection", "Point", "LineString", "MultiPoint", "MultiLineString");

    final String name;
    private final Consumer<String> warnings;
    private int warned;
    private int unshownWarnings;
    int featureCount;
    int polygonFeatures;
    int nullProperties;
    int firstPolygonFeature = -1;
    private final Map<String, Integer> otherKinds = new LinkedHashMap<>();
    private double minX = Double.POSITIVE_INFINITY;
    private double maxX = Double.NEGATIVE_INFINITY;
    private double minY = Double.POSITIVE_INFINITY;
    private double maxY = Double.NEGATIVE_INFINITY;

    GeoJsonDiagnostics(String name, Consumer<String> warnings) {
        this.name = name;
        this.warnings = warnings;
    }

    /** Notes a position read, for the swapped-axes check at the end. */
    void position(double x, double y) {
        if (x < minX) {
            minX = x;
        }
        if (x > maxX) {
            maxX = x;
        }
        if (y < minY) {
            minY = y;
        }
        if (y > maxY) {
            maxY = y;
        }
    }

    /** Counts a feature that gave no polygon, by what it was ("Point", "null", "empty"...). */
    void count(String kind) {
        otherKinds.merge(kind, 1, Integer::sum);
    }

    void warn(JsonLocation l, String what) {
        if (l == null) {
            warnAt(0, 0, what);
        } else {
            warnAt(l.getLineNr(), l.getColumnNr(), what);
        }
    }

    void warnAt(int line, int col, String what) {
        if (warned >= GeoJsonReader.MAX_WARNINGS) {
            unshownWarnings++;
            return;
        }
        warned++;
        warnings.accept(loc(line, col) + what);
    }

    /** {@code name:line:col: } or {@code name: }. */
    String loc(int line, int col) {
        return InputException.at(name, line, col, "").getMessage();
    }

    static String label(String path) {
        return path.isEmpty() ? "" : path + ": ";
    }

    InputException error(JsonLocation l, String path, String what) {
        return InputException.at(name, l.getLineNr(), l.getColumnNr(), label(path) + what);
    }

    InputException error(int line, int col, String path, String what) {
        return InputException.at(name, line, col, label(path) + what);
    }

    /** A "type" that is not one of {@code expected}, with a hint when only its case is wrong. */
    InputException unknownType(GeoJsonGeometry.Obj o, String expected) {
        String path = o.path.isEmpty() ? "type" : o.path + ".type";
        String hint = "";
        for (String known : TYPES) {
            if (known.equalsIgnoreCase(o.type) && !known.equals(o.type)) {
                hint = " (GeoJSON types are case-sensitive: \"" + known + "\")";
            }
        }
        return InputException.at(name, o.typeLine, o.typeCol, path + ": \"" + Quote.cut(o.type)
                + "\" where " + expected + " was expected" + hint);
    }

    /** The file-wide findings: no polygons is an error; null properties, swapped axes and the unshown count warn. */
    void finish() {
        if (polygonFeatures == 0) {
            StringBuilder sb = new StringBuilder(name).append(": no polygons (found ").append(featureCount)
                    .append(featureCount == 1 ? " feature" : " features");
            String sep = ": ";
            for (Map.Entry<String, Integer> e : otherKinds.entrySet()) {
                sb.append(sep).append(e.getValue()).append(' ').append(e.getKey());
                sep = ", ";
            }
            throw new InputException(sb.append(')').toString());
        }
        if (nullProperties > 0) {
            warn(null, nullProperties + (nullProperties == 1 ? " feature has" : " features have")
                    + " \"properties\": null; read as no properties");
        }
        // GeoJSON is [lon, lat]; Ukraine spans lon 22..41, lat 44..53.
        if (minX >= 44 && maxX <= 53 && minY >= 22 && maxY <= 41) {
            warn(null, "all coordinates lie at longitude 44..53, latitude 22..41: are longitude and latitude"
                    + " swapped (features[" + firstPolygonFeature + "] and others)? GeoJSON positions are"
                    + " [longitude, latitude]");
        }
        if (unshownWarnings > 0) {
            warnings.accept(name + ": " + unshownWarnings + " more warning" + (unshownWarnings == 1 ? "" : "s")
                    + " not shown");
        }
    }

    static String describe(JsonToken t) {
        if (t == null) {
            return "end of file";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
        };
    }

    /** A coordinate as written in messages: whole numbers without ".0". */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
