package org.controlmap.geodata;

import static org.controlmap.geodata.GeoJsonGeometry.EMPTY;
import static org.controlmap.geodata.GeoJsonGeometry.LIST;
import static org.controlmap.geodata.GeoJsonGeometry.POSITION;
import static org.controlmap.geodata.GeoJsonGeometry.RING;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.controlmap.InputException;
import org.controlmap.geodata.GeoJsonGeometry.Node;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateXY;

/**
 * The {@code "coordinates"} arrays of one GeoJSON file, read from the token
 * stream into {@link Node}s: positions straight into a growing buffer of
 * doubles (no tree of boxed numbers), then into JTS coordinates per ring; the
 * nesting checked as it is read (every position 2+ numbers, siblings nested
 * alike), each refusal located by line, column and index path
 * ({@code features[3].geometry.coordinates[0][12]}). Positions in a projected
 * system named by the file's crs member are turned into lon/lat here, and every
 * position must then lie in the longitude/latitude range.
 */
final class GeoJsonCoordinates {
    private final GeoJsonDiagnostics diag;
    private final int[] idx;
    private JsonParser p;
    private double[] buf = new double[8192];
    private int bufLen;
    /** From a crs member naming a projected system; null for lon/lat. */
    LonLatTransform transform;

    /** @param maxNesting the deepest nesting the parser lets through */
    GeoJsonCoordinates(GeoJsonDiagnostics diag, int maxNesting) {
        this.diag = diag;
        this.idx = new int[maxNesting + 8];
    }

    /** Reads the {@code "coordinates"} value whose first token {@code v} is current in {@code parser}. */
    Node read(JsonParser parser, JsonToken v, String path) throws IOException {
        p = parser;
        if (v != JsonToken.START_ARRAY) {
            throw diag.error(p.currentTokenLocation(), path,
                    "\"coordinates\" must be an array, found " + GeoJsonDiagnostics.describe(v));
        }
        bufLen = 0;
        JsonLocation l = p.currentTokenLocation();
        Node n = readArray(path, 0);
        if (n == null) { // a single position, as in a Point
            n = new Node(POSITION, 1, l.getLineNr(), l.getColumnNr(), new int[0]);
        }
        return n;
    }

    /**
     * Reads the array whose START_ARRAY is current. Returns null for a
     * position (its x, y appended to the buffer), else a node.
     */
    private Node readArray(String path, int level) throws IOException {
        JsonLocation start = p.currentTokenLocation();
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            readPosition(path, level, start);
            return null;
        }
        int[] here = Arrays.copyOf(idx, level);
        if (t == JsonToken.END_ARRAY) {
            return new Node(EMPTY, 0, start.getLineNr(), start.getColumnNr(), here);
        }
        if (t != JsonToken.START_ARRAY) {
            throw diag.error(p.currentTokenLocation(), path(path, level), "coordinates must be numbers in nested"
                    + " arrays, found " + GeoJsonDiagnostics.describe(t));
        }
        int bufStart = bufLen;
        boolean positions = false;
        List<Node> children = null;
        int childDepth = -1;
        int firstDepthAt = -1;
        int i = 0;
        for (; t != JsonToken.END_ARRAY; t = p.nextToken(), i++) {
            idx[level] = i;
            if (t != JsonToken.START_ARRAY) {
                if (positions || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                    throw diag.error(p.currentTokenLocation(), path(path, level + 1),
                            "position must be an array of 2 or more numbers");
                }
                throw diag.error(p.currentTokenLocation(), path(path, level + 1),
                        "coordinates must be numbers in nested arrays, found " + GeoJsonDiagnostics.describe(t));
            }
            Node child = readArray(path, level + 1);
            if (i == 0) {
                positions = child == null;
                if (!positions) {
                    children = new ArrayList<>();
                }
            }
            if (positions) {
                if (child != null) {
                    throw nodeError(child, path, child.kind == EMPTY
                            ? "position must be an array of 2 or more numbers"
                            : "nested deeper than the positions before it");
                }
            } else {
                if (child == null) {
                    throw diag.error(p.currentTokenLocation(), path(path, level + 1),
                            "a position where arrays of positions were expected (nested too shallow)");
                }
                if (child.kind != EMPTY) {
                    if (childDepth < 0) {
                        childDepth = child.depth;
                        firstDepthAt = i;
                    } else if (child.depth != childDepth) {
                        throw nodeError(child, path, "nested " + child.depth + " deep, but element ["
                                + firstDepthAt + "] beside it is nested " + childDepth + " deep");
                    }
                }
                children.add(child);
            }
        }
        if (positions) {
            int n = (bufLen - bufStart) / 2;
            Node ring = new Node(RING, 2, start.getLineNr(), start.getColumnNr(), here);
            Coordinate[] cs = new Coordinate[n];
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int k = 0, j = bufStart; k < n; k++, j += 2) {
                double x = buf[j];
                cs[k] = new CoordinateXY(x, buf[j + 1]);
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
            ring.coords = cs;
            ring.minX = lo;
            ring.maxX = hi;
            bufLen = bufStart;
            return ring;
        }
        Node list = new Node(LIST, (childDepth < 0 ? 0 : childDepth) + 1, start.getLineNr(),
                start.getColumnNr(), here);
        list.children = children;
        return list;
    }

    /** Reads the rest of a position whose first number is current; appends lon, lat to the buffer. */
    private void readPosition(String path, int level, JsonLocation start) throws IOException {
        double x = p.getDoubleValue();
        if (!Double.isFinite(x)) {
            requireNumber(path, level, 0);
        }
        JsonToken t = p.nextToken();
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw diag.error(start, path(path, level), t == JsonToken.START_ARRAY
                    ? "nested too deep: a position must be an array of 2 or more numbers"
                    : "position must be an array of 2 or more numbers");
        }
        double y = p.getDoubleValue();
        if (!Double.isFinite(y)) {
            requireNumber(path, level, 1);
        }
        // Height and measure are allowed and dropped; they must still be numbers.
        for (int k = 2; (t = p.nextToken()) != JsonToken.END_ARRAY; k++) {
            if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                throw diag.error(p.currentTokenLocation(), path(path, level),
                        "position must contain only numbers, found " + GeoJsonDiagnostics.describe(t));
            }
            if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                requireNumber(path, level, k);
            }
        }
        if (transform != null && Double.isFinite(x) && Double.isFinite(y)) {
            double[] ll = transform.apply(x, y);
            if (!(Math.abs(ll[0]) <= 180 && Math.abs(ll[1]) <= 90)) {
                throw diag.error(start, path(path, level), String.format(Locale.ROOT, "position (%s, %s) in %s"
                        + " has no longitude/latitude", GeoJsonDiagnostics.num(x), GeoJsonDiagnostics.num(y),
                        transform.label()));
            }
            x = ll[0];
            y = ll[1];
        }
        if (!(Math.abs(x) <= 180 && Math.abs(y) <= 90)) {
            String what = Double.isFinite(x) && Double.isFinite(y)
                    ? String.format(Locale.ROOT, "coordinates outside longitude/latitude range (%s, %s): this"
                            + " file looks projected (metres?); controlmap needs longitude/latitude in degrees"
                            + " (CRS84)", GeoJsonDiagnostics.num(x), GeoJsonDiagnostics.num(y))
                    : "number too large for a coordinate";
            throw diag.error(start, path(path, level), what);
        }
        if (bufLen + 2 > buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        buf[bufLen++] = x;
        buf[bufLen++] = y;
        diag.position(x, y);
    }

    private InputException nodeError(Node n, String base, String what) {
        return diag.error(n.line, n.col, GeoJsonGeometry.path(base, n), what);
    }

    /** NaN or Infinity at position element {@code k}: refused with its place (1e400 is refused later). */
    private void requireNumber(String path, int level, int k) throws IOException {
        String literal = JsonTree.nonNumericLiteral(p);
        if (literal != null) {
            throw diag.error(p.currentTokenLocation(), path(path, level) + "[" + k + "]", GeoJsonReader.notANumber(literal));
        }
    }

    private String path(String base, int level) {
        StringBuilder sb = new StringBuilder(base);
        for (int k = 0; k < Math.min(level, 10); k++) {
            sb.append('[').append(idx[k]).append(']');
        }
        if (level > 10) {
            sb.append("... (").append(level).append(" levels)");
        }
        return sb.toString();
    }
}
