package org.controlmap.geodata;

import org.controlmap.InputException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Geometry;
import org.wololo.flatgeobuf.ColumnMeta;
import org.wololo.flatgeobuf.GeometryConversions;
import org.wololo.flatgeobuf.HeaderMeta;
import org.wololo.flatgeobuf.generated.ColumnType;
import org.wololo.flatgeobuf.generated.Crs;
import org.wololo.flatgeobuf.generated.Feature;
import org.wololo.flatgeobuf.generated.Header;

/**
 * Reads the polygons of a FlatGeobuf file (version 3) with the wololo FlatGeobuf library.
 *
 * <p>Layout: 8 magic bytes ({@code fgb\3fgb\0}), a size-prefixed header (geometry type, columns, CRS),
 * the optional packed R-tree index (skipped: every feature is read), then size-prefixed features in order,
 * indexed from 0. Properties are decoded by the header's column types; the header's {@code name} is the
 * document's {@code name} member. The header's CRS, when it names one other than EPSG:4326 (by code, or by
 * WKT), is reprojected to lon/lat ({@link LonLatTransform}); none at all means lon/lat, so projected
 * coordinates in a file that does not say so are refused by the range check.
 *
 * <p>The file is read into memory whole (capped at the input limit, {@link InputLimit}): control files
 * are megabytes, and a buffer lets a truncated file be told by offset.
 */
final class FlatGeobufReader {

    private final Consumer<String> warnings;

    FlatGeobufReader(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    /**
     * Reads {@code file}, refusing one of more than {@code maxBytes} ({@link InputLimit}), handing features
     * to {@code sink} (null: keep them in the document returned) and telling {@code progress} how far into
     * the file it got.
     */
    GeoJsonReader.Document read(Path file, long maxBytes, Consumer<GeoFeature> sink, ReadProgress progress) {
        String name = file.toString();
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw InputLimit.tooLarge(name, "file of " + size + " bytes", maxBytes);
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException(name + ": cannot read (" + Quote.reason(e.getMessage()) + ")", e);
        }
        if (bytes.length < 8 || bytes[0] != 'f' || bytes[1] != 'g' || bytes[2] != 'b') {
            throw new InputException(name + ": not a FlatGeobuf file (it does not start with the magic bytes"
                    + " 66 67 62 03 66 67 62)");
        }
        if (bytes[3] != 3) {
            throw new InputException(name + ": FlatGeobuf version " + bytes[3] + "; controlmap reads version 3");
        }
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        HeaderMeta hm;
        Header header;
        try {
            hm = HeaderMeta.read(bb);
            int size = bb.getInt(8);
            ByteBuffer hb = bb.duplicate().order(ByteOrder.LITTLE_ENDIAN);
            hb.position(12).limit(12 + size);
            header = Header.getRootAsHeader(hb.slice().order(ByteOrder.LITTLE_ENDIAN));
        } catch (IOException | RuntimeException e) {
            throw new InputException(name + ": byte 8: FlatGeobuf header is truncated or corrupt ("
                    + Quote.reason(String.valueOf(e.getMessage())) + ")", e);
        }
        LonLatTransform transform = transform(name, header.crs());
        Map<String, Object> members = new LinkedHashMap<>();
        if (hm.name != null && !hm.name.isBlank()) {
            members.put("name", hm.name);
        }
        long pos = hm.offset;
        if (hm.indexNodeSize > 0 && hm.featuresCount > 0) {
            if (hm.indexNodeSize < 2) {
                throw new InputException(name + ": byte 8: FlatGeobuf header is corrupt (index node size "
                        + hm.indexNodeSize + ")");
            }
            pos += indexSize(hm.featuresCount, hm.indexNodeSize);
        }
        ProgressCounter counter = new ProgressCounter(progress, bytes.length);
        FeatureCollector out = new FeatureCollector(name, warnings, sink == null ? null : counter.count(sink));
        int index = 0;
        while (pos < bytes.length) {
            counter.at(pos);
            String where = name + ": feature " + index + " (byte " + pos + ")";
            Geometry g;
            Map<String, Object> props;
            try {
                if (pos + 4 > bytes.length) {
                    throw new IndexOutOfBoundsException("size prefix cut off");
                }
                int len = bb.getInt((int) pos);
                if (len < 0 || pos + 4 + len > bytes.length) {
                    throw new IndexOutOfBoundsException("feature of " + len + " bytes, file ends "
                            + (bytes.length - pos - 4) + " bytes on");
                }
                ByteBuffer fb = bb.duplicate().order(ByteOrder.LITTLE_ENDIAN);
                fb.position((int) pos + 4).limit((int) pos + 4 + len);
                Feature f = Feature.getRootAsFeature(fb.slice().order(ByteOrder.LITTLE_ENDIAN));
                props = properties(f, hm.columns);
                g = null;
                if (f.geometry() != null) {
                    int type = hm.geometryType != 0 ? hm.geometryType : f.geometry().type();
                    g = GeometryConversions.deserialize(f.geometry(), type);
                }
                pos += 4 + len;
            } catch (RuntimeException e) {
                throw new InputException(where + ": truncated or corrupt (" + Quote.reason(
                        String.valueOf(e.getMessage())) + ")", e);
            }
            if (g != null && transform != null) {
                g = transform.apply(g);
            }
            out.add(index++, props, g, where);
        }
        if (hm.featuresCount > 0 && index != hm.featuresCount) {
            throw new InputException(name + ": header says " + hm.featuresCount + " features, file has " + index
                    + " (truncated?)");
        }
        counter.at(bytes.length);
        counter.finish();
        return new GeoJsonReader.Document(out.finish(), members, Map.of());
    }

    /**
     * Bytes of the packed Hilbert R-tree that follows the header: 40 bytes a node, over all levels
     * (the FlatGeobuf spec; as the library's {@code PackedRTree.calcSize}, whose class needs Guava).
     */
    static long indexSize(long features, int nodeSize) {
        if (nodeSize < 2) {
            throw new IllegalArgumentException("index node size " + nodeSize + " (must be at least 2)");
        }
        int size = Math.min(nodeSize, 65535);
        long n = features;
        long nodes = n;
        do {
            n = (n + size - 1) / size;
            nodes += n;
        } while (n != 1);
        return nodes * 40;
    }

    private static LonLatTransform transform(String name, Crs crs) {
        if (crs == null) {
            return null;
        }
        String org = crs.org() == null || crs.org().isBlank() ? "EPSG" : crs.org();
        int code = crs.code();
        try {
            if (code != 0) {
                return LonLatTransform.of(org, code);
            }
            if (crs.wkt() != null && !crs.wkt().isBlank()) {
                return LonLatTransform.ofWkt(crs.name() == null ? "the header's CRS" : crs.name(), crs.wkt());
            }
            return null;
        } catch (IllegalArgumentException e) {
            throw new InputException(name + ": header CRS: " + e.getMessage(), e);
        }
    }

    /** Decodes a feature's properties: (uint16 column, value) pairs, little-endian, typed by the header. */
    private static Map<String, Object> properties(Feature f, List<ColumnMeta> columns) {
        Map<String, Object> props = new LinkedHashMap<>();
        ByteBuffer p = f.propertiesAsByteBuffer();
        if (p == null || columns == null) {
            return props;
        }
        p = p.slice().order(ByteOrder.LITTLE_ENDIAN);
        while (p.remaining() >= 2) {
            int i = Short.toUnsignedInt(p.getShort());
            if (i >= columns.size()) {
                throw new IndexOutOfBoundsException("property of column " + i + ", header has " + columns.size());
            }
            ColumnMeta c = columns.get(i);
            Object v = switch (c.type) {
                case ColumnType.Byte -> (int) p.get();
                case ColumnType.UByte -> Byte.toUnsignedInt(p.get());
                case ColumnType.Bool -> p.get() != 0;
                case ColumnType.Short -> (int) p.getShort();
                case ColumnType.UShort -> Short.toUnsignedInt(p.getShort());
                case ColumnType.Int -> p.getInt();
                case ColumnType.UInt -> Integer.toUnsignedLong(p.getInt());
                case ColumnType.Long, ColumnType.ULong -> p.getLong();
                case ColumnType.Float -> (double) p.getFloat();
                case ColumnType.Double -> p.getDouble();
                case ColumnType.String, ColumnType.Json, ColumnType.DateTime -> {
                    byte[] b = new byte[p.getInt()];
                    p.get(b);
                    yield new String(b, StandardCharsets.UTF_8);
                }
                case ColumnType.Binary -> {
                    p.position(p.position() + p.getInt());
                    yield null;
                }
                default -> throw new IndexOutOfBoundsException("unknown column type " + c.type);
            };
            if (v != null) {
                props.put(c.name, v);
            }
        }
        return props;
    }
}
