package org.controlmap.control.measure;

import static org.controlmap.geodata.Polygons.polygonal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.controlmap.geodata.CompiledFeatures;
import org.controlmap.geodata.GeoFeature;
import org.controlmap.geodata.LocalProjection;
import org.controlmap.region.Region;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Where held ground that lies in no home region is booked under
 * {@link Attribution#NEAREST}: for each home region (Ukraine's 27 units), its
 * <em>mismatch zone</em>, the ground outside every home region that is nearer
 * to it than to any other home region, out to {@code limitKm} from the home
 * regions' outline. Sea and coast strips, and the strip of a neighbouring
 * country along the border, fall in these zones; a control polygon drawn
 * with another coastline or border than the regions' is then booked to the
 * region it borders, split where the nearest region changes.
 *
 * <p>Method: the zones are unions of the cells of a Voronoi diagram (JTS
 * {@link VoronoiDiagramBuilder}, Guibas &amp; Stolfi's incremental Delaunay
 * triangulation) of points every {@value #SITE_SPACING_M} m along each home
 * region's share of the outline, in a Lambert azimuthal equal-area projection
 * centred on the home regions (true distances to within about 1.5 % over
 * Ukraine). Cells of points of one region are merged, cut to the outline
 * buffered by {@code limitKm}, brought back to longitude/latitude and cut by
 * the exact home regions. The zones and the home regions therefore
 * <em>partition</em> the reach (the outline buffered by the limit): every
 * km² of a polygon inside the reach is booked exactly once. Nearest is exact
 * up to half the point spacing (1 km), which only moves where one zone ends
 * and the next begins, never how much ground is booked.
 *
 * <p>Building the zones takes a few seconds; the bundled regions' zones at the
 * default limit are built with the jar ({@code CompileMismatchZones}) and read
 * in milliseconds.
 */
public final class MismatchZones {
    /** Default limit: held ground farther than this from every home region stays outside, km. */
    public static final double DEFAULT_LIMIT_KM = 25;
    /** Spacing of the Voronoi sites along the outline, metres. */
    static final double SITE_SPACING_M = 2000;
    /** Name of the compiled zones of the bundled regions inside the jar. */
    static final String RESOURCE = "mismatch-zones.cmf";

    private static final GeometryFactory GF = new GeometryFactory();

    private final List<Region> home;
    private final List<Geometry> zones;
    private final Geometry reach;
    private final double limitKm;
    private volatile PreparedGeometry reachPrepared;

    private MismatchZones(List<Region> home, List<Geometry> zones, Geometry reach, double limitKm) {
        this.home = List.copyOf(home);
        this.zones = List.copyOf(zones);
        this.reach = reach;
        this.limitKm = limitKm;
        for (Geometry z : zones) {
            z.getEnvelopeInternal();
        }
        reach.getEnvelopeInternal();
    }

    /** The home regions, in the order of {@link #zones()}. */
    public List<Region> home() {
        return home;
    }

    /** Each home region's mismatch zone, lon/lat; empty for a region with no share of the outline. */
    public List<Geometry> zones() {
        return zones;
    }

    /** The home regions and their zones together: ground farther out stays "outside". */
    public Geometry reach() {
        return reach;
    }

    PreparedGeometry reachPrepared() {
        PreparedGeometry p = reachPrepared;
        if (p == null) {
            p = PreparedGeometryFactory.prepare(reach);
            reachPrepared = p;
        }
        return p;
    }

    /** The limit, km. */
    public double limitKm() {
        return limitKm;
    }

    /**
     * The zones of {@code home} at {@code limitKm}: read from the jar when they
     * are the bundled regions at the default limit, else built (a few seconds).
     */
    public static MismatchZones of(List<Region> home, double limitKm) {
        if (limitKm == DEFAULT_LIMIT_KM) {
            MismatchZones compiled = compiled(home);
            if (compiled != null) {
                return compiled;
            }
        }
        return build(home, limitKm);
    }

    /**
     * Builds the zones (see the class comment).
     *
     * @param home    regions that do not overlap one another
     * @param limitKm how far from the home regions ground is still booked to the nearest, km (> 0)
     */
    public static MismatchZones build(List<Region> home, double limitKm) {
        if (!(limitKm > 0) || Double.isInfinite(limitKm)) {
            throw new IllegalArgumentException("limit must be a positive number of km, was " + limitKm);
        }
        List<Geometry> shapes = home.stream().map(Region::geometry).toList();
        Geometry union = OverlayNGRobust.union(shapes);
        Geometry outline = union.getBoundary();
        LocalProjection proj = LocalProjection.centredOn(union);

        // Sites: points along each region's share of the outline, labelled by region.
        List<Coordinate> sites = new ArrayList<>();
        Map<Coordinate, Integer> owner = new HashMap<>();
        for (int i = 0; i < home.size(); i++) {
            Geometry share = OverlayNGRobust.overlay(home.get(i).geometry().getBoundary(), outline,
                    OverlayNG.INTERSECTION);
            if (share.isEmpty()) {
                continue;
            }
            Geometry dense = Densifier.densify(proj.project(share), SITE_SPACING_M);
            for (Coordinate c : dense.getCoordinates()) {
                Coordinate k = new Coordinate(c.x, c.y);
                if (owner.putIfAbsent(k, i) == null) {
                    sites.add(k);
                }
            }
        }
        Geometry unionM = proj.project(union);
        Geometry reachM = unionM.buffer(limitKm * 1000, 8);
        List<List<Geometry>> cells = new ArrayList<>();
        for (int i = 0; i < home.size(); i++) {
            cells.add(new ArrayList<>());
        }
        if (!sites.isEmpty()) {
            VoronoiDiagramBuilder voronoi = new VoronoiDiagramBuilder();
            voronoi.setSites(sites);
            Envelope clip = new Envelope(reachM.getEnvelopeInternal());
            clip.expandBy(limitKm * 1000);
            voronoi.setClipEnvelope(clip);
            Geometry diagram = voronoi.getDiagram(GF);
            for (int k = 0; k < diagram.getNumGeometries(); k++) {
                Geometry cell = diagram.getGeometryN(k);
                Integer i = owner.get((Coordinate) cell.getUserData());
                if (i != null) {
                    cells.get(i).add(cell);
                }
            }
        }
        List<Geometry> zones = new ArrayList<>();
        List<Geometry> reachParts = new ArrayList<>(shapes);
        for (int i = 0; i < home.size(); i++) {
            if (cells.get(i).isEmpty()) {
                zones.add(GF.createMultiPolygon());
                continue;
            }
            Geometry merged = OverlayNGRobust.union(cells.get(i));
            Geometry inReach = OverlayNGRobust.overlay(merged, reachM, OverlayNG.INTERSECTION);
            // Straight projected edges, densified so that they stay close to where they were drawn once
            // brought back; shared edges are brought back identically, so the zones still tile.
            Geometry lonLat = proj.unproject(Densifier.densify(inReach, SITE_SPACING_M));
            Geometry zone = polygonal(OverlayNGRobust.overlay(lonLat, union, OverlayNG.DIFFERENCE));
            zones.add(zone);
            reachParts.add(zone);
        }
        Geometry reach = OverlayNGRobust.union(reachParts);
        return new MismatchZones(home, zones, reach, limitKm);
    }

    /** Writes zones as compiled features: one per home region ({@code iso}), then the reach. */
    public void write(OutputStream out) throws IOException {
        List<GeoFeature> fs = new ArrayList<>();
        for (int i = 0; i < home.size(); i++) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("iso", home.get(i).iso());
            p.put("limit_km", Double.toString(limitKm));
            // Identifies the boundary the zone was built from: another boundary has another area.
            p.put("region_area_km2", Double.toString(home.get(i).areaKm2()));
            fs.add(new GeoFeature(i, p, zones.get(i)));
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("iso", "reach");
        p.put("limit_km", Double.toString(limitKm));
        fs.add(new GeoFeature(home.size(), p, reach));
        CompiledFeatures.write(fs, out);
    }

    /** The compiled zones, when they were compiled for exactly these regions; else null. */
    private static MismatchZones compiled(List<Region> home) {
        try (InputStream in = MismatchZones.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return null;
            }
            List<GeoFeature> fs = CompiledFeatures.read(in, RESOURCE);
            if (fs.size() != home.size() + 1) {
                return null;
            }
            List<Geometry> zones = new ArrayList<>();
            for (int i = 0; i < home.size(); i++) {
                // Same regions, same order, same boundaries: the compiled zones were built from these.
                if (!home.get(i).iso().equals(fs.get(i).string("iso"))
                        || !Double.toString(home.get(i).areaKm2()).equals(fs.get(i).string("region_area_km2"))) {
                    return null;
                }
                zones.add(fs.get(i).geometry());
            }
            return new MismatchZones(home, zones, fs.get(home.size()).geometry(), DEFAULT_LIMIT_KM);
        } catch (IOException e) {
            throw new IllegalStateException(RESOURCE + ": " + e.getMessage(), e);
        }
    }
}
