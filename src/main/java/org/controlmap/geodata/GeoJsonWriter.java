package org.controlmap.geodata;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes features as an RFC 7946 GeoJSON FeatureCollection, byte for byte the
 * same for the same input, so exported files can be diffed and checked in.
 *
 * <p>Layout: the collection header on the first line, then one feature per
 * line, then the closing line; UTF-8, '\n' line ends. Properties are written in
 * the iteration order of the map given (pass a {@code LinkedHashMap} or
 * another ordered map); values may be String, Number, Boolean, null, or nested
 * Maps and Collections of these. Non-finite numbers become {@code null}, since
 * JSON has no NaN; other numbers are written in plain decimal notation
 * (shortest representation that reads back to the same double, no exponent).
 *
 * <p>Coordinates are x = longitude, y = latitude in degrees, rounded half-up to
 * 7 decimals (1e-7° is at most 1.1 cm on the ground), trailing zeros dropped.
 * After rounding, consecutive repeated positions are dropped and polygon rings
 * are oriented as RFC 7946 §3.1.6 asks: exterior rings counterclockwise,
 * holes clockwise (orientation taken in the lon/lat plane, as the RFC does).
 * A ring that rounding collapses to fewer than 4 positions is left out (a hole)
 * or takes its polygon with it (an exterior ring); at 1 cm this only happens
 * to slivers. An empty or null geometry is written as {@code "geometry":null}.
 */
public final class GeoJsonWriter {
    private static final int DECIMALS = 7;
    private static final JsonFactory JSON = JsonFactory.builder().build();

    /**
     * One feature to write.
     *
     * @param properties written in the map's iteration order
     * @param geometry   longitude/latitude degrees, WGS84; null for none
     */
    public record Feature(Map<String, ?> properties, Geometry geometry) {
    }

    private GeoJsonWriter() {
    }

    /** Writes the collection to {@code out} (not closed). */
    public static void write(List<Feature> features, OutputStream out) throws IOException {
        // Separators are written as bytes and each feature by its own generator,
        // which keeps one feature per line without a pretty-printer.
        out.write("{\"type\":\"FeatureCollection\",\"features\":[\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < features.size(); i++) {
            writeFeature(out, features.get(i));
            out.write((i + 1 < features.size() ? ",\n" : "\n").getBytes(StandardCharsets.UTF_8));
        }
        out.write("]}\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The collection as UTF-8 bytes. */
    public static byte[] toBytes(List<Feature> features) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(features, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen with a byte array
        }
        return bytes.toByteArray();
    }

    private static void writeFeature(OutputStream out, Feature f) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("type", "Feature");
            g.writeFieldName("properties");
            writeValue(g, f.properties() == null ? Map.of() : f.properties());
            g.writeFieldName("geometry");
            writeGeometry(g, f.geometry());
            g.writeEndObject();
        }
    }

    private static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isFinite(d)) {
                g.writeNumber(plain(BigDecimal.valueOf(d)));
            } else {
                g.writeNull();
            }
        } else if (v instanceof BigDecimal bd) {
            g.writeNumber(plain(bd));
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger) {
            g.writeNumber(v.toString());
        } else if (v instanceof Number n) {
            writeValue(g, n.doubleValue());
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                writeValue(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object o : c) {
                writeValue(g, o);
            }
            g.writeEndArray();
        } else {
            g.writeString(v.toString());
        }
    }

    private static String plain(BigDecimal d) {
        String s = d.stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    private static void writeGeometry(JsonGenerator g, Geometry geom) throws IOException {
        if (geom == null || geom.isEmpty()) {
            g.writeNull();
            return;
        }
        if (geom instanceof Point p) {
            g.writeStartObject();
            g.writeStringField("type", "Point");
            g.writeFieldName("coordinates");
            writePosition(g, p.getCoordinate());
            g.writeEndObject();
        } else if (geom instanceof LineString l) {
            g.writeStartObject();
            g.writeStringField("type", "LineString");
            g.writeFieldName("coordinates");
            writePositions(g, rounded(l.getCoordinates()));
            g.writeEndObject();
        } else if (geom instanceof Polygon p) {
            List<List<Coordinate>> rings = rings(p);
            if (rings.isEmpty()) {
                g.writeNull();
                return;
            }
            g.writeStartObject();
            g.writeStringField("type", "Polygon");
            g.writeFieldName("coordinates");
            writeRings(g, rings);
            g.writeEndObject();
        } else if (geom instanceof MultiPolygon mp) {
            List<List<List<Coordinate>>> polys = new ArrayList<>();
            for (int i = 0; i < mp.getNumGeometries(); i++) {
                List<List<Coordinate>> rings = rings((Polygon) mp.getGeometryN(i));
                if (!rings.isEmpty()) {
                    polys.add(rings);
                }
            }
            if (polys.isEmpty()) {
                g.writeNull();
                return;
            }
            g.writeStartObject();
            g.writeStringField("type", "MultiPolygon");
            g.writeFieldName("coordinates");
            g.writeStartArray();
            for (List<List<Coordinate>> rings : polys) {
                writeRings(g, rings);
            }
            g.writeEndArray();
            g.writeEndObject();
        } else if (geom instanceof MultiLineString ml) {
            g.writeStartObject();
            g.writeStringField("type", "MultiLineString");
            g.writeFieldName("coordinates");
            g.writeStartArray();
            for (int i = 0; i < ml.getNumGeometries(); i++) {
                writePositions(g, rounded(ml.getGeometryN(i).getCoordinates()));
            }
            g.writeEndArray();
            g.writeEndObject();
        } else if (geom instanceof MultiPoint mp) {
            g.writeStartObject();
            g.writeStringField("type", "MultiPoint");
            g.writeFieldName("coordinates");
            g.writeStartArray();
            for (int i = 0; i < mp.getNumGeometries(); i++) {
                writePosition(g, mp.getGeometryN(i).getCoordinate());
            }
            g.writeEndArray();
            g.writeEndObject();
        } else if (geom instanceof GeometryCollection gc) {
            g.writeStartObject();
            g.writeStringField("type", "GeometryCollection");
            g.writeFieldName("geometries");
            g.writeStartArray();
            for (int i = 0; i < gc.getNumGeometries(); i++) {
                writeGeometry(g, gc.getGeometryN(i));
            }
            g.writeEndArray();
            g.writeEndObject();
        } else {
            throw new IllegalArgumentException("unsupported geometry type " + geom.getGeometryType());
        }
    }

    /** Rounded, deduplicated, RFC 7946-oriented rings; empty when the exterior ring collapsed. */
    private static List<List<Coordinate>> rings(Polygon p) {
        List<List<Coordinate>> out = new ArrayList<>();
        List<Coordinate> shell = ring(p.getExteriorRing().getCoordinates(), true);
        if (shell == null) {
            return out;
        }
        out.add(shell);
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            List<Coordinate> hole = ring(p.getInteriorRingN(i).getCoordinates(), false);
            if (hole != null) {
                out.add(hole);
            }
        }
        return out;
    }

    private static List<Coordinate> ring(Coordinate[] cs, boolean exterior) {
        List<Coordinate> r = rounded(cs);
        if (r.size() < 4 || !r.get(0).equals2D(r.get(r.size() - 1))) {
            return null;
        }
        Coordinate[] arr = r.toArray(Coordinate[]::new);
        boolean ccw;
        try {
            ccw = Orientation.isCCWArea(arr);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (ccw != exterior) {
            Collections.reverse(r);
        }
        return r;
    }

    /** Coordinates rounded to {@value #DECIMALS} decimals, consecutive repeats dropped. */
    private static List<Coordinate> rounded(Coordinate[] cs) {
        List<Coordinate> out = new ArrayList<>(cs.length);
        for (Coordinate c : cs) {
            Coordinate r = new Coordinate(round(c.x), round(c.y));
            if (out.isEmpty() || !out.get(out.size() - 1).equals2D(r)) {
                out.add(r);
            }
        }
        return out;
    }

    private static double round(double v) {
        return BigDecimal.valueOf(v).setScale(DECIMALS, RoundingMode.HALF_UP).doubleValue();
    }

    private static void writeRings(JsonGenerator g, List<List<Coordinate>> rings) throws IOException {
        g.writeStartArray();
        for (List<Coordinate> r : rings) {
            writePositions(g, r);
        }
        g.writeEndArray();
    }

    private static void writePositions(JsonGenerator g, List<Coordinate> cs) throws IOException {
        g.writeStartArray();
        for (Coordinate c : cs) {
            writePosition(g, c);
        }
        g.writeEndArray();
    }

    private static void writePosition(JsonGenerator g, Coordinate c) throws IOException {
        g.writeStartArray();
        g.writeNumber(coordinate(c.x));
        g.writeNumber(coordinate(c.y));
        g.writeEndArray();
    }

    private static String coordinate(double v) {
        return plain(BigDecimal.valueOf(v).setScale(DECIMALS, RoundingMode.HALF_UP));
    }
}
