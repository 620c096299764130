package org.controlmap.geodata;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateXY;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.CoordinateArraySequence;

/**
 * Reads the polygons of a GeoJSON file (RFC 7946) into JTS geometries, checking
 * everything a person could get wrong and saying where.
 *
 * <p>Accepts a FeatureCollection, a single Feature, or a bare Polygon,
 * MultiPolygon or GeometryCollection; plain or gzip-compressed (recognised by
 * its magic bytes 1f 8b, whatever the file is called); with or without a UTF-8
 * byte-order mark. Members may come in any order.
 *
 * <p>What comes back: one {@link GeoFeature} per feature with a polygonal
 * geometry, in file order, its index being its position in the file. Each
 * geometry is a valid (JTS sense) Polygon or MultiPolygon in longitude/latitude
 * degrees (x = lon, y = lat), extra ordinates (height, measure) dropped; a
 * GeometryCollection of polygons becomes a MultiPolygon. A feature with
 * {@code "geometry": null} comes back with an empty MultiPolygon. Features
 * whose geometry is a Point, LineString, MultiPoint or MultiLineString are
 * skipped with a warning. Invalid polygons are repaired by
 * {@link GeometryRepair} (warning) unless that changes their geodesic area by
 * more than 1 % (error).
 *
 * <p>Errors are {@link InputException}s with one-line messages of the form
 * {@code file:line:column: path: what}, e.g.
 * {@code x.geojson:14:22: features[3].geometry.coordinates[0][2]: position must be an array of 2 or more numbers}.
 * Warnings go, one line each and prefixed with the file name, to the consumer
 * given to the constructor; at most {@value #MAX_WARNINGS} per file, then a count.
 *
 * <p>Limits (Jackson {@link StreamReadConstraints}): JSON nesting at most
 * {@value #MAX_NESTING} levels, numbers at most {@value #MAX_NUMBER_LENGTH}
 * characters, and the (uncompressed) document at most {@code maxBytes} bytes;
 * a gzip stream is cut off one byte past that cap, so a gzip bomb costs at most
 * {@code maxBytes} of decompression. NaN/Infinity literals and duplicate keys
 * are errors.
 *
 * <p>Speed: the document is streamed (Jackson {@link JsonParser}, no tree);
 * coordinates go through a reused {@code double[]} into one
 * {@link CoordinateArraySequence} per ring, without boxing. A reader holds no
 * per-file state, so one instance may be used from several threads.
 */
public final class GeoJsonReader {

    /** Default for {@code maxBytes}: 512 MiB of uncompressed JSON. */
    public static final long DEFAULT_MAX_BYTES = 512L * 1024 * 1024;
    /** Deepest JSON nesting accepted; a MultiPolygon in a FeatureCollection needs 7. */
    public static final int MAX_NESTING = 200;
    /** Longest number literal accepted, in characters. */
    public static final int MAX_NUMBER_LENGTH = 64;
    /** Warnings reported per file before the rest are only counted. */
    public static final int MAX_WARNINGS = 20;

    private static final GeometryFactory GF = new GeometryFactory();
    private static final JsonFactory DEFAULT_FACTORY = factory(DEFAULT_MAX_BYTES);

    private final Consumer<String> warnings;
    private final long maxBytes;
    private final JsonFactory json;

    /** A reader with the default size cap ({@link #DEFAULT_MAX_BYTES}). */
    public GeoJsonReader(Consumer<String> warnings) {
        this(warnings, DEFAULT_MAX_BYTES);
    }

    /**
     * A reader that refuses files of more than {@code maxBytes} bytes of
     * (uncompressed) JSON; the error names the setting {@code maxBytes}.
     */
    public GeoJsonReader(Consumer<String> warnings, long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        this.warnings = warnings;
        this.maxBytes = maxBytes;
        this.json = maxBytes == DEFAULT_MAX_BYTES ? DEFAULT_FACTORY : factory(maxBytes);
    }

    /** The size cap of this reader, in bytes of uncompressed JSON. */
    public long maxBytes() {
        return maxBytes;
    }

    private static JsonFactory factory(long maxBytes) {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        // one past the cap so that CappedInputStream, which knows the file name's setting, reports it
                        .maxDocumentLength(maxBytes == Long.MAX_VALUE ? maxBytes : maxBytes + 1)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // Coordinates are most of a file: Jackson's port of FastDoubleParser reads them several
                // times faster than Double.parseDouble, to the same correctly rounded double.
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
    }

    /** Reads a GeoJSON file (plain or gzip). Messages name the file as {@code file.toString()}. */
    public List<GeoFeature> read(Path file) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new InputException(name + ": is a directory, not a GeoJSON file");
        }
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new InputException(name + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new InputException(name + ": permission denied", e);
        } catch (IOException e) {
            throw new InputException(name + ": cannot open: " + oneLine(e.getMessage()), e);
        }
        try (in) {
            return read(in, name);
        } catch (IOException e) {
            throw new InputException(name + ": cannot read: " + oneLine(e.getMessage()), e);
        }
    }

    /**
     * Reads GeoJSON (plain or gzip) from a stream, which is left open.
     *
     * @param name how messages name the input, e.g. a file name
     */
    public List<GeoFeature> read(InputStream in, String name) {
        return new Parse(name).run(in);
    }

    /**
     * A GeoJSON document as read: its features, and what the top-level object
     * says about itself besides them (a FeatureCollection's date, for instance).
     *
     * @param features   as {@link #read(InputStream, String)} returns them
     * @param members    the top-level object's foreign members with a string, number or boolean value
     *                   (e.g. {@code "updated": "2024-11-20"}), in file order; object and array values are
     *                   not kept
     * @param properties the top-level object's {@code properties} object (not standard on a
     *                   FeatureCollection, but common), or empty
     */
    public record Document(List<GeoFeature> features, Map<String, Object> members, Map<String, Object> properties) {
    }

    /** Reads GeoJSON (plain or gzip) like {@link #read(InputStream, String)}, keeping the top level's members. */
    public Document readDocument(InputStream in, String name) {
        Parse parse = new Parse(name);
        List<GeoFeature> features = parse.run(in);
        Obj top = parse.top;
        return new Document(features, Collections.unmodifiableMap(top.members),
                top.properties == null ? Map.of() : top.properties);
    }

    // ------------------------------------------------------------------------------------------------
    // One parse of one file. Holds the parser, the coordinate buffer and the warning count.

    private static final int EMPTY = 0;      // []
    private static final int POSITION = 1;   // [x, y, ...]
    private static final int RING = 2;       // [[x, y], ...]
    private static final int LIST = 3;       // [[[...]]] and deeper

    /** A coordinates array as parsed before its geometry type is known (members may come in any order). */
    private static final class Node {
        final int kind;
        final int depth;          // 0 empty, 1 position, 2 positions, 3+
        final int line;
        final int col;
        final int[] path;         // indices below "coordinates"
        Coordinate[] coords;      // RING
        double minX;
        double maxX;
        List<Node> children;      // LIST

        Node(int kind, int depth, int line, int col, int[] path) {
            this.kind = kind;
            this.depth = depth;
            this.line = line;
            this.col = col;
            this.path = path;
        }
    }

    /** The members of one JSON object that mean something at its level. */
    private static final class Obj {
        final String path;
        final int line;
        final int col;
        String type;
        int typeLine;
        int typeCol;
        boolean hasGeometry;
        Obj geometry;             // null for "geometry": null
        boolean hasProperties;
        Map<String, Object> properties; // null for "properties": null
        Node coordinates;
        String coordinatesPath;
        List<Obj> geometries;
        int geometriesLine;
        int geometriesCol;
        boolean hasFeatures;
        final Map<String, Object> members = new LinkedHashMap<>(); // scalar foreign members, top level only

        Obj(String path, int line, int col) {
            this.path = path;
            this.line = line;
            this.col = col;
        }
    }

    private enum Level { TOP, FEATURE, GEOMETRY }

    private final class Parse {
        private final String name;
        private JsonParser p;
        private double[] buf = new double[8192];
        private int bufLen;
        private final int[] idx = new int[MAX_NESTING + 8];
        private int warned;
        private int unshownWarnings;
        private final List<GeoFeature> features = new ArrayList<>();
        private int featureCount;
        private int polygonFeatures;
        private int nullProperties;
        private final Map<String, Integer> otherKinds = new LinkedHashMap<>();
        private double minX = Double.POSITIVE_INFINITY;
        private double maxX = Double.NEGATIVE_INFINITY;
        private double minY = Double.POSITIVE_INFINITY;
        private double maxY = Double.NEGATIVE_INFINITY;
        private int firstPolygonFeature = -1;
        private Obj top;
        private boolean coordinatesSeen;
        private LonLatTransform transform; // from a crs member naming a projected system; null for lon/lat

        Parse(String name) {
            this.name = name;
        }

        List<GeoFeature> run(InputStream raw) {
            try {
                InputStream in = new CappedInputStream(decompressing(raw), maxBytes);
                try (JsonParser parser = json.createParser(in)) {
                    p = parser;
                    parseDocument();
                }
            } catch (CappedInputStream.CapExceeded e) {
                throw tooBig(e);
            } catch (StreamConstraintsException e) {
                throw constraint(e);
            } catch (StreamReadException e) {
                throw syntax(e);
            } catch (JsonProcessingException e) {
                throw InputException.at(name, 0, 0, oneLine(e.getOriginalMessage()));
            } catch (GzipFailure e) {
                throw new InputException(name + ": gzip data is truncated or corrupt (" + oneLine(e.getMessage())
                        + ")", e);
            } catch (IOException e) {
                throw new InputException(name + ": cannot read: " + oneLine(e.getMessage()), e);
            }
            finish();
            return Collections.unmodifiableList(features);
        }

        // ---- input layers -------------------------------------------------------------------

        private InputStream decompressing(InputStream raw) throws IOException {
            PushbackInputStream in = new PushbackInputStream(raw, 2);
            byte[] magic = new byte[2];
            int n = 0;
            while (n < 2) {
                int r = in.read(magic, n, 2 - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
            if (n > 0) {
                in.unread(magic, 0, n);
            }
            if (n == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
                try {
                    return new GzipStream(new GZIPInputStream(in, 65536));
                } catch (IOException e) {
                    throw new GzipFailure(e);
                }
            }
            return in;
        }

        private InputException tooBig(CappedInputStream.CapExceeded e) {
            return new InputException(name + ": larger than " + maxBytes + " bytes of (uncompressed) JSON, the limit"
                    + " set by maxBytes; raise maxBytes if the file is genuine", e);
        }

        // ---- document structure ---------------------------------------------------------------

        private void parseDocument() throws IOException {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new InputException(name + ": empty file");
            }
            if (t != JsonToken.START_OBJECT) {
                throw error(p.currentTokenLocation(), "", "a GeoJSON file must be a JSON object ({...}), found "
                        + describe(t));
            }
            top = readObject(Level.TOP, "");
            JsonToken after = p.nextToken();
            if (after != null) {
                throw error(p.currentTokenLocation(), "", "unexpected content (" + describe(after)
                        + ") after the end of the GeoJSON object");
            }
            if (top.type == null) {
                throw InputException.at(name, top.line, top.col, "missing \"type\": not a GeoJSON object"
                        + " (expected \"type\": \"FeatureCollection\", \"Feature\" or a geometry type)");
            }
            switch (top.type) {
                case "FeatureCollection" -> {
                    if (!top.hasFeatures) {
                        throw InputException.at(name, top.line, top.col,
                                "FeatureCollection has no \"features\" array");
                    }
                }
                case "Feature" -> {
                    featureCount++;
                    addFeature(top, 0);
                }
                case "Polygon", "MultiPolygon", "GeometryCollection", "Point", "LineString", "MultiPoint",
                        "MultiLineString" -> {
                    featureCount++;
                    Obj feature = new Obj("", top.line, top.col);
                    feature.type = "Feature";
                    feature.hasGeometry = true;
                    feature.geometry = top;
                    feature.hasProperties = true;
                    feature.properties = Map.of();
                    addFeature(feature, 0);
                }
                default -> throw unknownType(top, "\"FeatureCollection\", \"Feature\" or a geometry type");
            }
        }

        /** Reads the object whose START_OBJECT is the current token; leaves END_OBJECT current. */
        private Obj readObject(Level level, String path) throws IOException {
            JsonLocation start = p.currentTokenLocation();
            Obj o = new Obj(path, start.getLineNr(), start.getColumnNr());
            String prefix = path.isEmpty() ? "" : path + ".";
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                String key = p.currentName();
                JsonToken v = p.nextToken();
                switch (key) {
                    case "type" -> {
                        JsonLocation l = p.currentTokenLocation();
                        if (v != JsonToken.VALUE_STRING) {
                            throw error(l, prefix + "type", "\"type\" must be a string, found " + describe(v));
                        }
                        o.type = p.getText();
                        o.typeLine = l.getLineNr();
                        o.typeCol = l.getColumnNr();
                    }
                    case "crs" -> checkCrs(v, prefix + "crs");
                    case "features" -> {
                        if (level == Level.TOP) {
                            readFeatures(v);
                            o.hasFeatures = true;
                        } else {
                            p.skipChildren();
                        }
                    }
                    case "geometry" -> {
                        if (level == Level.GEOMETRY) {
                            p.skipChildren();
                        } else {
                            o.hasGeometry = true;
                            o.geometry = readGeometryValue(v, prefix + "geometry");
                        }
                    }
                    case "properties" -> {
                        if (level == Level.GEOMETRY) {
                            p.skipChildren();
                        } else {
                            o.hasProperties = true;
                            o.properties = readProperties(v, prefix + "properties");
                        }
                    }
                    case "coordinates" -> {
                        if (level == Level.FEATURE) {
                            p.skipChildren();
                        } else {
                            o.coordinatesPath = prefix + "coordinates";
                            o.coordinates = readCoordinates(v, o.coordinatesPath);
                        }
                    }
                    case "geometries" -> {
                        if (level == Level.FEATURE) {
                            p.skipChildren();
                        } else {
                            JsonLocation l = p.currentTokenLocation();
                            o.geometriesLine = l.getLineNr();
                            o.geometriesCol = l.getColumnNr();
                            o.geometries = readGeometries(v, prefix + "geometries");
                        }
                    }
                    default -> {
                        // bbox, id, name and foreign members; the top level's scalars may say what it describes
                        if (level == Level.TOP && v.isScalarValue() && v != JsonToken.VALUE_NULL) {
                            o.members.put(key, readValue(v));
                        } else {
                            p.skipChildren();
                        }
                    }
                }
            }
            return o;
        }

        private void readFeatures(JsonToken v) throws IOException {
            if (v != JsonToken.START_ARRAY) {
                throw error(p.currentTokenLocation(), "features", "\"features\" must be an array, found "
                        + describe(v));
            }
            int i = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), i++) {
                featureCount++;
                String path = "features[" + i + "]";
                if (t == JsonToken.VALUE_NULL) {
                    warn(p.currentTokenLocation(), path + ": null instead of a feature; skipped");
                    count("null");
                    continue;
                }
                if (t != JsonToken.START_OBJECT) {
                    throw error(p.currentTokenLocation(), path, "a feature must be an object, found " + describe(t));
                }
                addFeature(readObject(Level.FEATURE, path), i);
            }
        }

        private Obj readGeometryValue(JsonToken v, String path) throws IOException {
            if (v == JsonToken.VALUE_NULL) {
                return null;
            }
            if (v != JsonToken.START_OBJECT) {
                throw error(p.currentTokenLocation(), path, "a geometry must be an object or null, found "
                        + describe(v));
            }
            return readObject(Level.GEOMETRY, path);
        }

        private List<Obj> readGeometries(JsonToken v, String path) throws IOException {
            if (v != JsonToken.START_ARRAY) {
                throw error(p.currentTokenLocation(), path, "\"geometries\" must be an array, found " + describe(v));
            }
            List<Obj> out = new ArrayList<>();
            int i = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), i++) {
                String at = path + "[" + i + "]";
                if (t != JsonToken.START_OBJECT) {
                    throw error(p.currentTokenLocation(), at, "a geometry must be an object, found " + describe(t));
                }
                out.add(readObject(Level.GEOMETRY, at));
            }
            return out;
        }

        // ---- crs ------------------------------------------------------------------------------

        private void checkCrs(JsonToken v, String path) throws IOException {
            JsonLocation l = p.currentTokenLocation();
            Object crs = readValue(v);
            if (crs == null) {
                return;
            }
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
                    return;
                }
                // the 2008 GeoJSON draft's form: {"type": "EPSG", "properties": {"code": 4326}}
                Object code = props.get("code");
                if ("EPSG".equals(m.get("type")) && code != null) {
                    if ("4326".equals(code.toString())) {
                        return;
                    }
                    described = "EPSG:" + code;
                }
            }
            Matcher epsg = EPSG_CODE.matcher(described);
            if (!epsg.find()) {
                throw error(l, path, "crs " + oneLine(described) + " is not a coordinate system controlmap knows;"
                        + " convert the file to longitude/latitude (ogr2ogr -t_srs EPSG:4326)");
            }
            if (coordinatesSeen) {
                throw error(l, path, "crs " + oneLine(described) + " comes after the coordinates it describes;"
                        + " controlmap applies a crs member only before them (where GDAL writes it)");
            }
            try {
                // Old-style GeoJSON (2008): reproject each position as it is read, so every check after
                // (range, antimeridian, repair, areas) sees lon/lat. Only such files load proj4j.
                transform = LonLatTransform.of("EPSG", Long.parseLong(epsg.group(1)));
            } catch (IllegalArgumentException e) {
                throw error(l, path, "crs " + oneLine(described) + ": " + e.getMessage()
                        + "; convert the file to longitude/latitude (ogr2ogr -t_srs EPSG:4326)");
            }
        }

        // ---- properties -----------------------------------------------------------------------

        private Map<String, Object> readProperties(JsonToken v, String path) throws IOException {
            if (v == JsonToken.VALUE_NULL) {
                return null;
            }
            if (v != JsonToken.START_OBJECT) {
                throw error(p.currentTokenLocation(), path, "\"properties\" must be an object or null, found "
                        + describe(v));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) readValue(v);
            return Collections.unmodifiableMap(m);
        }

        /** Any JSON value as String, Number (Integer, Long, BigInteger or Double), Boolean, null, Map or List. */
        private Object readValue(JsonToken t) throws IOException {
            switch (t) {
                case START_OBJECT: {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                        String key = p.currentName();
                        m.put(key, readValue(p.nextToken()));
                    }
                    return m;
                }
                case START_ARRAY: {
                    List<Object> l = new ArrayList<>();
                    for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                        l.add(readValue(e));
                    }
                    return l;
                }
                case VALUE_STRING:
                    return p.getText();
                case VALUE_NUMBER_INT:
                    return p.getNumberValue();
                case VALUE_NUMBER_FLOAT:
                    return p.getDoubleValue();
                case VALUE_TRUE:
                    return Boolean.TRUE;
                case VALUE_FALSE:
                    return Boolean.FALSE;
                case VALUE_NULL:
                    return null;
                default:
                    throw error(p.currentTokenLocation(), "", "unexpected " + describe(t));
            }
        }

        // ---- coordinates ----------------------------------------------------------------------

        private Node readCoordinates(JsonToken v, String path) throws IOException {
            if (v != JsonToken.START_ARRAY) {
                throw error(p.currentTokenLocation(), path, "\"coordinates\" must be an array, found " + describe(v));
            }
            bufLen = 0;
            coordinatesSeen = true;
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
                throw error(p.currentTokenLocation(), path(path, level), "coordinates must be numbers in nested"
                        + " arrays, found " + describe(t));
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
                        throw error(p.currentTokenLocation(), path(path, level + 1),
                                "position must be an array of 2 or more numbers");
                    }
                    throw error(p.currentTokenLocation(), path(path, level + 1),
                            "coordinates must be numbers in nested arrays, found " + describe(t));
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
                        throw error(child, path, child.kind == EMPTY
                                ? "position must be an array of 2 or more numbers"
                                : "nested deeper than the positions before it");
                    }
                } else {
                    if (child == null) {
                        throw error(p.currentTokenLocation(), path(path, level + 1),
                                "a position where arrays of positions were expected (nested too shallow)");
                    }
                    if (child.kind != EMPTY) {
                        if (childDepth < 0) {
                            childDepth = child.depth;
                            firstDepthAt = i;
                        } else if (child.depth != childDepth) {
                            throw error(child, path, "nested " + child.depth + " deep, but element ["
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
            JsonToken t = p.nextToken();
            if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                throw error(start, path(path, level), t == JsonToken.START_ARRAY
                        ? "nested too deep: a position must be an array of 2 or more numbers"
                        : "position must be an array of 2 or more numbers");
            }
            double y = p.getDoubleValue();
            // Height and measure are allowed and dropped; they must still be numbers.
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                    throw error(p.currentTokenLocation(), path(path, level),
                            "position must contain only numbers, found " + describe(t));
                }
            }
            if (transform != null && Double.isFinite(x) && Double.isFinite(y)) {
                double[] ll = transform.apply(x, y);
                if (!(Math.abs(ll[0]) <= 180 && Math.abs(ll[1]) <= 90)) {
                    throw error(start, path(path, level), String.format(Locale.ROOT, "position (%s, %s) in %s"
                            + " has no longitude/latitude", num(x), num(y), transform.label()));
                }
                x = ll[0];
                y = ll[1];
            }
            if (!(Math.abs(x) <= 180 && Math.abs(y) <= 90)) {
                String what = Double.isFinite(x) && Double.isFinite(y)
                        ? String.format(Locale.ROOT, "coordinates outside longitude/latitude range (%s, %s): this"
                                + " file looks projected (metres?); controlmap needs longitude/latitude in degrees"
                                + " (CRS84)", num(x), num(y))
                        : "number too large for a coordinate";
                throw error(start, path(path, level), what);
            }
            if (bufLen + 2 > buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            buf[bufLen++] = x;
            buf[bufLen++] = y;
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

        private String path(String base, Node n) {
            StringBuilder sb = new StringBuilder(base);
            for (int k : n.path) {
                sb.append('[').append(k).append(']');
            }
            return sb.toString();
        }

        // ---- from parsed objects to features --------------------------------------------------

        private void addFeature(Obj f, int index) {
            String where = f.path.isEmpty() ? "" : f.path;
            if (f.type == null) {
                throw InputException.at(name, f.line, f.col, label(where) + "missing \"type\" (expected \"Feature\")");
            }
            if (!f.type.equals("Feature")) {
                throw unknownType(f, "\"Feature\"");
            }
            Map<String, Object> props = f.properties;
            if (props == null) {
                if (f.hasProperties) {
                    nullProperties++;
                }
                props = Map.of();
            }
            String gpath = f.path.isEmpty() ? "geometry" : f.path + ".geometry";
            if (f.geometry == null) {
                int line = f.line;
                int col = f.col;
                warnAt(line, col, label(where) + "no geometry (" + (f.hasGeometry ? "\"geometry\": null"
                        : "no \"geometry\" member") + "); kept with an empty shape");
                count("without geometry");
                features.add(new GeoFeature(index, props, GF.createMultiPolygon()));
                return;
            }
            Obj g = f.geometry;
            String gname = g.path.isEmpty() ? "(top level)" : g.path;
            List<Polygon> polys = new ArrayList<>();
            List<String> others = new ArrayList<>();
            collect(g, polys, others);
            if (polys.isEmpty() && !others.isEmpty()) {
                warnAt(g.line, g.col, label(where) + String.join(", ", others) + " is not a polygon; feature skipped");
                others.forEach(this::count);
                return;
            }
            if (!others.isEmpty()) {
                warnAt(g.line, g.col, gname + ": " + String.join(", ", others)
                        + " in a GeometryCollection dropped; only polygons are kept");
            }
            Geometry geom = "Polygon".equals(g.type) && polys.size() == 1
                    ? polys.get(0)
                    : GF.createMultiPolygon(polys.toArray(Polygon[]::new));
            if (geom.isEmpty()) {
                warnAt(g.line, g.col, gname + ": empty " + g.type + "; kept with an empty shape");
                count("empty");
                features.add(new GeoFeature(index, props, GF.createMultiPolygon()));
                return;
            }
            GeometryRepair.Result r = GeometryRepair.repair(geom, loc(g.line, g.col) + gname);
            if (r.repaired()) {
                warnAt(g.line, g.col, gname + ": " + r.note());
            }
            Geometry valid = r.geometry();
            if (valid instanceof Polygon || valid instanceof MultiPolygon) {
                geom = valid;
            } else {
                geom = polygonalParts(valid);
            }
            polygonFeatures++;
            if (firstPolygonFeature < 0) {
                firstPolygonFeature = index;
            }
            features.add(new GeoFeature(index, props, geom));
        }

        private Geometry polygonalParts(Geometry g) {
            List<Polygon> ps = new ArrayList<>();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Geometry part = g.getGeometryN(i);
                if (part instanceof Polygon poly && !poly.isEmpty()) {
                    ps.add(poly);
                } else if (part instanceof MultiPolygon mp) {
                    for (int k = 0; k < mp.getNumGeometries(); k++) {
                        ps.add((Polygon) mp.getGeometryN(k));
                    }
                }
            }
            return ps.size() == 1 ? ps.get(0) : GF.createMultiPolygon(ps.toArray(Polygon[]::new));
        }

        /** Adds the polygons of geometry object {@code g} to {@code polys}, the names of other types to {@code others}. */
        private void collect(Obj g, List<Polygon> polys, List<String> others) {
            String gname = g.path.isEmpty() ? "(top level)" : g.path;
            if (g.type == null) {
                throw InputException.at(name, g.line, g.col, gname + ": geometry has no \"type\"");
            }
            switch (g.type) {
                case "Polygon" -> {
                    Node c = coordinates(g);
                    Polygon poly = polygon(c, g.coordinatesPath, "Polygon");
                    if (!poly.isEmpty()) { // an empty one is reported with its feature
                        polys.add(poly);
                    }
                }
                case "MultiPolygon" -> {
                    Node c = coordinates(g);
                    if (c.kind == EMPTY) {
                        return;
                    }
                    if (c.kind != LIST || c.depth != 4 && c.depth != 1) {
                        throw shapeError(c, g.coordinatesPath, "MultiPolygon", 4);
                    }
                    for (Node member : c.children) {
                        if (member.kind == EMPTY) {
                            warnAt(member.line, member.col, path(g.coordinatesPath, member)
                                    + ": EMPTY member of a MultiPolygon; ignored");
                            continue;
                        }
                        Polygon poly = polygon(member, g.coordinatesPath, "MultiPolygon member");
                        if (!poly.isEmpty()) {
                            polys.add(poly);
                        }
                    }
                }
                case "GeometryCollection" -> {
                    if (g.geometries == null) {
                        throw InputException.at(name, g.line, g.col, gname
                                + ": GeometryCollection has no \"geometries\" array");
                    }
                    for (Obj member : g.geometries) {
                        collect(member, polys, others);
                    }
                }
                case "Point" -> other(g, 1, others);
                case "LineString", "MultiPoint" -> other(g, 2, others);
                case "MultiLineString" -> other(g, 3, others);
                default -> throw unknownType(g, "a geometry type (Polygon, MultiPolygon, GeometryCollection...)");
            }
        }

        private void other(Obj g, int depth, List<String> others) {
            Node c = coordinates(g);
            if (c.kind != EMPTY && c.depth != depth) {
                throw shapeError(c, g.coordinatesPath, g.type, depth);
            }
            others.add(g.type);
        }

        private Node coordinates(Obj g) {
            if (g.coordinates == null) {
                String gname = g.path.isEmpty() ? "(top level)" : g.path;
                throw InputException.at(name, g.line, g.col, gname + ": " + g.type + " has no \"coordinates\"");
            }
            return g.coordinates;
        }

        /** A Polygon from its coordinates node (an array of rings). */
        private Polygon polygon(Node c, String base, String what) {
            if (c.kind == EMPTY) {
                return GF.createPolygon();
            }
            if (c.kind != LIST || c.depth != 3 && c.depth != 1) {
                throw shapeError(c, base, what, 3);
            }
            LinearRing[] rings = new LinearRing[c.children.size()];
            for (int i = 0; i < rings.length; i++) {
                rings[i] = ring(c.children.get(i), base);
            }
            return GF.createPolygon(rings[0], Arrays.copyOfRange(rings, 1, rings.length));
        }

        private LinearRing ring(Node r, String base) {
            if (r.kind == EMPTY) {
                throw error(r, base, "ring has 0 positions; a closed ring needs at least 4 (the last equal to the"
                        + " first)");
            }
            if (r.kind != RING) {
                throw error(r, base, "nested too deep: a ring must be an array of positions");
            }
            Coordinate[] cs = r.coords;
            if (cs.length < 4) {
                throw error(r, base, "ring has " + cs.length + " position" + (cs.length == 1 ? "" : "s")
                        + "; a closed ring needs at least 4 (the last equal to the first)");
            }
            Coordinate a = cs[0];
            Coordinate b = cs[cs.length - 1];
            if (!a.equals2D(b)) {
                throw error(r, base, "ring is not closed: first position (" + num(a.x) + ", " + num(a.y)
                        + ") differs from last (" + num(b.x) + ", " + num(b.y) + ")");
            }
            if (r.maxX - r.minX > 180) {
                throw error(r, base, "ring spans " + num(r.maxX - r.minX) + "° of longitude: it crosses the"
                        + " antimeridian, which controlmap does not support (split it at ±180°)");
            }
            return GF.createLinearRing(new CoordinateArraySequence(cs, 2, 0));
        }

        private InputException shapeError(Node c, String base, String type, int depth) {
            String expected = switch (depth) {
                case 1 -> "a position [lon, lat]";
                case 2 -> "an array of positions";
                case 3 -> "an array of rings (arrays of positions)";
                default -> "an array of polygons (arrays of rings of positions)";
            };
            String found = c.kind == POSITION ? "a single position"
                    : c.kind == RING ? "an array of positions"
                    : "arrays nested " + c.depth + " deep";
            String how = c.depth < depth ? "nested too shallow" : "nested too deep";
            return error(c, base, type + " coordinates " + how + ": expected " + expected + ", found " + found);
        }

        // ---- end of file ----------------------------------------------------------------------

        private void finish() {
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

        // ---- messages -------------------------------------------------------------------------

        private void count(String kind) {
            otherKinds.merge(kind, 1, Integer::sum);
        }

        private void warn(JsonLocation l, String what) {
            if (l == null) {
                warnAt(0, 0, what);
            } else {
                warnAt(l.getLineNr(), l.getColumnNr(), what);
            }
        }

        private void warnAt(int line, int col, String what) {
            if (warned >= MAX_WARNINGS) {
                unshownWarnings++;
                return;
            }
            warned++;
            warnings.accept(loc(line, col) + what);
        }

        /** {@code name:line:col: } or {@code name: }. */
        private String loc(int line, int col) {
            return InputException.at(name, line, col, "").getMessage();
        }

        private String label(String path) {
            return path.isEmpty() ? "" : path + ": ";
        }

        private InputException error(JsonLocation l, String path, String what) {
            return InputException.at(name, l.getLineNr(), l.getColumnNr(), label(path) + what);
        }

        private InputException error(Node n, String base, String what) {
            return InputException.at(name, n.line, n.col, label(path(base, n)) + what);
        }

        private InputException unknownType(Obj o, String expected) {
            String path = o.path.isEmpty() ? "type" : o.path + ".type";
            String hint = "";
            for (String known : TYPES) {
                if (known.equalsIgnoreCase(o.type) && !known.equals(o.type)) {
                    hint = " (GeoJSON types are case-sensitive: \"" + known + "\")";
                }
            }
            return InputException.at(name, o.typeLine, o.typeCol, path + ": \"" + oneLine(o.type)
                    + "\" where " + expected + " was expected" + hint);
        }

        private InputException syntax(StreamReadException e) {
            JsonLocation l = e.getLocation() != null ? e.getLocation() : p == null ? null : p.currentLocation();
            String path = p == null ? "" : jsonPath(p.getParsingContext());
            return InputException.at(name, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(),
                    label(path) + explain(e.getOriginalMessage()));
        }

        private InputException constraint(StreamConstraintsException e) {
            String m = String.valueOf(e.getOriginalMessage());
            if (m.startsWith("Document length")) {
                return tooBig(new CappedInputStream.CapExceeded(maxBytes));
            }
            JsonLocation l = p == null ? null : p.currentLocation();
            String what;
            if (m.startsWith("Number value length") || m.startsWith("Number length")) {
                what = "number longer than " + MAX_NUMBER_LENGTH + " characters";
            } else if (m.contains("nesting depth")) {
                what = "JSON nested deeper than " + MAX_NESTING + " levels";
            } else {
                what = explain(m);
            }
            String path = p == null ? "" : jsonPath(p.getParsingContext());
            return InputException.at(name, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(),
                    label(path) + what);
        }
    }

    private static final List<String> TYPES = List.of("FeatureCollection", "Feature", "Polygon", "MultiPolygon",
            "GeometryCollection", "Point", "LineString", "MultiPoint", "MultiLineString");

    /** Marks IOExceptions from the gzip layer so they can be told apart from read errors. */
    private static final class GzipFailure extends IOException {
        private static final long serialVersionUID = 1L;

        GzipFailure(IOException cause) {
            super(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), cause);
        }
    }

    private static final class GzipStream extends java.io.FilterInputStream {
        GzipStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return in.read();
            } catch (IOException e) {
                throw new GzipFailure(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (IOException e) {
                throw new GzipFailure(e);
            }
        }
    }

    private static boolean isLonLat(String crs) {
        String c = crs.trim().toUpperCase(Locale.ROOT);
        return c.endsWith("CRS84") || c.endsWith("CRS:84")
                || c.contains("EPSG") && (c.endsWith(":4326") || c.endsWith("/4326"));
    }

    /** The EPSG code at the end of a crs name: EPSG:3857, urn:ogc:def:crs:EPSG::3857, .../EPSG/0/3857. */
    private static final Pattern EPSG_CODE = Pattern.compile("(?i)EPSG.*?(\\d+)\\s*$");

    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]");

    /** Jackson's message, made one line, its locations shortened and common cases said in plain words. */
    private static String explain(String jackson) {
        String m = oneLine(jackson);
        if (m.startsWith("Unexpected end-of-input")) {
            Matcher open = Pattern.compile("start marker at " + SOURCE.pattern()).matcher(m);
            String where = open.find() ? " (opened at line " + open.group(1) + ", column " + open.group(2) + ")" : "";
            String lower = m.toLowerCase(Locale.ROOT);
            String what = lower.contains("array") ? "an array" : lower.contains("object") ? "an object"
                    : lower.contains("string") ? "a string" : "the JSON";
            return "unexpected end of file: " + what + where + " is not closed (truncated or unbalanced JSON)";
        }
        if (m.startsWith("Non-standard token")) {
            Matcher t = Pattern.compile("'([^']*)'").matcher(m);
            String tok = t.find() ? t.group(1) : "NaN";
            return tok + " is not a number JSON allows (NaN and Infinity are not valid coordinates)";
        }
        if (m.contains("Non-standard number parsing") || m.contains("'NaN'") || m.contains("Infinity")) {
            return "NaN and Infinity are not numbers JSON allows: " + stripSource(m);
        }
        if (m.startsWith("Duplicate Object property") || m.startsWith("Duplicate field")) {
            Matcher t = Pattern.compile("\"([^\"]*)\"|'([^']*)'").matcher(m);
            String key = t.find() ? (t.group(1) != null ? t.group(1) : t.group(2)) : "?";
            return "duplicate key \"" + key + "\"";
        }
        return stripSource(m);
    }

    private static String stripSource(String m) {
        return SOURCE.matcher(m).replaceAll("line $1, column $2");
    }

    /** The JSON path of the parser's position, e.g. {@code features[3].geometry.coordinates[0][2]}. */
    private static String jsonPath(JsonStreamContext ctx) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                parts.add("." + c.getCurrentName());
            }
        }
        Collections.reverse(parts);
        if (parts.size() > 12) { // a path as deep as the nesting cap says nothing more after a dozen steps
            int depth = parts.size();
            parts = new ArrayList<>(parts.subList(0, 10));
            parts.add("... (" + depth + " levels)");
        }
        String s = String.join("", parts);
        return s.startsWith(".") ? s.substring(1) : s;
    }

    private static String describe(JsonToken t) {
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

    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
