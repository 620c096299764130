package org.controlmap.control.measure;

import org.controlmap.InputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.controlmap.geodata.GeodesicArea;
import org.controlmap.region.Region;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** Synthetic regions and control files of known shape, for tests (never the sample data beside the project). */
final class Fixtures {
    static final GeometryFactory GF = new GeometryFactory();

    private Fixtures() {
    }

    /**
     * A lon/lat box polygon with a vertex at every whole 0.5° along its edges.
     * Overlays split edges where they cross a region boundary, and a long edge
     * measured as one geodesic is not the same as its two halves (it bows
     * poleward); with vertices on the region grid, no edge is ever split, so
     * "parts add up to the whole" holds to round-off.
     */
    static Geometry box(double lon0, double lon1, double lat0, double lat1) {
        java.util.List<Coordinate> cs = new java.util.ArrayList<>();
        edge(cs, lon0, lat0, lon1, lat0);
        edge(cs, lon1, lat0, lon1, lat1);
        edge(cs, lon1, lat1, lon0, lat1);
        edge(cs, lon0, lat1, lon0, lat0);
        cs.add(new Coordinate(lon0, lat0));
        return GF.createPolygon(cs.toArray(Coordinate[]::new));
    }

    private static void edge(java.util.List<Coordinate> cs, double x0, double y0, double x1, double y1) {
        cs.add(new Coordinate(x0, y0));
        if (y0 == y1) {
            double lo = Math.min(x0, x1);
            double hi = Math.max(x0, x1);
            java.util.List<Double> mids = new java.util.ArrayList<>();
            for (double v = Math.floor(lo * 2) / 2 + 0.5; v < hi; v += 0.5) {
                if (v > lo) {
                    mids.add(v);
                }
            }
            if (x1 < x0) {
                java.util.Collections.reverse(mids);
            }
            for (double v : mids) {
                cs.add(new Coordinate(v, y0));
            }
        }
    }

    static Region region(String iso, String country, Geometry g, double officialKm2) {
        return new Region(iso, country, "oblast", iso, iso, iso, g, GeodesicArea.km2(g), officialKm2, "test");
    }

    /**
     * Three 1°×1° regions side by side at 48–49°N: UA-01 (30–31°E), UA-02 (31–32°E)
     * and, across the "border", RU-01 (32–33°E).
     */
    static List<Region> threeRegions() {
        return List.of(
                region("UA-01", "UA", box(30, 31, 48, 49), 8000),
                region("UA-02", "UA", box(31, 32, 48, 49), 8300),
                region("RU-01", "RU", box(32, 33, 48, 49), 8200));
    }

    static ControlOverlay overlay() {
        List<Region> rs = threeRegions();
        return new ControlOverlay(rs, 16_000);
    }

    /** A FeatureCollection of one polygon feature per box, with optional properties JSON per feature. */
    static String collection(List<Geometry> boxes, List<String> props) {
        StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < boxes.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Coordinate[] cs = boxes.get(i).getCoordinates();
            sb.append("{\"type\":\"Feature\",\"properties\":").append(props == null ? "{}" : props.get(i))
                    .append(",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[");
            for (int k = 0; k < cs.length; k++) {
                sb.append(k > 0 ? "," : "").append(String.format(Locale.ROOT, "[%s,%s]", cs[k].x, cs[k].y));
            }
            sb.append("]]}}");
        }
        return sb.append("]}").toString();
    }

    static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    /** The message of the InputException {@code r} throws; fails when it throws none. */
    static String messageOf(Runnable r) {
        try {
            r.run();
        } catch (InputException e) {
            return e.getMessage();
        }
        throw new AssertionError("no InputException");
    }
}
