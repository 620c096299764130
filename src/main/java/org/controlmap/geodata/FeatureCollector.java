package org.controlmap.geodata;

import org.controlmap.InputException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * What the readers of formats other than GeoJSON ({@link KmlReader}, {@link GeoPackageReader},
 * {@link FlatGeobufReader}) share once they hold a feature's geometry in longitude/latitude degrees: the
 * same checks and results as {@link GeoJsonReader} gives for GeoJSON. Polygons (also inside collections)
 * are kept, made valid by {@link GeometryRepair} (warning) or refused (error); points and lines are skipped
 * with a warning; a coordinate outside ±180°/±90° is an error saying the file looks projected; a file
 * without any polygon is an error counting what it had instead. Warnings are capped at
 * {@link GeoJsonReader#MAX_WARNINGS} per file, then counted.
 */
final class FeatureCollector {

    private static final GeometryFactory GF = new GeometryFactory();

    private final String name;
    private final Consumer<String> warnings;
    private final List<GeoFeature> features = new ArrayList<>();
    private final Consumer<GeoFeature> sink;
    private final Map<String, Integer> otherKinds = new LinkedHashMap<>();
    private int count;
    private int polygonFeatures;
    private int warned;
    private int unshown;

    /**
     * A collector that hands each feature to {@code sink} as it is added instead of keeping it ({@link #finish}
     * then returns an empty list): a large file is not held whole.
     *
     * @param name     how messages name the input (the file)
     * @param warnings receives one-line warnings, each starting with {@code name}
     * @param sink     receives the features in order, or null to keep them
     */
    FeatureCollector(String name, Consumer<String> warnings, Consumer<GeoFeature> sink) {
        this.name = name;
        this.warnings = warnings;
        this.sink = sink == null ? features::add : sink;
    }

    /**
     * Adds one feature.
     *
     * @param index      its 0-based position in the file (or layer)
     * @param properties its properties, in their order
     * @param geometry   its geometry in lon/lat degrees, x = longitude; null for none
     * @param where      where it is, for messages: {@code file:12:3: Placemark "Occupied"} or
     *                   {@code file: table areas, feature 4}
     */
    void add(int index, Map<String, Object> properties, Geometry geometry, String where) {
        count++;
        Map<String, Object> props = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        if (geometry == null || geometry.isEmpty()) {
            warn(where + ": no geometry; kept with an empty shape");
            otherKinds.merge("without geometry", 1, Integer::sum);
            sink.accept(new GeoFeature(index, props, GF.createMultiPolygon()));
            return;
        }
        List<Polygon> polys = new ArrayList<>();
        List<String> others = new ArrayList<>();
        collect(geometry, polys, others);
        if (polys.isEmpty()) {
            warn(where + ": " + String.join(", ", others) + " is not a polygon; feature skipped");
            others.forEach(o -> otherKinds.merge(o, 1, Integer::sum));
            return;
        }
        if (!others.isEmpty()) {
            warn(where + ": " + String.join(", ", others) + " dropped; only polygons are kept");
        }
        for (Polygon p : polys) {
            for (Coordinate c : p.getCoordinates()) {
                if (!(Math.abs(c.x) <= 180 && Math.abs(c.y) <= 90)) {
                    throw new InputException(where + ": " + String.format(Locale.ROOT, "coordinates outside"
                            + " longitude/latitude range (%s, %s): this file looks projected and does not say in"
                            + " which system; controlmap needs longitude/latitude in degrees", num(c.x), num(c.y)));
                }
            }
        }
        Geometry g = polys.size() == 1 ? polys.get(0) : GF.createMultiPolygon(polys.toArray(Polygon[]::new));
        GeometryRepair.Result r = GeometryRepair.repair(g, where);
        if (r.repaired()) {
            warn(where + ": " + r.note());
        }
        Geometry valid = r.geometry();
        if (!(valid instanceof Polygon || valid instanceof MultiPolygon)) {
            List<Polygon> ps = new ArrayList<>();
            collect(valid, ps, new ArrayList<>());
            valid = ps.size() == 1 ? ps.get(0) : GF.createMultiPolygon(ps.toArray(Polygon[]::new));
        }
        polygonFeatures++;
        sink.accept(new GeoFeature(index, props, valid));
    }

    private static void collect(Geometry g, List<Polygon> polys, List<String> others) {
        if (g instanceof Polygon p) {
            if (!p.isEmpty()) {
                polys.add(p);
            }
        } else if (g instanceof GeometryCollection gc) { // MultiPolygon too
            for (int i = 0; i < gc.getNumGeometries(); i++) {
                collect(gc.getGeometryN(i), polys, others);
            }
        } else if (!g.isEmpty()) {
            others.add(g.getGeometryType());
        }
    }

    /** One warning, counted against the cap. */
    void warn(String line) {
        if (warned >= GeoJsonReader.MAX_WARNINGS) {
            unshown++;
            return;
        }
        warned++;
        warnings.accept(line);
    }

    /** The features read, in order (none when they went to a sink); an error when none has a polygon. */
    List<GeoFeature> finish() {
        if (polygonFeatures == 0) {
            StringBuilder sb = new StringBuilder(name).append(": no polygons (found ").append(count)
                    .append(count == 1 ? " feature" : " features");
            String sep = ": ";
            for (Map.Entry<String, Integer> e : otherKinds.entrySet()) {
                sb.append(sep).append(e.getValue()).append(' ').append(e.getKey());
                sep = ", ";
            }
            throw new InputException(sb.append(')').toString());
        }
        if (unshown > 0) {
            warnings.accept(name + ": " + unshown + " more warning" + (unshown == 1 ? "" : "s") + " not shown");
        }
        return Collections.unmodifiableList(features);
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
