package org.controlmap.table;

import org.controlmap.geodata.GeoPackageWriter;
import org.controlmap.geodata.GeoJsonWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.controlmap.control.Controller;
import org.controlmap.control.measure.Measurement;
import org.controlmap.geodata.Polygons;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * The geometry of what a measured {@link AreaTable} stands on, for GIS
 * outputs ({@link FeatureFileFormat}): each held row's ground and the front
 * line, with the table's own columns ({@link AreaColumns#KEYS}, same names,
 * same order, same rounding as the CSV).
 *
 * @param held  one feature per table row with held ground, table order: the regions a side holds part of
 *              (geometry {@link Measurement.RegionPart#clipped()}, the side the row names), each followed by
 *              its districts' rows when the table has them ({@link DistrictTable}), then the
 *              "outside" rows ({@link Measurement#outsideShape}); MultiPolygons, lon/lat degrees, WGS84
 * @param front the Ukraine total row ({@code front_km} set) with {@link Measurement#front()} as a
 *              MultiLineString, lon/lat; empty geometry when no ground is held
 * @param schema the columns of both layers, as the CSV's: names, and which are numbers
 */
public record HeldGround(List<Feature> held, Feature front, List<GeoPackageWriter.Column> schema) {

    private static final GeometryFactory GF = new GeometryFactory();

    /**
     * One feature.
     *
     * @param attributes the table's columns in {@link AreaColumns#KEYS} order: Strings, or BigDecimal
     *                   km² (3 decimals) and percent (2 decimals) as the CSV writes them; null where the CSV
     *                   cell is empty
     * @param geometry   MultiPolygon (held) or MultiLineString (front), lon/lat degrees; may be empty
     */
    public record Feature(Map<String, Object> attributes, Geometry geometry) {
    }

    public HeldGround {
        held = List.copyOf(held);
        schema = List.copyOf(schema);
    }

    /**
     * Pairs the rows of {@code table} with the shapes of {@code m}, which it was built from
     * ({@link AreaTable#of} of {@link Measurement#allocation()}).
     *
     * @throws IllegalArgumentException when the table is not a measured one
     */
    public static HeldGround of(AreaTable table, Measurement m) {
        return of(table, m, Map.of());
    }

    /**
     * As {@link #of(AreaTable, Measurement)}, for a table with district rows ({@link DistrictTable}): each
     * district row with held ground gets its feature too, in table order (after its region's), with
     * {@code districts}' shape for its id (its counted part ∩ the held ground of the row's side).
     *
     * @param districts held ground per district id, lon/lat; a district row whose id is missing is left out
     */
    public static HeldGround of(AreaTable table, Measurement m, Map<String, Geometry> districts) {
        if (!table.measured()) {
            throw new IllegalArgumentException("held ground needs a measured table");
        }
        Table<AreaTable.Row> columns = AreaColumns.table(table);
        List<Feature> held = new ArrayList<>();
        for (AreaTable.Row r : table.rows()) {
            if (r.controller() == null) {
                continue;
            }
            Geometry g = "outside".equals(r.iso()) ? m.outsideShape(r.controller())
                    : districts.containsKey(r.iso()) ? districts.get(r.iso()) : part(m, r);
            if (g != null) {
                held.add(new Feature(columns.values(r), multiPolygon(g)));
            }
        }
        List<GeoPackageWriter.Column> schema = new ArrayList<>();
        for (Column<AreaTable.Row> c : columns.columns()) {
            schema.add(new GeoPackageWriter.Column(c.key(), c.numeric()));
        }
        return new HeldGround(held, new Feature(columns.values(table.total()), multiLine(m.front())), schema);
    }

    private static Geometry part(Measurement m, AreaTable.Row r) {
        for (Measurement.RegionPart p : m.parts()) {
            if (p.controller() == r.controller() && p.region().iso().equals(r.iso())) {
                return p.clipped();
            }
        }
        return null;
    }


    /** Polygonal parts as one MultiPolygon (a layer of one geometry type is what GIS tools expect). */
    static MultiPolygon multiPolygon(Geometry g) {
        if (g instanceof MultiPolygon mp) {
            return mp;
        }
        Geometry p = Polygons.polygonal(g);
        if (p instanceof MultiPolygon mp) {
            return mp;
        }
        List<Polygon> ps = new ArrayList<>();
        for (int i = 0; i < p.getNumGeometries(); i++) {
            if (p.getGeometryN(i) instanceof Polygon q && !q.isEmpty()) {
                ps.add(q);
            }
        }
        return GF.createMultiPolygon(ps.toArray(Polygon[]::new));
    }

    static MultiLineString multiLine(Geometry g) {
        if (g instanceof MultiLineString ml) {
            return ml;
        }
        List<LineString> ls = new ArrayList<>();
        for (int i = 0; g != null && i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof LineString l && !l.isEmpty()) {
                ls.add(l);
            }
        }
        return GF.createMultiLineString(ls.toArray(LineString[]::new));
    }

    /** Feature table of the held ground, one row per held table row. */
    public static final String HELD_TABLE = "held_ground";
    /** Feature table of the front line, one row (the Ukraine total). */
    public static final String FRONT_TABLE = "front_line";

    /**
     * The two layers a GIS file of it holds ({@link FeatureFileFormat}): {@value #HELD_TABLE}
     * (MultiPolygon, the held rows in table order) and {@value #FRONT_TABLE} (MultiLineString, the Ukraine
     * row, the only one with a line); columns named as the CSV's ({@link AreaColumns#KEYS}), numbers
     * where the CSV writes numbers, NULL where its cell is empty. As GeoJSON the front is the last feature.
     */
    public List<GeoPackageWriter.Layer> layers() {
        return List.of(
                new GeoPackageWriter.Layer(HELD_TABLE, "Held ground per region (and per district with "
                        + "--regions), measured from control polygons (controlmap areas)", "MULTIPOLYGON", schema, geoJson(held)),
                new GeoPackageWriter.Layer(FRONT_TABLE, "Front line of the held ground, front_km long (controlmap "
                        + "areas)", "MULTILINESTRING", schema, geoJson(List.of(front))));
    }

    private static List<GeoJsonWriter.Feature> geoJson(List<Feature> fs) {
        List<GeoJsonWriter.Feature> out = new ArrayList<>();
        for (Feature f : fs) {
            out.add(new GeoJsonWriter.Feature(f.attributes(), f.geometry()));
        }
        return out;
    }
}
