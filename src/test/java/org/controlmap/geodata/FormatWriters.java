package org.controlmap.geodata;

import com.google.flatbuffers.FlatBufferBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.db.TableColumnKey;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKBWriter;
import org.wololo.flatgeobuf.ColumnMeta;
import org.wololo.flatgeobuf.Constants;
import org.wololo.flatgeobuf.GeometryConversions;
import org.wololo.flatgeobuf.HeaderMeta;
import org.wololo.flatgeobuf.generated.ColumnType;
import org.wololo.flatgeobuf.generated.Feature;

/**
 * Writes the same features as GeoJSON, KML, KMZ, GeoPackage and FlatGeobuf, for tests of
 * {@link FeatureFiles} (fixtures made in the test, never read from shared data). Each feature's properties
 * are written as text. EPSG:3857 is written with the spherical Web Mercator formulas, independently of the
 * reader's proj4j.
 */
public final class FormatWriters {

    private static final GeometryFactory GF = new GeometryFactory();

    private FormatWriters() {
    }

    /** One feature to write: text properties and a polygonal geometry in lon/lat. */
    public record Shape(Map<String, String> properties, Geometry geometry) {
    }

    public static void geoJson(Path file, List<Shape> shapes) throws IOException {
        List<GeoJsonWriter.Feature> fs = new ArrayList<>();
        for (Shape s : shapes) {
            fs.add(new GeoJsonWriter.Feature(s.properties(), s.geometry()));
        }
        Files.write(file, GeoJsonWriter.toBytes(fs));
    }

    public static String kml(String documentName, List<Shape> shapes) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n<name>" + documentName + "</name>\n"
                + "<Style id=\"ru\"><PolyStyle><color>7f0000ff</color></PolyStyle></Style>\n<Folder><name>Areas</name>\n");
        for (Shape s : shapes) {
            sb.append("<Placemark>\n");
            String name = s.properties().get("name");
            if (name != null) {
                sb.append("<name>").append(name).append("</name>\n");
            }
            sb.append("<styleUrl>#ru</styleUrl>\n<ExtendedData>\n");
            s.properties().forEach((k, v) -> {
                if (!k.equals("name")) {
                    sb.append("<Data name=\"").append(k).append("\"><value>").append(v).append("</value></Data>\n");
                }
            });
            sb.append("</ExtendedData>\n");
            Geometry g = s.geometry();
            boolean multi = g.getNumGeometries() > 1;
            if (multi) {
                sb.append("<MultiGeometry>\n");
            }
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Polygon p = (Polygon) g.getGeometryN(i);
                sb.append("<Polygon><outerBoundaryIs><LinearRing><coordinates>\n");
                ring(sb, p.getExteriorRing());
                sb.append("</coordinates></LinearRing></outerBoundaryIs>\n");
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    sb.append("<innerBoundaryIs><LinearRing><coordinates>");
                    ring(sb, p.getInteriorRingN(h));
                    sb.append("</coordinates></LinearRing></innerBoundaryIs>\n");
                }
                sb.append("</Polygon>\n");
            }
            if (multi) {
                sb.append("</MultiGeometry>\n");
            }
            sb.append("</Placemark>\n");
        }
        return sb.append("</Folder>\n</Document>\n</kml>\n").toString();
    }

    private static void ring(StringBuilder sb, LinearRing r) {
        for (Coordinate c : r.getCoordinates()) {
            sb.append(c.x).append(',').append(c.y).append(",0 ");
        }
        sb.append('\n');
    }

    /** A zip holding {@code entries} (name, text) in order. */
    public static void zip(Path file, Map<String, String> entries) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
    }

    /** Web Mercator (EPSG:3857, sphere of radius 6378137 m) of a lon/lat geometry. */
    public static Geometry mercator(Geometry lonLat) {
        Geometry g = lonLat.copy();
        g.apply((Coordinate c) -> {
            double r = 6378137;
            double x = Math.toRadians(c.x) * r;
            double y = r * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(c.y) / 2));
            c.x = x;
            c.y = y;
        });
        g.geometryChanged();
        return g;
    }

    /** A GeoPackage with one feature table {@code table}, its geometry in {@code epsg} (4326 or 3857). */
    public static void gpkg(Path file, String table, List<Shape> shapes, int epsg) {
        GeoPackageManager.create(file.toFile());
        try (GeoPackage gp = GeoPackageManager.open(file.toFile())) {
            addTable(gp, table, shapes, epsg);
        } catch (java.sql.SQLException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds a feature table to an open GeoPackage. */
    public static void addTable(GeoPackage gp, String table, List<Shape> shapes, int epsg)
            throws java.sql.SQLException, IOException {
        SpatialReferenceSystem srs = gp.getSpatialReferenceSystemDao().getOrCreateCode("EPSG", epsg);
        GeometryColumns gc = new GeometryColumns();
        gc.setId(new TableColumnKey(table, "geom"));
        gc.setGeometryType(GeometryType.GEOMETRY);
        gc.setZ((byte) 0);
        gc.setM((byte) 0);
        gc.setSrs(srs);
        List<String> keys = new ArrayList<>();
        shapes.forEach(s -> s.properties().keySet().forEach(k -> {
            if (!keys.contains(k)) {
                keys.add(k);
            }
        }));
        List<FeatureColumn> cols = new ArrayList<>();
        keys.forEach(k -> cols.add(FeatureColumn.createColumn(k, GeoPackageDataType.TEXT)));
        gp.createFeatureTable(FeatureTableMetadata.create(gc, cols));
        FeatureDao dao = gp.getFeatureDao(table);
        WKBWriter wkb = new WKBWriter(2);
        for (Shape s : shapes) {
            FeatureRow row = dao.newRow();
            s.properties().forEach(row::setValue);
            Geometry g = epsg == 3857 ? mercator(s.geometry()) : s.geometry();
            row.setGeometry(GeoPackageGeometryData.createFromWkb(srs.getSrsId(), wkb.write(g)));
            dao.create(row);
        }
    }

    /** A FlatGeobuf file (no index) of MultiPolygons, its header's CRS {@code epsg} (4326 or 3857). */
    public static void fgb(Path file, String name, List<Shape> shapes, int epsg) throws IOException {
        List<String> keys = new ArrayList<>();
        shapes.forEach(s -> s.properties().keySet().forEach(k -> {
            if (!keys.contains(k)) {
                keys.add(k);
            }
        }));
        HeaderMeta hm = new HeaderMeta();
        hm.name = name;
        hm.geometryType = (byte) org.wololo.flatgeobuf.generated.GeometryType.MultiPolygon;
        hm.srid = epsg;
        hm.featuresCount = shapes.size();
        hm.indexNodeSize = 0;
        hm.columns = new ArrayList<>();
        for (String k : keys) {
            ColumnMeta c = new ColumnMeta();
            c.name = k;
            c.type = (byte) ColumnType.String;
            hm.columns.add(c);
        }
        Envelope env = new Envelope();
        List<Geometry> gs = new ArrayList<>();
        for (Shape s : shapes) {
            Geometry g = epsg == 3857 ? mercator(s.geometry()) : s.geometry();
            if (!(g instanceof MultiPolygon)) {
                g = GF.createMultiPolygon(new Polygon[] {(Polygon) g});
            }
            gs.add(g);
            env.expandToInclude(g.getEnvelopeInternal());
        }
        hm.envelope = env;
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(Constants.MAGIC_BYTES);
            HeaderMeta.write(hm, out, new FlatBufferBuilder());
            for (int i = 0; i < shapes.size(); i++) {
                FlatBufferBuilder b = new FlatBufferBuilder();
                ByteArrayOutputStream props = new ByteArrayOutputStream();
                for (int k = 0; k < keys.size(); k++) {
                    String v = shapes.get(i).properties().get(keys.get(k));
                    if (v == null) {
                        continue;
                    }
                    byte[] text = v.getBytes(StandardCharsets.UTF_8);
                    ByteBuffer bb = ByteBuffer.allocate(6 + text.length).order(ByteOrder.LITTLE_ENDIAN);
                    bb.putShort((short) k).putInt(text.length).put(text);
                    props.write(bb.array());
                }
                int propsOff = Feature.createPropertiesVector(b, props.toByteArray());
                int geomOff = GeometryConversions.serialize(b, gs.get(i), hm.geometryType);
                int f = Feature.createFeature(b, geomOff, propsOff, 0);
                b.finishSizePrefixed(f);
                ByteBuffer data = b.dataBuffer();
                byte[] bytes = new byte[data.remaining()];
                data.get(bytes);
                out.write(bytes);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
