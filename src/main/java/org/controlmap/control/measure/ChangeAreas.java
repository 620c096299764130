package org.controlmap.control.measure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.controlmap.geodata.FeatureFileFormat;
import org.controlmap.geodata.GeoJsonWriter;
import org.controlmap.geodata.GeoPackageWriter;
import org.controlmap.geodata.GeodesicArea;
import org.controlmap.geodata.Polygons;
import org.controlmap.region.Region;
import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The areas that changed hands between two snapshots ({@link ControlChange#gained()},
 * {@link ControlChange#lost()}) as GIS features, one per polygon: for a map of
 * where the front moved, or to check one advance against the table.
 *
 * <p>Columns, in order: {@value #COLUMNS_TEXT}. {@code change} is "gained" (held in
 * the later snapshot only) or "lost" (earlier only), by {@code controller};
 * {@code area_km2} the polygon's geodesic area on WGS84, to 3 decimals;
 * {@code iso_3166_2} and {@code name} the region holding the polygon's interior
 * point ({@link InteriorPointArea}), empty when none does (sea, beyond the
 * boundaries); the dates empty when unknown. Order: gained before lost, each by
 * area, largest first (ties by position), so the same input gives the same rows.
 * Geometry: Polygon parts as MultiPolygons, lon/lat.
 */
public final class ChangeAreas {

    static final String COLUMNS_TEXT = "change, controller, area_km2, iso_3166_2, name, from_date, to_date";

    /** Attribute names, in order. */
    public static final List<String> COLUMNS = List.of(COLUMNS_TEXT.split(", "));

    /** GeoPackage feature table name. */
    public static final String TABLE = "changes";

    private static final GeometryFactory GF = new GeometryFactory();

    private ChangeAreas() {
    }

    /** One feature per gained or lost polygon, in the order of the class comment. */
    public static List<GeoJsonWriter.Feature> features(ControlChange change, List<Region> regions, LocalDate from,
            LocalDate to) {
        List<PreparedGeometry> prepared = new ArrayList<>();
        for (Region r : regions) {
            prepared.add(PreparedGeometryFactory.prepare(r.geometry()));
        }
        List<GeoJsonWriter.Feature> out = new ArrayList<>();
        for (String kind : List.of("gained", "lost")) {
            Geometry g = Polygons.polygonal(kind.equals("gained") ? change.gained() : change.lost());
            record Part(Polygon p, double km2) {
            }
            List<Part> parts = new ArrayList<>();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Polygon p = (Polygon) g.getGeometryN(i);
                if (!p.isEmpty()) {
                    parts.add(new Part(p, GeodesicArea.km2(p)));
                }
            }
            parts.sort(Comparator.comparingDouble((Part x) -> -x.km2())
                    .thenComparingDouble(x -> x.p().getEnvelopeInternal().getMinX())
                    .thenComparingDouble(x -> x.p().getEnvelopeInternal().getMinY()));
            for (Part part : parts) {
                Region in = null;
                Point c = GF.createPoint(InteriorPointArea.getInteriorPoint(part.p()));
                for (int i = 0; i < regions.size() && in == null; i++) {
                    if (prepared.get(i).covers(c)) {
                        in = regions.get(i);
                    }
                }
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("change", kind);
                a.put("controller", change.controller().name());
                a.put("area_km2", BigDecimal.valueOf(part.km2()).setScale(3, RoundingMode.HALF_UP));
                a.put("iso_3166_2", in == null ? "" : in.iso());
                a.put("name", in == null ? "" : in.nameEn());
                a.put("from_date", from == null ? "" : from.toString());
                a.put("to_date", to == null ? "" : to.toString());
                out.add(new GeoJsonWriter.Feature(a, GF.createMultiPolygon(new Polygon[] {part.p()})));
            }
        }
        return out;
    }

    /** The features as one GIS layer, {@value #TABLE} ({@link FeatureFileFormat} writes it). */
    public static GeoPackageWriter.Layer layer(List<GeoJsonWriter.Feature> features) {
        List<GeoPackageWriter.Column> cols = new ArrayList<>();
        for (String c : COLUMNS) {
            cols.add(new GeoPackageWriter.Column(c, c.equals("area_km2")));
        }
        return new GeoPackageWriter.Layer(TABLE, "Ground that changed hands between two snapshots, one polygon per "
                + "feature (controlmap diff)", "MULTIPOLYGON", cols, features);
    }
}
