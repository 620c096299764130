package org.controlmap.geodata;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.contents.Contents;
import mil.nga.geopackage.contents.ContentsDao;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.db.TableColumnKey;
import mil.nga.geopackage.extension.rtree.RTreeIndexExtension;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

/**
 * Writes feature layers as a GeoPackage (OGC 12-128r18) that GIS tools open as
 * they are: one feature table per layer, each with an {@code fid} key, a
 * {@code geom} column of one geometry type declared in EPSG:4326 (lon/lat,
 * WGS84), its attribute columns (TEXT or DOUBLE; NULL for a null value), an
 * R-tree spatial index ({@code gpkg_rtree_index} extension) and a
 * {@code gpkg_contents} row with the layer's extent and description.
 *
 * <p>What is the same for the same input: tables, columns, rows in the order
 * given ({@code fid} 1, 2, …), values and geometries (the doubles given,
 * unrounded), and {@code last_change}, which is the data's date (midnight UTC;
 * 1970-01-01 without one) rather than the clock. The file's bytes come from
 * SQLite's page layout; with the bundled sqlite-jdbc they have been identical
 * run to run, but that is not promised across its versions.
 */
public final class GeoPackageWriter {

    private static final int EPSG_WGS84 = 4326;

    /**
     * One attribute column.
     *
     * @param name    column name
     * @param numeric DOUBLE (values are Numbers) rather than TEXT
     */
    public record Column(String name, boolean numeric) {
    }

    /**
     * One feature table.
     *
     * @param name         table name (also the layer's identifier)
     * @param description  what the layer is, for gpkg_contents
     * @param geometryType the GeoPackage geometry type name of every row: "MULTIPOLYGON", "MULTILINESTRING", …
     * @param columns      attribute columns, in order
     * @param features     rows in order; properties by column name (absent or null: NULL); geometry lon/lat,
     *                     null or empty for none
     */
    public record Layer(String name, String description, String geometryType, List<Column> columns,
            List<GeoJsonWriter.Feature> features) {
        public Layer {
            columns = List.copyOf(columns);
            features = List.copyOf(features);
        }
    }

    private GeoPackageWriter() {
    }

    /** Writes the GeoPackage's bytes to {@code out} (flushed, not closed). */
    public static void write(List<Layer> layers, LocalDate date, OutputStream out) throws IOException {
        // SQLite writes to a file of its own: the GeoPackage is built in a private temporary directory and
        // copied into the stream, so the caller's atomic replacement still decides what lands where.
        Path tmpDir = Files.createTempDirectory("controlmap-gpkg");
        Path file = tmpDir.resolve("out.gpkg");
        try {
            build(layers, date, file);
            Files.copy(file, out);
            out.flush();
        } finally {
            try (var left = Files.list(tmpDir)) {
                for (Path p : (Iterable<Path>) left::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(tmpDir);
        }
    }

    private static void build(List<Layer> layers, LocalDate date, Path file) throws IOException {
        GeoPackageManager.create(file.toFile());
        try (GeoPackage gp = GeoPackageManager.open(file.toFile())) {
            SpatialReferenceSystem srs = gp.getSpatialReferenceSystemDao().getOrCreateCode("EPSG", EPSG_WGS84);
            Date lastChange = Date.from((date == null ? LocalDate.EPOCH : date).atStartOfDay(ZoneOffset.UTC)
                    .toInstant());
            for (Layer l : layers) {
                table(gp, srs, l, lastChange);
            }
        } catch (SQLException | RuntimeException e) {
            throw new IOException("GeoPackage: " + e.getMessage(), e);
        }
    }

    private static void table(GeoPackage gp, SpatialReferenceSystem srs, Layer layer, Date lastChange)
            throws SQLException, IOException {
        GeometryColumns gc = new GeometryColumns();
        gc.setId(new TableColumnKey(layer.name(), "geom"));
        gc.setGeometryType(GeometryType.fromName(layer.geometryType()));
        gc.setZ((byte) 0);
        gc.setM((byte) 0);
        gc.setSrs(srs);
        List<FeatureColumn> cols = new ArrayList<>();
        for (Column c : layer.columns()) {
            cols.add(FeatureColumn.createColumn(c.name(), c.numeric() ? GeoPackageDataType.DOUBLE
                    : GeoPackageDataType.TEXT));
        }
        gp.createFeatureTable(FeatureTableMetadata.create(gc, "fid", cols));
        FeatureDao dao = gp.getFeatureDao(layer.name());
        WKBWriter wkb = new WKBWriter(2);
        Envelope all = new Envelope();
        for (GeoJsonWriter.Feature f : layer.features()) {
            FeatureRow row = dao.newRow();
            Map<String, ?> props = f.properties() == null ? Map.of() : f.properties();
            for (Column c : layer.columns()) {
                Object v = props.get(c.name());
                row.setValue(c.name(), v == null ? null : c.numeric() ? (Object) ((Number) v).doubleValue()
                        : v.toString());
            }
            Geometry geom = f.geometry();
            if (geom != null && !geom.isEmpty()) {
                GeoPackageGeometryData data = GeoPackageGeometryData.createFromWkb(srs.getSrsId(), wkb.write(geom));
                data.buildEnvelope();
                row.setGeometry(data);
                all.expandToInclude(geom.getEnvelopeInternal());
            }
            dao.create(row);
        }
        new RTreeIndexExtension(gp).create(dao.getTable());
        ContentsDao contentsDao = gp.getContentsDao();
        Contents contents = contentsDao.queryForId(layer.name());
        contents.setIdentifier(layer.name());
        contents.setDescription(layer.description());
        contents.setLastChange(lastChange);
        if (!all.isNull()) {
            contents.setBoundingBox(new BoundingBox(all.getMinX(), all.getMinY(), all.getMaxX(), all.getMaxY()));
        }
        contentsDao.update(contents);
    }
}
