package org.controlmap.table;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
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
import org.controlmap.geodata.GeoJsonWriter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

/**
 * GIS files of what a measured table stands on ({@link HeldGround}): the held
 * ground per row and the front line, longitude/latitude on WGS84 (EPSG:4326),
 * with attributes named and rounded as the CSV columns ({@link TableFormat#COLUMNS}).
 *
 * <ul>
 * <li>{@link #GEOJSON}: one RFC 7946 FeatureCollection ({@link GeoJsonWriter}, coordinates to 7 decimals):
 * the held features in table order, then the front line as the last feature (the Ukraine row, the only
 * one with a line geometry). Same input, same bytes.</li>
 * <li>{@link #GPKG}: a GeoPackage with two feature tables, {@value #HELD_TABLE} (MultiPolygon) and
 * {@value #FRONT_TABLE} (MultiLineString), each with an {@code fid} key, a {@code geom} column in
 * EPSG:4326, the table's columns (text, or REAL for numbers; NULL where the CSV cell is empty) and an
 * R-tree spatial index (gpkg_rtree_index extension). Coordinates are the measured doubles, unrounded.
 * Rows go in in table order ({@code fid} 1, 2, …) and {@code last_change} is the data's date (midnight
 * UTC; 1970-01-01 without one), so the same input gives the same tables, rows and values; the SQLite
 * bytes are not promised to be identical (they depend on the SQLite library's version).</li>
 * </ul>
 */
public enum HeldGroundFormat {
    GEOJSON("geojson"),
    GPKG("gpkg");

    /** Feature table of the held ground, one row per held table row. */
    public static final String HELD_TABLE = "held_ground";
    /** Feature table of the front line, one row (the Ukraine total). */
    public static final String FRONT_TABLE = "front_line";

    private static final int EPSG_WGS84 = 4326;

    private final String extension;

    HeldGroundFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** The format for a file name ("held.gpkg" → GPKG; ".json" is a table, not GeoJSON), or null. */
    public static HeldGroundFormat forFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".geojson")) {
            return GEOJSON;
        }
        return n.endsWith(".gpkg") ? GPKG : null;
    }

    /** Writes the file's bytes to {@code out} (flushed, not closed). */
    public void write(HeldGround g, LocalDate date, OutputStream out) throws IOException {
        if (this == GEOJSON) {
            List<GeoJsonWriter.Feature> fs = new ArrayList<>();
            for (HeldGround.Feature f : g.held()) {
                fs.add(new GeoJsonWriter.Feature(f.attributes(), f.geometry()));
            }
            fs.add(new GeoJsonWriter.Feature(g.front().attributes(), g.front().geometry()));
            GeoJsonWriter.write(fs, out);
            return;
        }
        // SQLite writes to a file of its own; it is built in a private temporary directory and then
        // copied into the stream, so the caller's atomic replacement still decides what lands where.
        Path tmpDir = Files.createTempDirectory("controlmap-gpkg");
        Path file = tmpDir.resolve("out.gpkg");
        try {
            writeGeoPackage(g, date, file);
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

    private static void writeGeoPackage(HeldGround g, LocalDate date, Path file) throws IOException {
        GeoPackageManager.create(file.toFile());
        try (GeoPackage gp = GeoPackageManager.open(file.toFile())) {
            SpatialReferenceSystem srs = gp.getSpatialReferenceSystemDao().getOrCreateCode("EPSG", EPSG_WGS84);
            Date lastChange = Date.from((date == null ? LocalDate.EPOCH : date).atStartOfDay(ZoneOffset.UTC)
                    .toInstant());
            table(gp, srs, HELD_TABLE, GeometryType.MULTIPOLYGON, g.held(), lastChange,
                    "Held ground per region, measured from control polygons (controlmap areas)");
            table(gp, srs, FRONT_TABLE, GeometryType.MULTILINESTRING, List.of(g.front()), lastChange,
                    "Front line of the held ground, front_km long (controlmap areas)");
        } catch (SQLException | RuntimeException e) {
            throw new IOException("GeoPackage: " + e.getMessage(), e);
        }
    }

    private static void table(GeoPackage gp, SpatialReferenceSystem srs, String name, GeometryType type,
            List<HeldGround.Feature> features, Date lastChange, String description) throws SQLException, IOException {
        GeometryColumns gc = new GeometryColumns();
        gc.setId(new TableColumnKey(name, "geom"));
        gc.setGeometryType(type);
        gc.setZ((byte) 0);
        gc.setM((byte) 0);
        gc.setSrs(srs);
        List<FeatureColumn> cols = new ArrayList<>();
        for (String c : TableFormat.COLUMNS) {
            cols.add(FeatureColumn.createColumn(c, numeric(c) ? GeoPackageDataType.DOUBLE : GeoPackageDataType.TEXT));
        }
        gp.createFeatureTable(FeatureTableMetadata.create(gc, "fid", cols));
        FeatureDao dao = gp.getFeatureDao(name);
        WKBWriter wkb = new WKBWriter(2);
        Envelope all = new Envelope();
        for (HeldGround.Feature f : features) {
            FeatureRow row = dao.newRow();
            for (Map.Entry<String, Object> e : f.attributes().entrySet()) {
                Object v = e.getValue();
                row.setValue(e.getKey(), v instanceof BigDecimal d ? (Object) d.doubleValue() : v);
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
        Contents contents = contentsDao.queryForId(name);
        contents.setIdentifier(name);
        contents.setDescription(description);
        contents.setLastChange(lastChange);
        if (!all.isNull()) {
            contents.setBoundingBox(new BoundingBox(all.getMinX(), all.getMinY(), all.getMaxX(), all.getMaxY()));
        }
        contentsDao.update(contents);
    }

    /** Columns the CSV writes as numbers. */
    static boolean numeric(String column) {
        return column.endsWith("_km2") || column.endsWith("_pct") || column.equals("front_km");
    }
}
