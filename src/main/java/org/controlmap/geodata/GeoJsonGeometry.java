package org.controlmap.geodata;

import org.controlmap.InputException;

import static org.controlmap.geodata.GeoJsonDiagnostics.label;
import static org.controlmap.geodata.GeoJsonDiagnostics.num;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.CoordinateArraySequence;

/**
 * From GeoJSON objects as parsed ({@link Obj}, with their coordinates as
 * {@link Node}s, kept until the geometry type is known because members may
 * come in any order) to features with valid JTS polygons: the shape rules of
 * RFC 7946 (nesting, closed rings of 4 or more positions, no antimeridian
 * crossing), GeometryCollections flattened, other geometry types skipped with a
 * warning, invalid polygons repaired by {@link GeometryRepair}.
 */
final class GeoJsonGeometry {
    private static final GeometryFactory GF = new GeometryFactory();

    static final int EMPTY = 0;      // []
    static final int POSITION = 1;   // [x, y, ...]
    static final int RING = 2;       // [[x, y], ...]
    static final int LIST = 3;       // [[[...]]] and deeper

    /** A coordinates array as parsed before its geometry type is known (members may come in any order). */
    static final class Node {
        final int kind;
        final int depth;          // 0 empty, 1 position, 2 positions, 3+
        final int line;
        final int col;
        final int[] path;         // indices below "coordinates"
        Coordinate[] coords;      // RING
        double minX;
        double maxX;
        List<Node> children;      // LIST

        Node(int kind, int depth, int line, int col, int[] path) {
            this.kind = kind;
            this.depth = depth;
            this.line = line;
            this.col = col;
            this.path = path;
        }
    }

    /** The members of one JSON object that mean something at its level. */
    static final class Obj {
        final String path;
        final int line;
        final int col;
        String type;
        int typeLine;
        int typeCol;
        boolean hasGeometry;
        Obj geometry;             // null for "geometry": null
        boolean hasProperties;
        Map<String, Object> properties; // null for "properties": null
        Node coordinates;
        String coordinatesPath;
        List<Obj> geometries;
        int geometriesLine;
        int geometriesCol;
        boolean hasFeatures;
        final Map<String, Object> members = new LinkedHashMap<>(); // scalar foreign members, top level only

        Obj(String path, int line, int col) {
            this.path = path;
            this.line = line;
            this.col = col;
        }
    }

    private final GeoJsonDiagnostics d;
    private final Consumer<GeoFeature> features;

    /** Features made go to {@code features}, in the order they are added. */
    GeoJsonGeometry(GeoJsonDiagnostics d, Consumer<GeoFeature> features) {
        this.d = d;
        this.features = features;
    }

    void addFeature(Obj f, int index) {
        String where = f.path.isEmpty() ? "" : f.path;
        if (f.type == null) {
            throw d.error(f.line, f.col, where, "missing \"type\" (expected \"Feature\")");
        }
        if (!f.type.equals("Feature")) {
            throw d.unknownType(f, "\"Feature\"");
        }
        Map<String, Object> props = f.properties;
        if (props == null) {
            if (f.hasProperties) {
                d.nullProperties++;
            }
            props = Map.of();
        }
        String gpath = f.path.isEmpty() ? "geometry" : f.path + ".geometry";
        if (f.geometry == null) {
            int line = f.line;
            int col = f.col;
            d.warnAt(line, col, label(where) + "no geometry (" + (f.hasGeometry ? "\"geometry\": null"
                    : "no \"geometry\" member") + "); kept with an empty shape");
            d.count("without geometry");
            features.accept(new GeoFeature(index, props, GF.createMultiPolygon()));
            return;
        }
        Obj g = f.geometry;
        String gname = g.path.isEmpty() ? "(top level)" : g.path;
        List<Polygon> polys = new ArrayList<>();
        List<String> others = new ArrayList<>();
        collect(g, polys, others);
        if (polys.isEmpty() && !others.isEmpty()) {
            d.warnAt(g.line, g.col, label(where) + String.join(", ", others)
                    + " is not a polygon; feature skipped");
            others.forEach(d::count);
            return;
        }
        if (!others.isEmpty()) {
            d.warnAt(g.line, g.col, gname + ": " + String.join(", ", others)
                    + " in a GeometryCollection dropped; only polygons are kept");
        }
        Geometry geom = "Polygon".equals(g.type) && polys.size() == 1
                ? polys.get(0)
                : GF.createMultiPolygon(polys.toArray(Polygon[]::new));
        if (geom.isEmpty()) {
            d.warnAt(g.line, g.col, gname + ": empty " + g.type + "; kept with an empty shape");
            d.count("empty");
            features.accept(new GeoFeature(index, props, GF.createMultiPolygon()));
            return;
        }
        GeometryRepair.Result r = GeometryRepair.repair(geom, d.loc(g.line, g.col) + gname);
        if (r.repaired()) {
            d.warnAt(g.line, g.col, gname + ": " + r.note());
        }
        Geometry valid = r.geometry();
        if (valid instanceof Polygon || valid instanceof MultiPolygon) {
            geom = valid;
        } else {
            geom = polygonalParts(valid);
        }
        d.polygonFeatures++;
        if (d.firstPolygonFeature < 0) {
            d.firstPolygonFeature = index;
        }
        features.accept(new GeoFeature(index, props, geom));
    }

    private Geometry polygonalParts(Geometry g) {
        List<Polygon> ps = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon poly && !poly.isEmpty()) {
                ps.add(poly);
            } else if (part instanceof MultiPolygon mp) {
                for (int k = 0; k < mp.getNumGeometries(); k++) {
                    ps.add((Polygon) mp.getGeometryN(k));
                }
            }
        }
        return ps.size() == 1 ? ps.get(0) : GF.createMultiPolygon(ps.toArray(Polygon[]::new));
    }

    /** Adds the polygons of geometry object {@code g} to {@code polys}, the names of other types to {@code others}. */
    private void collect(Obj g, List<Polygon> polys, List<String> others) {
        String gname = g.path.isEmpty() ? "(top level)" : g.path;
        if (g.type == null) {
            throw d.error(g.line, g.col, "", gname + ": geometry has no \"type\"");
        }
        switch (g.type) {
            case "Polygon" -> {
                Node c = coordinates(g);
                Polygon poly = polygon(c, g.coordinatesPath, "Polygon");
                if (!poly.isEmpty()) { // an empty one is reported with its feature
                    polys.add(poly);
                }
            }
            case "MultiPolygon" -> {
                Node c = coordinates(g);
                if (c.kind == EMPTY) {
                    return;
                }
                if (c.kind != LIST || c.depth != 4 && c.depth != 1) {
                    throw shapeError(c, g.coordinatesPath, "MultiPolygon", 4);
                }
                for (Node member : c.children) {
                    if (member.kind == EMPTY) {
                        d.warnAt(member.line, member.col, path(g.coordinatesPath, member)
                                + ": EMPTY member of a MultiPolygon; ignored");
                        continue;
                    }
                    Polygon poly = polygon(member, g.coordinatesPath, "MultiPolygon member");
                    if (!poly.isEmpty()) {
                        polys.add(poly);
                    }
                }
            }
            case "GeometryCollection" -> {
                if (g.geometries == null) {
                    throw d.error(g.line, g.col, "", gname
                            + ": GeometryCollection has no \"geometries\" array");
                }
                for (Obj member : g.geometries) {
                    collect(member, polys, others);
                }
            }
            case "Point" -> other(g, 1, others);
            case "LineString", "MultiPoint" -> other(g, 2, others);
            case "MultiLineString" -> other(g, 3, others);
            default -> throw d.unknownType(g, "a geometry type (Polygon, MultiPolygon, GeometryCollection...)");
        }
    }

    private void other(Obj g, int depth, List<String> others) {
        Node c = coordinates(g);
        if (c.kind != EMPTY && c.depth != depth) {
            throw shapeError(c, g.coordinatesPath, g.type, depth);
        }
        others.add(g.type);
    }

    private Node coordinates(Obj g) {
        if (g.coordinates == null) {
            String gname = g.path.isEmpty() ? "(top level)" : g.path;
            throw d.error(g.line, g.col, "", gname + ": " + g.type + " has no \"coordinates\"");
        }
        return g.coordinates;
    }

    /** A Polygon from its coordinates node (an array of rings). */
    private Polygon polygon(Node c, String base, String what) {
        if (c.kind == EMPTY) {
            return GF.createPolygon();
        }
        if (c.kind != LIST || c.depth != 3 && c.depth != 1) {
            throw shapeError(c, base, what, 3);
        }
        LinearRing[] rings = new LinearRing[c.children.size()];
        for (int i = 0; i < rings.length; i++) {
            rings[i] = ring(c.children.get(i), base);
        }
        return GF.createPolygon(rings[0], Arrays.copyOfRange(rings, 1, rings.length));
    }

    private LinearRing ring(Node r, String base) {
        if (r.kind == EMPTY) {
            throw error(r, base, "ring has 0 positions; a closed ring needs at least 4 (the last equal to the"
                    + " first)");
        }
        if (r.kind != RING) {
            throw error(r, base, "nested too deep: a ring must be an array of positions");
        }
        Coordinate[] cs = r.coords;
        if (cs.length < 4) {
            throw error(r, base, "ring has " + cs.length + " position" + (cs.length == 1 ? "" : "s")
                    + "; a closed ring needs at least 4 (the last equal to the first)");
        }
        Coordinate a = cs[0];
        Coordinate b = cs[cs.length - 1];
        if (!a.equals2D(b)) {
            throw error(r, base, "ring is not closed: first position (" + num(a.x) + ", " + num(a.y)
                    + ") differs from last (" + num(b.x) + ", " + num(b.y) + ")");
        }
        if (r.maxX - r.minX > 180) {
            throw error(r, base, "ring spans " + num(r.maxX - r.minX) + "° of longitude: it crosses the"
                    + " antimeridian, which controlmap does not support (split it at ±180°)");
        }
        return GF.createLinearRing(new CoordinateArraySequence(cs, 2, 0));
    }

    private InputException shapeError(Node c, String base, String type, int depth) {
        String expected = switch (depth) {
            case 1 -> "a position [lon, lat]";
            case 2 -> "an array of positions";
            case 3 -> "an array of rings (arrays of positions)";
            default -> "an array of polygons (arrays of rings of positions)";
        };
        String found = c.kind == POSITION ? "a single position"
                : c.kind == RING ? "an array of positions"
                : "arrays nested " + c.depth + " deep";
        String how = c.depth < depth ? "nested too shallow" : "nested too deep";
        return error(c, base, type + " coordinates " + how + ": expected " + expected + ", found " + found);
    }

    private InputException error(Node n, String base, String what) {
        return d.error(n.line, n.col, path(base, n), what);
    }

    /** {@code base} followed by the node's indices below "coordinates", e.g. {@code coordinates[0][2]}. */
    static String path(String base, Node n) {
        StringBuilder sb = new StringBuilder(base);
        for (int k : n.path) {
            sb.append('[').append(k).append(']');
        }
        return sb.toString();
    }
}
