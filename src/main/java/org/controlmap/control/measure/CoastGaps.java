package org.controlmap.control.measure;

import static org.controlmap.geodata.Polygons.polygonal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.controlmap.geodata.CompiledFeatures;
import org.controlmap.geodata.GeoFeature;
import org.controlmap.geodata.GeodesicArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.geom.util.NoninvertibleTransformationException;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.controlmap.region.Region;

/**
 * Thin strips that a held polygon leaves along the coast or the state border:
 * not a front, but two drawings of the same coastline or border (the source's
 * and the regions'). Under {@link Attribution#NEAREST} they count as held ground
 * of their region, and are shown in its {@code mismatch_km2}.
 *
 * <p>Each home region's <em>band</em> is its ground within {@value #BAND_KM} km of
 * the home regions' outline (coast and state border; not the borders between
 * home regions). For held territory H touching region R, two rules:
 * <ol>
 * <li><b>No front:</b> when H covers R's ground outside the band, R is held
 *     as far as the source draws it, and all of R − H is a coast or border
 *     gap (Crimea and Sevastopol, which the source marks held whole).</li>
 * <li><b>Strips:</b> otherwise each connected part of band − H is a gap when it
 *     touches H along at least {@value #MIN_TOUCH_KM} km and meets the band's
 *     inner edge, where unheld ground would go on inland, along at most
 *     {@value #MAX_INNER_KM} km. A strip between held ground and the coast is
 *     a gap; free ground along a coast or border, which runs on inland, is not;
 *     an island the polygon does not touch is not.</li>
 * </ol>
 * Lengths are measured in an equirectangular frame in km centred on the
 * region (scale true at its centre, within a few percent across an oblast:
 * enough for telling a 1 km strip from a 50 km front). The areas booked are
 * geodesic, as everywhere.
 *
 * <p>Hand-written: the classification is specific to how control maps and
 * boundary data disagree; every geometric step is a JTS operation.
 */
public final class CoastGaps {
    /** Width of the band along the outline in which gaps are looked for, km. */
    static final double BAND_KM = 6;
    /** Longest contact with the band's inner edge a gap may have, km. */
    static final double MAX_INNER_KM = 6;
    /** Shortest contact with held ground a gap must have, km. */
    static final double MIN_TOUCH_KM = 0.5;
    /** Name of the compiled bands of the bundled regions inside the jar. */
    static final String RESOURCE = "coast-bands.cmf";

    private static final GeometryFactory GF = new GeometryFactory();
    // WGS84 semi-major axis (m) and first eccentricity squared.
    private static final double A = 6378137.0;
    private static final double E2 = 6.69437999014e-3;

    /** One region's band, with what classifying a gap needs. */
    private record Band(Region region, Geometry band, Geometry core, Point corePoint, AffineTransformation toKm,
            IndexedFacetDistance outlineKm, IndexedFacetDistance boundaryKm, PreparedGeometry bandPrepared) {
    }

    private final List<Band> bands;
    /** Grid cells ({@value #CELL_DEG}°) touching each band: cell key → indices of the bands. */
    private final Map<Long, int[]> bandCells = new HashMap<>();
    /** Interior points of each band's and each region's parts: their side of H completes a key. */
    private final List<Point[]> bandPoints = new ArrayList<>();
    private final List<Point[]> regionPoints = new ArrayList<>();
    /** Fills found so far, by key: the same key always gives the same fill (see {@link #filledKm2}). */
    private final Map<Key, Fill> found = new ConcurrentHashMap<>();

    /** A fill found: its shape (lon/lat) and its geodesic km². */
    record Fill(Geometry shape, double km2) {
        static Fill of(Geometry g) {
            return new Fill(g, GeodesicArea.km2(g));
        }
    }

    static final double CELL_DEG = 0.1;

    private CoastGaps(List<Band> bands) {
        this.bands = bands;
        Map<Long, List<Integer>> cells = new HashMap<>();
        for (int k = 0; k < bands.size(); k++) {
            Band b = bands.get(k);
            if (b == null) {
                bandPoints.add(new Point[0]);
                regionPoints.add(new Point[0]);
                continue;
            }
            Envelope e = b.band.getEnvelopeInternal();
            for (int i = index(e.getMinX()); i <= index(e.getMaxX()); i++) {
                for (int j = index(e.getMinY()); j <= index(e.getMaxY()); j++) {
                    Geometry cell = GF.toGeometry(new Envelope(i * CELL_DEG, (i + 1) * CELL_DEG, j * CELL_DEG,
                            (j + 1) * CELL_DEG));
                    if (b.bandPrepared.intersects(cell)) {
                        cells.computeIfAbsent(key(i, j), q -> new ArrayList<>()).add(k);
                    }
                }
            }
            bandPoints.add(interiorPoints(b.band));
            regionPoints.add(interiorPoints(b.region.geometry()));
        }
        cells.forEach((c, ks) -> bandCells.put(c, ks.stream().mapToInt(Integer::intValue).toArray()));
    }

    private static Point[] interiorPoints(Geometry g) {
        Point[] out = new Point[g.getNumGeometries()];
        for (int i = 0; i < out.length; i++) {
            out[i] = g.getGeometryN(i).getInteriorPoint();
        }
        return out;
    }

    /**
     * What a fill depends on, as a key: the oriented edges of H that can touch the ground looked at (two
     * independent order-free 64-bit hashes and their count), and which side of H each part of that ground
     * lies on where no edge touches it. Equal keys mean the same H ∩ ground, so the same fill (a false match
     * is as likely as guessing a 128-bit number); the same reasoning as {@link CellMeter}'s.
     */
    private record Key(int region, boolean whole, long h1, long h2, long n, long sides) {
    }

    /** Per snapshot: the hashes of H's edges near each band and inside each region's bounding box. */
    final class Edges {
        private final long[][] band = new long[bands.size()][3];
        private final long[][] region = new long[bands.size()][3];

        Edges(Geometry held) {
            for (int p = 0; p < held.getNumGeometries(); p++) {
                Polygon poly = (Polygon) held.getGeometryN(p);
                for (int r = -1; r < poly.getNumInteriorRing(); r++) {
                    LineString ring = r < 0 ? poly.getExteriorRing() : poly.getInteriorRingN(r);
                    add(ring.getCoordinates(), r < 0);
                }
            }
        }

        private void add(Coordinate[] cs, boolean shell) {
            // Held territory on the left: a counter-clockwise shell, a clockwise hole.
            boolean forward = shell == org.locationtech.jts.algorithm.Orientation.isCCW(cs);
            for (int k = 0; k + 1 < cs.length; k++) {
                Coordinate a = forward ? cs[k] : cs[k + 1];
                Coordinate b = forward ? cs[k + 1] : cs[k];
                long h1 = CellMeter.edgeHash1(a, b);
                long h2 = CellMeter.edgeHash2(a, b);
                double x0 = Math.min(a.x, b.x);
                double x1 = Math.max(a.x, b.x);
                double y0 = Math.min(a.y, b.y);
                double y1 = Math.max(a.y, b.y);
                for (int q = 0; q < bands.size(); q++) {
                    Band bd = bands.get(q);
                    if (bd != null) {
                        Envelope e = bd.region.geometry().getEnvelopeInternal();
                        if (x1 >= e.getMinX() && x0 <= e.getMaxX() && y1 >= e.getMinY() && y0 <= e.getMaxY()) {
                            accumulate(region[q], h1, h2);
                        }
                    }
                }
                int[] seen = null;
                for (int i = index(x0 - 1e-9); i <= index(x1 + 1e-9); i++) {
                    for (int j = index(y0 - 1e-9); j <= index(y1 + 1e-9); j++) {
                        int[] ks = bandCells.get(key(i, j));
                        if (ks == null) {
                            continue;
                        }
                        for (int q : ks) {
                            // An edge across several cells of one band counts once.
                            if (seen == null) {
                                seen = new int[bands.size()];
                            }
                            if (seen[q] == 0) {
                                seen[q] = 1;
                                accumulate(band[q], h1, h2);
                            }
                        }
                    }
                }
            }
        }

        private static void accumulate(long[] acc, long h1, long h2) {
            acc[0] += h1;
            acc[1] ^= h2 * 0x2545F4914F6CDD1DL + (h2 >>> 29);
            acc[2]++;
        }
    }

    /**
     * km² of {@link #fill} for region {@code i}, remembered by what it depends on, so that a series of
     * daily snapshots, whose coasts and borders rarely change, finds most fills again instead of
     * recomputing them. Same result as {@code GeodesicArea.km2(fill(i, held, heldPrepared))}.
     */
    double filledKm2(int i, Geometry held, PreparedGeometry heldPrepared, Edges edges) {
        return filled(i, held, heldPrepared, edges).km2();
    }

    /** The fill of {@link #fill} for region {@code i}, remembered as {@link #filledKm2} says. */
    Fill filled(int i, Geometry held, PreparedGeometry heldPrepared, Edges edges) {
        Band b = bands.get(i);
        if (b == null || b.band.isEmpty()) {
            return new Fill(GF.createMultiPolygon(), 0);
        }
        // Rule 1 needs H over the core, so the core's own point inside H; the fill then depends on H over the
        // whole region. Otherwise, or when H does not cover the core after all, only on H near the band.
        if (b.corePoint != null && heldPrepared.contains(b.corePoint)) {
            Key whole = key(i, true, edges.region[i], regionPoints.get(i), heldPrepared);
            Fill f = found.get(whole);
            if (f != null) {
                return f;
            }
            if (heldPrepared.covers(b.core)) {
                f = Fill.of(unheld(b, held));
                found.put(whole, f);
                return f;
            }
        }
        Key strip = key(i, false, edges.band[i], bandPoints.get(i), heldPrepared);
        Fill f = found.get(strip);
        if (f == null) {
            f = Fill.of(strips(b, held));
            found.put(strip, f);
        }
        return f;
    }

    private static Key key(int i, boolean whole, long[] e, Point[] pts, PreparedGeometry heldPrepared) {
        long sides = 0;
        for (int k = 0; k < pts.length; k++) {
            sides = sides * 31 + (heldPrepared.contains(pts[k]) ? k + 1 : 0);
        }
        return new Key(i, whole, e[0], e[1], e[2], sides);
    }

    private static int index(double deg) {
        return (int) Math.floor(deg / CELL_DEG);
    }

    private static long key(int i, int j) {
        return ((long) i << 32) ^ (j & 0xFFFFFFFFL);
    }

    /**
     * Ground of region {@code i} (index into the home regions) that counts as held although
     * {@code held} leaves it out; empty when none.
     *
     * <p>Call it only for a region the held territory overlaps.
     *
     * @param held     the held territory, lon/lat, valid
     * @param heldPrepared {@code held}, prepared
     */
    Geometry fill(int i, Geometry held, PreparedGeometry heldPrepared) {
        Band b = bands.get(i);
        if (b == null || b.band.isEmpty()) {
            return GF.createMultiPolygon();
        }
        return wholeHeld(b, heldPrepared) ? unheld(b, held) : strips(b, held);
    }

    /** Rule 1: H covers the region's ground away from the outline. */
    private static boolean wholeHeld(Band b, PreparedGeometry heldPrepared) {
        return !b.core.isEmpty() && heldPrepared.contains(b.corePoint) && heldPrepared.covers(b.core);
    }

    private static Geometry unheld(Band b, Geometry held) {
        return polygonal(OverlayNGRobust.overlay(b.region.geometry(), held, OverlayNG.DIFFERENCE));
    }

    /** Rule 2: the parts of band − H that are strips between H and the outline. */
    private static Geometry strips(Band b, Geometry held) {
        if (!b.bandPrepared.intersects(held)) {
            return GF.createMultiPolygon();
        }
        Geometry unheld = polygonal(OverlayNGRobust.overlay(b.band, held, OverlayNG.DIFFERENCE));
        List<Geometry> gaps = new ArrayList<>();
        for (int k = 0; k < unheld.getNumGeometries(); k++) {
            Polygon part = (Polygon) unheld.getGeometryN(k);
            if (isGap(b, part)) {
                gaps.add(part);
            }
        }
        return gaps.isEmpty() ? GF.createMultiPolygon() : GF.buildGeometry(gaps);
    }

    /** Classifies a part of band − H by what its rings run along (see the class comment). */
    private static boolean isGap(Band b, Polygon part) {
        Geometry km = b.toKm.transform(part);
        double touch = 0;
        double inner = 0;
        Polygon p = (Polygon) km;
        for (int r = -1; r < p.getNumInteriorRing(); r++) {
            LineString ring = r < 0 ? p.getExteriorRing() : p.getInteriorRingN(r);
            Coordinate[] cs = ring.getCoordinates();
            for (int k = 0; k + 1 < cs.length; k++) {
                double len = cs[k].distance(cs[k + 1]);
                if (len == 0) {
                    continue;
                }
                Point mid = GF.createPoint(new Coordinate((cs[k].x + cs[k + 1].x) / 2, (cs[k].y + cs[k + 1].y) / 2));
                // isWithinDistance stops at the first facet near enough (distance() finds the nearest one);
                // nextDown keeps the test strict, as "< 1e-4" was.
                if (b.boundaryKm.isWithinDistance(mid, Math.nextDown(1e-4))) {
                    continue; // on the region's own boundary: coast, border or a neighbour's edge
                }
                // The band's inner edge is the outline buffered by BAND_KM, its arcs drawn as chords.
                if (!b.outlineKm.isWithinDistance(mid, 0.9 * BAND_KM)) {
                    inner += len;
                } else {
                    touch += len;
                }
            }
        }
        return touch >= MIN_TOUCH_KM && inner <= MAX_INNER_KM;
    }

    // ---- bands -----------------------------------------------------------------------------

    /** A region's band, the rest of it (its core) and the outline near it, lon/lat. */
    public record Shapes(Geometry band, Geometry core, Geometry outline) {
    }

    /** The bands of {@code home}: read from the jar for the bundled regions, else built (a second or two). */
    static CoastGaps of(List<Region> home) {
        List<Shapes> compiled = compiled(home);
        List<Shapes> shapes = compiled != null ? compiled : build(home);
        List<Band> bands = new ArrayList<>();
        for (int i = 0; i < home.size(); i++) {
            Region r = home.get(i);
            Shapes s = shapes.get(i);
            if (s.band.isEmpty()) {
                bands.add(null);
                continue;
            }
            AffineTransformation toKm = frame(r.geometry().getEnvelopeInternal());
            Point corePoint = s.core.isEmpty() ? null : s.core.getInteriorPoint();
            bands.add(new Band(r, s.band, s.core, corePoint, toKm, new IndexedFacetDistance(toKm.transform(s.outline)),
                    new IndexedFacetDistance(toKm.transform(r.geometry().getBoundary())),
                    PreparedGeometryFactory.prepare(s.band)));
        }
        return new CoastGaps(bands);
    }

    /** Each home region's band, core and nearby outline (see the class comment). */
    public static List<Shapes> build(List<Region> home) {
        Geometry union = OverlayNGRobust.union(home.stream().map(Region::geometry).toList());
        Geometry outline = union.getBoundary();
        List<Shapes> out = new ArrayList<>();
        for (Region r : home) {
            Geometry share = OverlayNGRobust.overlay(r.geometry().getBoundary(), outline, OverlayNG.INTERSECTION);
            if (share.isEmpty()) {
                out.add(new Shapes(GF.createMultiPolygon(), r.geometry(), GF.createLineString()));
                continue;
            }
            AffineTransformation toKm = frame(r.geometry().getEnvelopeInternal());
            Geometry bufferedKm = toKm.transform(share).buffer(BAND_KM, 4);
            Geometry buffered = inverse(toKm).transform(bufferedKm);
            Geometry band = polygonal(OverlayNGRobust.overlay(r.geometry(), buffered, OverlayNG.INTERSECTION));
            Geometry core = polygonal(OverlayNGRobust.overlay(r.geometry(), band, OverlayNG.DIFFERENCE));
            Envelope near = new Envelope(r.geometry().getEnvelopeInternal());
            near.expandBy(1);
            Geometry outlineNear = OverlayNGRobust.overlay(outline, GF.toGeometry(near), OverlayNG.INTERSECTION);
            out.add(new Shapes(band, core, outlineNear));
        }
        return out;
    }

    /** An equirectangular frame in km, true at the envelope's centre (WGS84 radii of curvature, Snyder 1987, 4-18 and 4-20). */
    static AffineTransformation frame(Envelope env) {
        double lon0 = env.centre().x;
        double lat0 = env.centre().y;
        double s = Math.sin(Math.toRadians(lat0));
        double n = A / Math.sqrt(1 - E2 * s * s);
        double m = A * (1 - E2) / Math.pow(1 - E2 * s * s, 1.5);
        AffineTransformation t = AffineTransformation.translationInstance(-lon0, -lat0);
        t.scale(Math.toRadians(1) * n * Math.cos(Math.toRadians(lat0)) / 1000, Math.toRadians(1) * m / 1000);
        return t;
    }

    private static AffineTransformation inverse(AffineTransformation t) {
        try {
            return t.getInverse();
        } catch (NoninvertibleTransformationException e) {
            throw new IllegalStateException(e); // a translation and a positive scale always invert
        }
    }

    /** Writes the shapes as compiled features, three per home region: band, core, outline. */
    public static void write(List<Region> home, List<Shapes> shapes, OutputStream out) throws IOException {
        List<GeoFeature> fs = new ArrayList<>();
        for (int i = 0; i < home.size(); i++) {
            Shapes s = shapes.get(i);
            Geometry[] gs = {s.band, s.core, s.outline};
            for (Geometry g : gs) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("iso", home.get(i).iso());
                p.put("band_km", Double.toString(BAND_KM));
                p.put("region_area_km2", Double.toString(home.get(i).areaKm2()));
                fs.add(new GeoFeature(fs.size(), p, g));
            }
        }
        CompiledFeatures.write(fs, out);
    }

    private static List<Shapes> compiled(List<Region> home) {
        try (InputStream in = CoastGaps.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return null;
            }
            List<GeoFeature> fs = CompiledFeatures.read(in, RESOURCE);
            if (fs.size() != 3 * home.size()) {
                return null;
            }
            List<Shapes> out = new ArrayList<>();
            for (int i = 0; i < home.size(); i++) {
                GeoFeature f = fs.get(3 * i);
                // Built from these very boundaries (another boundary has another area) at this width.
                if (!home.get(i).iso().equals(f.string("iso"))
                        || !Double.toString(home.get(i).areaKm2()).equals(f.string("region_area_km2"))
                        || !Double.toString(BAND_KM).equals(f.string("band_km"))) {
                    return null;
                }
                out.add(new Shapes(f.geometry(), fs.get(3 * i + 1).geometry(), fs.get(3 * i + 2).geometry()));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(RESOURCE + ": " + e.getMessage(), e);
        }
    }
}
