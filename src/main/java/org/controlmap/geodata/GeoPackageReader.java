package org.controlmap.geodata;

import org.controlmap.InputException;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.geopackage.validate.GeoPackageValidate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * Reads the polygons of one feature table of an OGC GeoPackage (SQLite), with NGA's GeoPackage library.
 *
 * <p>Which table: the one named by {@code layer}; else the only feature table; several without a
 * {@code layer} are an error listing them (a GeoPackage of QGIS layers may hold both sides, or several
 * dates, and guessing would measure the wrong one). Each row is a feature, indexed in table order from 0;
 * its columns other than the geometry and the primary key are its properties (dates as ISO text). The
 * table's name is the document's {@code name} member, which dates and credits it like GDAL's layer name
 * in a GeoJSON file.
 *
 * <p>Coordinates are reprojected to lon/lat ({@link LonLatTransform}) when the table's spatial reference
 * system is not EPSG:4326; SRS 0 ("undefined geographic") is taken as lon/lat, SRS -1 ("undefined
 * Cartesian") is read as it is, so projected coordinates are refused by the range check.
 */
final class GeoPackageReader {

    private static final GeometryFactory GF = new GeometryFactory();

    private final Consumer<String> warnings;

    GeoPackageReader(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    /**
     * Reads {@code layer} of {@code file}, handing features to {@code sink} (null: keep them in the document
     * returned) and telling {@code progress} how many it has read (no byte counts: SQLite reads by page).
     */
    GeoJsonReader.Document read(Path file, String layer, Consumer<GeoFeature> sink, ReadProgress progress) {
        String name = file.toString();
        GeoPackage gp;
        try {
            gp = GeoPackageManager.open(false, file.toFile());
        } catch (RuntimeException e) {
            throw new InputException(name + ": cannot open as a GeoPackage (" + cause(e) + ")", e);
        }
        try (gp) {
            if (!GeoPackageValidate.hasMinimumTables(gp)) {
                throw new InputException(name + ": an SQLite database but not a GeoPackage (no gpkg_contents and"
                        + " gpkg_spatial_ref_sys tables)");
            }
            List<String> tables = gp.getFeatureTables();
            String table = choose(name, tables, layer);
            FeatureDao dao = gp.getFeatureDao(table);
            LonLatTransform transform = transform(name, table, dao.getSrs());
            Map<String, Object> members = new LinkedHashMap<>();
            members.put("name", table);
            ProgressCounter counter = new ProgressCounter(progress, -1);
            FeatureCollector out = new FeatureCollector(name, warnings, sink == null ? null : counter.count(sink));
            WKBReader wkb = new WKBReader(GF);
            int index = 0;
            FeatureResultSet rs = dao.queryForAll();
            try {
                while (rs.moveToNext()) {
                    FeatureRow row = rs.getRow();
                    String where = name + ": table " + table + ", feature " + index;
                    Map<String, Object> props = new LinkedHashMap<>();
                    int geomCol = row.getGeometryColumnIndex();
                    int pkCol = row.getPkColumnIndex();
                    for (int c = 0; c < row.columnCount(); c++) {
                        if (c == geomCol || c == pkCol) {
                            continue;
                        }
                        Object v = row.getValue(c);
                        if (v instanceof Date d) {
                            v = Instant.ofEpochMilli(d.getTime()).toString();
                        } else if (v instanceof byte[]) {
                            continue; // blobs are not something --where or a date can use
                        }
                        props.put(row.getColumnName(c), v);
                    }
                    Geometry g = null;
                    GeoPackageGeometryData data = row.getGeometry();
                    if (data != null && !data.isEmpty()) {
                        try {
                            g = wkb.read(data.getWkb());
                        } catch (ParseException | java.io.IOException | RuntimeException e) {
                            throw new InputException(where + ": geometry is not readable WKB (" + cause(e) + ")", e);
                        }
                        if (transform != null) {
                            g = transform.apply(g);
                        }
                    }
                    out.add(index++, props, g, where);
                }
            } finally {
                rs.close();
            }
            counter.finish();
            return new GeoJsonReader.Document(out.finish(), members, Map.of());
        } catch (InputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InputException(name + ": cannot read the GeoPackage (" + cause(e) + ")", e);
        }
    }

    private static String choose(String name, List<String> tables, String layer) {
        if (layer != null) {
            for (String t : tables) {
                if (t.equals(layer)) {
                    return t;
                }
            }
            for (String t : tables) {
                if (t.equalsIgnoreCase(layer)) {
                    return t;
                }
            }
            throw new InputException(name + ": no feature table \"" + layer + "\" (--layer); it has "
                    + (tables.isEmpty() ? "none" : String.join(", ", tables)));
        }
        if (tables.isEmpty()) {
            throw new InputException(name + ": a GeoPackage without feature tables (tiles or attributes only)");
        }
        if (tables.size() > 1) {
            throw new InputException(name + ": " + tables.size() + " feature tables (" + String.join(", ", tables)
                    + "); choose one with --layer NAME");
        }
        return tables.get(0);
    }

    private static LonLatTransform transform(String name, String table, SpatialReferenceSystem srs) {
        if (srs == null || srs.getSrsId() == 0 || srs.getSrsId() == -1) {
            return null;
        }
        String org = srs.getOrganization() == null ? "" : srs.getOrganization().toUpperCase(Locale.ROOT);
        long code = srs.getOrganizationCoordsysId();
        try {
            return LonLatTransform.of(org, code);
        } catch (IllegalArgumentException e) {
            String wkt = srs.getDefinition();
            if (wkt == null || wkt.isBlank() || "undefined".equalsIgnoreCase(wkt.strip())) {
                throw new InputException(name + ": table " + table + ": spatial reference system " + org + ":"
                        + code + " is not one controlmap knows, and the file gives no definition of it", e);
            }
            try {
                return LonLatTransform.ofWkt(org + ":" + code, wkt);
            } catch (IllegalArgumentException e2) {
                throw new InputException(name + ": table " + table + ": " + e2.getMessage(), e2);
            }
        }
    }

    private static String cause(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        String m = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
        return Quote.reason(m);
    }
}
