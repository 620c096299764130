package org.controlmap.control.measure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.controlmap.control.Controller;
import org.controlmap.geodata.FeatureFileFormat;
import org.controlmap.geodata.GeoJsonWriter;
import org.controlmap.geodata.GeoPackageWriter;
import org.controlmap.geodata.GeodesicArea;
import org.controlmap.geodata.LocalProjection;
import org.controlmap.geodata.NearestTowns;
import org.controlmap.geodata.Place;
import org.controlmap.geodata.PlaceCatalogue;
import org.controlmap.geodata.Polygons;
import org.controlmap.region.Region;
import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The areas that changed hands between two snapshots ({@link ControlChange#gained()},
 * {@link ControlChange#lost()}) as GIS features or CSV rows, one per connected
 * area (polygon) of at least {@value #MIN_KM2} km²: for a map of where the front
 * moved, to name each advance, or to check one against the table.
 *
 * <p>Columns, in order: {@value #COLUMNS_TEXT}. {@code change} is the side of the
 * change: "gained" (held in the later snapshot only) or "lost" (earlier only), by
 * {@code controller}; {@code area_km2} the polygon's geodesic area on WGS84, to 3
 * decimals; {@code iso_3166_2} and {@code name} the region holding the polygon's
 * interior point ({@link InteriorPointArea}), empty when none does (sea, beyond the
 * boundaries); {@code centroid_lon}, {@code centroid_lat} its centroid, degrees to 5
 * decimals (about a metre), taken in a Lambert azimuthal equal-area projection
 * centred on it ({@link LocalProjection}; for a crescent it may lie outside);
 * {@code near} the towns it is near ({@link NearestTowns}: "Pokrovsk, Myrnohrad");
 * the dates empty when unknown. Order: gained before lost, each by area, largest
 * first (ties by position), so the same input gives the same rows. Geometry:
 * Polygon parts as MultiPolygons, lon/lat. Areas under {@value #MIN_KM2} km²
 * (slivers where two drawings of one line differ) are left out; the table counts them.
 */
public final class ChangeAreas {

    static final String COLUMNS_TEXT = "change, controller, area_km2, iso_3166_2, name, centroid_lon, centroid_lat, "
            + "near, from_date, to_date";

    /** Attribute names, in order. */
    public static final List<String> COLUMNS = List.of(COLUMNS_TEXT.split(", "));

    /** GeoPackage feature table name. */
    public static final String TABLE = "changes";

    /** Smallest area listed, km². */
    public static final double MIN_KM2 = 1.0;

    private static final GeometryFactory GF = new GeometryFactory();

    private ChangeAreas() {
    }

    /**
     * One connected area that changed hands.
     *
     * @param gained   held in the later snapshot only (else the earlier only)
     * @param polygon  the area, lon/lat
     * @param km2      its geodesic area, km²
     * @param region   the region holding its interior point, or null
     * @param centroid its centroid, lon/lat (see the class comment)
     * @param near     the towns it is near, nearest first ({@link NearestTowns})
     */
    public record Area(boolean gained, Polygon polygon, double km2, Region region, Coordinate centroid,
            List<Place> near) {
        public Area {
            centroid = centroid.copy();
            near = List.copyOf(near);
        }

        /** The centroid, copied. */
        @Override
        public Coordinate centroid() {
            return centroid.copy();
        }

        /** The towns' names, comma-separated ("Pokrovsk, Myrnohrad"). */
        public String nearText() {
            return NearestTowns.names(near);
        }
    }

    /** The areas of at least {@value #MIN_KM2} km², in the order of the class comment. */
    public static List<Area> areas(ControlChange change, List<Region> regions) {
        List<PreparedGeometry> prepared = new ArrayList<>();
        for (Region r : regions) {
            prepared.add(PreparedGeometryFactory.prepare(r.geometry()));
        }
        NearestTowns towns = new NearestTowns(PlaceCatalogue.bundled());
        List<Area> out = new ArrayList<>();
        for (boolean gained : new boolean[] {true, false}) {
            Geometry g = Polygons.polygonal(gained ? change.gained() : change.lost());
            record Part(Polygon p, double km2) {
            }
            List<Part> parts = new ArrayList<>();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Polygon p = (Polygon) g.getGeometryN(i);
                if (!p.isEmpty()) {
                    double km2 = GeodesicArea.km2(p);
                    if (km2 >= MIN_KM2) {
                        parts.add(new Part(p, km2));
                    }
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
                LocalProjection laea = LocalProjection.centredOn(part.p());
                Coordinate centroid = laea.unproject(laea.project(part.p()).getCentroid()).getCoordinate();
                out.add(new Area(gained, part.p(), part.km2(), in, centroid, towns.near(part.p())));
            }
        }
        return out;
    }

    /** One feature per area of {@link #areas}, in that order. */
    public static List<GeoJsonWriter.Feature> features(ControlChange change, List<Region> regions, LocalDate from,
            LocalDate to) {
        return features(areas(change, regions), change.controller(), from, to);
    }

    /** One feature per area, in the order given ({@link #areas}'). */
    public static List<GeoJsonWriter.Feature> features(List<Area> areas, Controller controller, LocalDate from,
            LocalDate to) {
        List<GeoJsonWriter.Feature> out = new ArrayList<>();
        for (Area area : areas) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("change", area.gained() ? "gained" : "lost");
            a.put("controller", controller.name());
            a.put("area_km2", BigDecimal.valueOf(area.km2()).setScale(3, RoundingMode.HALF_UP));
            a.put("iso_3166_2", area.region() == null ? "" : area.region().iso());
            a.put("name", area.region() == null ? "" : area.region().nameEn());
            a.put("centroid_lon", BigDecimal.valueOf(area.centroid().x).setScale(5, RoundingMode.HALF_UP));
            a.put("centroid_lat", BigDecimal.valueOf(area.centroid().y).setScale(5, RoundingMode.HALF_UP));
            a.put("near", area.nearText());
            a.put("from_date", from == null ? "" : from.toString());
            a.put("to_date", to == null ? "" : to.toString());
            out.add(new GeoJsonWriter.Feature(a, GF.createMultiPolygon(new Polygon[] {area.polygon()})));
        }
        return out;
    }

    /** The features as one GIS layer, {@value #TABLE} ({@link FeatureFileFormat} writes it). */
    public static GeoPackageWriter.Layer layer(List<GeoJsonWriter.Feature> features) {
        List<GeoPackageWriter.Column> cols = new ArrayList<>();
        for (String c : COLUMNS) {
            cols.add(new GeoPackageWriter.Column(c, c.equals("area_km2") || c.startsWith("centroid_")));
        }
        return new GeoPackageWriter.Layer(TABLE, "Ground that changed hands between two snapshots, one polygon per "
                + "feature (controlmap diff)", "MULTIPOLYGON", cols, features);
    }
}
