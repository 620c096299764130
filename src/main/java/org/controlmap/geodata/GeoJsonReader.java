package org.controlmap.geodata;

import org.controlmap.InputException;


import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.controlmap.geodata.GeoJsonGeometry.Node;
import org.controlmap.geodata.GeoJsonGeometry.Obj;

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
 * are errors, found by this reader (the parser lets them pass) so that the
 * message gives their path; Jackson's own errors are put in plain words by
 * {@link JsonErrors}; values quoted in messages are cut by {@link Quote}.
 *
 * <p>The work is shared out: {@link InputSniffer} (gzip or not), this class
 * (the streaming walk over the document, and the public API),
 * {@link GeoJsonCoordinates} (coordinate arrays, checked and located as they stream),
 * {@link JsonTree} (properties, crs and top-level members, read whole),
 * {@link GeoJsonGeometry} (parsed objects to valid JTS polygons) and
 * {@link GeoJsonDiagnostics} (warnings, errors, file-wide checks).
 *
 * <p>Speed: the document is streamed (Jackson {@link JsonParser}; only
 * properties are read as a tree); coordinates go through a reused
 * {@code double[]} into one coordinate array per ring, without boxing. A reader holds no per-file state, so one instance may be used from
 * several threads.
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
                // NaN and duplicate keys are refused by this reader, which says where and in plain words
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
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
            throw new InputException(name + ": cannot open: " + Quote.reason(e.getMessage()), e);
        }
        try (in) {
            return read(in, name);
        } catch (IOException e) {
            throw new InputException(name + ": cannot read: " + Quote.reason(e.getMessage()), e);
        }
    }

    /**
     * Reads GeoJSON (plain or gzip) from a stream, which is left open.
     *
     * @param name how messages name the input, e.g. a file name
     */
    public List<GeoFeature> read(InputStream in, String name) {
        return new Parse(name, null).run(in);
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
        return document(new Parse(name, null), in);
    }

    /**
     * Reads GeoJSON (plain or gzip) like {@link #readDocument(InputStream, String)}, handing each feature to
     * {@code sink} as soon as it is read instead of keeping it: memory then holds one feature at a time, not
     * the file. The checks and messages are the same; the document returned has no features.
     */
    public Document readDocument(InputStream in, String name, Consumer<GeoFeature> sink) {
        return document(new Parse(name, sink), in);
    }

    private static Document document(Parse parse, InputStream in) {
        List<GeoFeature> features = parse.run(in);
        Obj top = parse.top;
        return new Document(features, Collections.unmodifiableMap(top.members),
                top.properties == null ? Map.of() : top.properties);
    }

    private enum Level { TOP, FEATURE, GEOMETRY }

    /** Refuses NaN and Infinity, which the parser passes so that this reader can say where they are. */
    private static final JsonTree.Refusal NON_NUMERIC = p -> {
        String literal = JsonTree.nonNumericLiteral(p);
        return literal == null ? null : notANumber(literal);
    };

    static String notANumber(String literal) {
        return literal + " is not a number JSON allows (NaN and Infinity are not valid coordinates)";
    }

    /**
     * One parse of one file: the streaming walk over the document, building
     * {@link Obj}s and coordinate {@link Node}s and handing each feature to
     * {@link GeoJsonGeometry}; holds the parser and the coordinate buffer.
     */
    private final class Parse {
        private final String name;
        private JsonParser p;
        private final List<GeoFeature> features = new ArrayList<>();
        private final GeoJsonDiagnostics diag;
        private final GeoJsonGeometry geometry;
        private Obj top;
        private boolean coordinatesSeen;
        private final GeoJsonCoordinates coordinates;

        /** @param sink receives the features as they are read, or null to keep them in {@link #features} */
        Parse(String name, Consumer<GeoFeature> sink) {
            this.name = name;
            this.diag = new GeoJsonDiagnostics(name, warnings);
            this.geometry = new GeoJsonGeometry(diag, sink == null ? features::add : sink);
            this.coordinates = new GeoJsonCoordinates(diag, MAX_NESTING);
        }

        List<GeoFeature> run(InputStream raw) {
            CappedInputStream in = null;
            try {
                in = new CappedInputStream(InputSniffer.decompressing(raw), maxBytes);
                try (JsonParser parser = json.createParser(in)) {
                    p = parser;
                    parseDocument();
                }
            } catch (CappedInputStream.CapExceeded e) {
                throw tooBig(e);
            } catch (JsonTree.Malformed e) {
                throw InputException.at(name, e.line(), e.column(), label(e.path()) + e.getMessage());
            } catch (JsonProcessingException e) {
                throw JsonErrors.describe(e, p, in != null && in.atEnd(), MAX_NESTING, MAX_NUMBER_LENGTH).in(name);
            } catch (InputSniffer.GzipFailure e) {
                throw new InputException(name + ": gzip data is truncated or corrupt (" + Quote.reason(e.getMessage())
                        + ")", e);
            } catch (IOException e) {
                throw new InputException(name + ": cannot read: " + Quote.reason(e.getMessage()), e);
            }
            diag.finish();
            return Collections.unmodifiableList(features);
        }

        private InputException tooBig(CappedInputStream.CapExceeded e) {
            return new InputException(name + ": larger than " + maxBytes + " bytes of (uncompressed) JSON; "
                    + InputLimit.raise(maxBytes), e);
        }

        /** Skips the value whose first token is current, still refusing duplicate keys and NaN in it. */
        private void skip() throws IOException {
            JsonTree.read(p, NON_NUMERIC);
        }

        // ---- document structure ---------------------------------------------------------------

        private void parseDocument() throws IOException {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new InputException(name + ": empty file");
            }
            if (t != JsonToken.START_OBJECT) {
                throw diag.error(p.currentTokenLocation(), "", "a GeoJSON file must be a JSON object ({...}), found "
                        + describe(t));
            }
            top = readObject(Level.TOP, "");
            JsonToken after = p.nextToken();
            if (after != null) {
                throw diag.error(p.currentTokenLocation(), "", "unexpected content (" + describe(after)
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
                    diag.featureCount++;
                    geometry.addFeature(top, 0);
                }
                case "Polygon", "MultiPolygon", "GeometryCollection", "Point", "LineString", "MultiPoint",
                        "MultiLineString" -> {
                    diag.featureCount++;
                    Obj feature = new Obj("", top.line, top.col);
                    feature.type = "Feature";
                    feature.hasGeometry = true;
                    feature.geometry = top;
                    feature.hasProperties = true;
                    feature.properties = Map.of();
                    geometry.addFeature(feature, 0);
                }
                default -> throw diag.unknownType(top, "\"FeatureCollection\", \"Feature\" or a geometry type");
            }
        }

        /** Reads the object whose START_OBJECT is the current token; leaves END_OBJECT current. */
        private Obj readObject(Level level, String path) throws IOException {
            JsonLocation start = p.currentTokenLocation();
            Obj o = new Obj(path, start.getLineNr(), start.getColumnNr());
            String prefix = path.isEmpty() ? "" : path + ".";
            Set<String> keys = new HashSet<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                String key = p.currentName();
                if (!keys.add(key)) {
                    throw diag.error(p.currentTokenLocation(), JsonErrors.path(p.getParsingContext()),
                            "duplicate key \"" + Quote.cut(key) + "\"");
                }
                JsonToken v = p.nextToken();
                switch (key) {
                    case "type" -> {
                        JsonLocation l = p.currentTokenLocation();
                        if (v != JsonToken.VALUE_STRING) {
                            throw diag.error(l, prefix + "type", "\"type\" must be a string, found " + describe(v));
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
                            skip();
                        }
                    }
                    case "geometry" -> {
                        if (level == Level.GEOMETRY) {
                            skip();
                        } else {
                            o.hasGeometry = true;
                            o.geometry = readGeometryValue(v, prefix + "geometry");
                        }
                    }
                    case "properties" -> {
                        if (level == Level.GEOMETRY) {
                            skip();
                        } else {
                            o.hasProperties = true;
                            o.properties = readProperties(v, prefix + "properties");
                        }
                    }
                    case "coordinates" -> {
                        if (level == Level.FEATURE) {
                            skip();
                        } else {
                            o.coordinatesPath = prefix + "coordinates";
                            o.coordinates = readCoordinates(v, o.coordinatesPath);
                        }
                    }
                    case "geometries" -> {
                        if (level == Level.FEATURE) {
                            skip();
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
                            skip();
                        }
                    }
                }
            }
            return o;
        }

        private void readFeatures(JsonToken v) throws IOException {
            if (v != JsonToken.START_ARRAY) {
                throw diag.error(p.currentTokenLocation(), "features", "\"features\" must be an array, found "
                        + describe(v));
            }
            int i = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), i++) {
                diag.featureCount++;
                String path = "features[" + i + "]";
                if (t == JsonToken.VALUE_NULL) {
                    diag.warn(p.currentTokenLocation(), path + ": null instead of a feature; skipped");
                    diag.count("null");
                    continue;
                }
                if (t != JsonToken.START_OBJECT) {
                    throw diag.error(p.currentTokenLocation(), path,
                        "a feature must be an object, found " + describe(t));
                }
                geometry.addFeature(readObject(Level.FEATURE, path), i);
            }
        }

        private Obj readGeometryValue(JsonToken v, String path) throws IOException {
            if (v == JsonToken.VALUE_NULL) {
                return null;
            }
            if (v != JsonToken.START_OBJECT) {
                throw diag.error(p.currentTokenLocation(), path, "a geometry must be an object or null, found "
                        + describe(v));
            }
            return readObject(Level.GEOMETRY, path);
        }

        private List<Obj> readGeometries(JsonToken v, String path) throws IOException {
            if (v != JsonToken.START_ARRAY) {
                throw diag.error(p.currentTokenLocation(), path,
                        "\"geometries\" must be an array, found " + describe(v));
            }
            List<Obj> out = new ArrayList<>();
            int i = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), i++) {
                String at = path + "[" + i + "]";
                if (t != JsonToken.START_OBJECT) {
                    throw diag.error(p.currentTokenLocation(), at,
                        "a geometry must be an object, found " + describe(t));
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
            GeoJsonCrs c = GeoJsonCrs.of(crs);
            if (c.lonLat()) {
                return;
            }
            String described = c.described();
            if (c.epsgCode() == null) {
                throw diag.error(l, path, "crs " + Quote.cut(described) + " is not a coordinate system controlmap knows;"
                        + " convert the file to longitude/latitude (ogr2ogr -t_srs EPSG:4326)");
            }
            if (coordinatesSeen) {
                throw diag.error(l, path, "crs " + Quote.cut(described) + " comes after the coordinates it describes;"
                        + " controlmap applies a crs member only before them (where GDAL writes it)");
            }
            try {
                // Old-style GeoJSON (2008): reproject each position as it is read, so every check after
                // (range, antimeridian, repair, areas) sees lon/lat. Only such files load proj4j.
                coordinates.transform = LonLatTransform.of("EPSG", Long.parseLong(c.epsgCode()));
            } catch (IllegalArgumentException e) {
                throw diag.error(l, path, "crs " + Quote.cut(described) + ": " + e.getMessage()
                        + "; convert the file to longitude/latitude (ogr2ogr -t_srs EPSG:4326)");
            }
        }

        // ---- properties -----------------------------------------------------------------------

        private Map<String, Object> readProperties(JsonToken v, String path) throws IOException {
            if (v == JsonToken.VALUE_NULL) {
                return null;
            }
            if (v != JsonToken.START_OBJECT) {
                throw diag.error(p.currentTokenLocation(), path, "\"properties\" must be an object or null, found "
                        + describe(v));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) readValue(v);
            return m;
        }

        /** Any JSON value as String, Number (Integer, Long, BigInteger or Double), Boolean, null, Map or List. */
        private Object readValue(JsonToken t) throws IOException {
            return JsonTree.read(p, NON_NUMERIC).plain();
        }

        private Node readCoordinates(JsonToken v, String path) throws IOException {
            coordinatesSeen = true;
            return coordinates.read(p, v, path);
        }
    }

    private static String describe(JsonToken t) {
        return GeoJsonDiagnostics.describe(t);
    }

    private static String label(String path) {
        return GeoJsonDiagnostics.label(path);
    }
}
