package org.controlmap.render;

import java.util.List;
import org.controlmap.InputException;
import org.controlmap.region.Region;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The part of the country a map is framed on ({@code --focus REGION,…} or
 * {@code --bbox W,S,E,N}): the frame is the projected envelope of
 * {@link #area()} ({@link MapProjection}) with a margin, widened or heightened
 * to a landscape shape ({@link #frame}).
 *
 * @param area  what must be in view, lon/lat: the regions' boundaries, or the box's outline
 *              densified so its curved projected edges are covered
 * @param label what the frame is, for messages and the SVG ("Donetsk", "37,47.5,39,49")
 */
public record MapFocus(Geometry area, String label) {
    /** Frame height over width, at least and at most: a landscape map that a page or screen takes. */
    static final double MIN_ASPECT = 0.6;
    static final double MAX_ASPECT = 0.9;
    /** Margin around the area, as a share of its larger side. */
    static final double MARGIN = 0.05;
    private static final GeometryFactory GF = new GeometryFactory();

    /** The regions, framed together (their English names, comma-separated, are the label). */
    public static MapFocus of(List<Region> regions) {
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("no regions");
        }
        Geometry[] gs = new Geometry[regions.size()];
        StringBuilder label = new StringBuilder();
        for (int i = 0; i < gs.length; i++) {
            gs[i] = regions.get(i).geometry();
            label.append(i > 0 ? ", " : "").append(regions.get(i).nameEn());
        }
        return new MapFocus(GF.createGeometryCollection(gs), label.toString());
    }

    /**
     * A lon/lat box, degrees, WGS84. West must be less than east and south
     * less than north (no box across the antimeridian: the map covers 22–41°E).
     */
    public static MapFocus box(double west, double south, double east, double north) {
        String text = plain(west) + "," + plain(south) + ","
                + plain(east) + "," + plain(north);
        if (!(west >= -180 && east <= 180 && south >= -90 && north <= 90)) {
            throw new InputException("--bbox " + text + ": longitudes must be within ±180 and latitudes within ±90");
        }
        if (!(west < east) || !(south < north)) {
            throw new InputException("--bbox " + text + ": give W,S,E,N with W < E and S < N (degrees)");
        }
        int n = 16;
        Coordinate[] ring = new Coordinate[4 * n + 1];
        for (int k = 0; k < n; k++) {
            double t = (double) k / n;
            ring[k] = new Coordinate(west + t * (east - west), south);
            ring[n + k] = new Coordinate(east, south + t * (north - south));
            ring[2 * n + k] = new Coordinate(east - t * (east - west), north);
            ring[3 * n + k] = new Coordinate(west, north - t * (north - south));
        }
        ring[4 * n] = ring[0].copy();
        return new MapFocus(GF.createPolygon(ring), text);
    }

    /**
     * The frame, projected metres: the area's projected envelope, a margin of
     * {@value #MARGIN} of its larger side, then widened or heightened about its
     * centre to a height/width between {@value #MIN_ASPECT} and {@value #MAX_ASPECT}.
     */
    public Envelope frame(MapProjection projection) {
        Envelope env = new Envelope(projection.project(area).getEnvelopeInternal());
        env.expandBy(MARGIN * Math.max(env.getWidth(), env.getHeight()));
        double w = env.getWidth();
        double h = env.getHeight();
        if (h < MIN_ASPECT * w) {
            env.expandBy(0, (MIN_ASPECT * w - h) / 2);
        } else if (h > MAX_ASPECT * w) {
            env.expandBy((h / MAX_ASPECT - w) / 2, 0);
        }
        return env;
    }

    /** A degree value as typed: plain decimals, no trailing zeros. */
    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
