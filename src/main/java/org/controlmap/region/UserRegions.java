package org.controlmap.region;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.controlmap.geodata.FeatureFiles;
import org.controlmap.geodata.GeoFeature;
import org.controlmap.geodata.GeodesicArea;
import org.controlmap.InputException;
import org.controlmap.geodata.Polygons;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * The user's own boundaries ({@code --regions FILE}): districts, raions, hromadas, a city's outskirts, each
 * kept with its own geodesic area ({@link GeodesicArea}) and booked under the bundled region that holds
 * most of it, so the bundled rows and the Ukraine total stay as they are and the districts refine them.
 *
 * <p>What a district counts is its {@link District#counted() counted} part: the district within its parent
 * region, less what an earlier district of the same parent (file order) already covers. Ground two
 * districts both claim is so counted once, in the first; ground of a district beyond its parent stays with
 * the region it lies in. Per parent, {@link Coverage} says how much the districts overlap and how much of
 * the parent no district covers.
 *
 * @param file      where the districts came from, for messages
 * @param districts in file order
 * @param coverage  per parent region that has districts, in catalogue order
 */
public record UserRegions(String file, List<District> districts, List<Coverage> coverage) {
    /** Overlaps below this, km², are floating-point noise of shared edges, not overlaps: nothing is trimmed. */
    static final double NOISE_KM2 = 1e-4;

    /**
     * One district.
     *
     * @param id         its identifier, from {@code --id-field}, unique in the file
     * @param name       its name, from {@code --name-field}, else the id
     * @param feature    its 0-based position in the file, for messages
     * @param parent     the bundled region holding the largest part of it (geodesic km²)
     * @param geometry   its boundary as read, lon/lat degrees, valid
     * @param areaKm2    geodesic area of {@code geometry} on WGS84, km²
     * @param counted    what it counts: {@code geometry} ∩ parent, less earlier districts of the same parent
     * @param countedKm2 geodesic area of {@code counted}, km²
     * @param beyondKm2  its area outside its parent (in other regions or in none), km²
     * @param sharedKm2  its area inside the parent already counted in an earlier district, km²
     */
    public record District(String id, String name, int feature, Region parent, Geometry geometry, double areaKm2,
            Geometry counted, double countedKm2, double beyondKm2, double sharedKm2) {
    }

    /**
     * How a parent region's districts cover it.
     *
     * @param region     the bundled region
     * @param districts  how many districts it holds
     * @param overlapKm2 km² of the region claimed by more than one of them (counted once, in the first)
     * @param gapKm2     km² of the region in none of them (held ground there counts only to the region's row)
     */
    public record Coverage(Region region, int districts, double overlapKm2, double gapKm2) {
    }

    /**
     * Reads a boundary file in any format {@link FeatureFiles} reads.
     *
     * @param idField   property holding each district's identifier
     * @param nameField property holding its name (the id where absent)
     * @param warnings  the reader's one-line warnings (repaired rings)
     */
    public static UserRegions read(Path file, String idField, String nameField, RegionCatalogue catalogue,
            Consumer<String> warnings) {
        String name = file.toString();
        List<String> notPolygons = new ArrayList<>();
        List<GeoFeature> features = FeatureFiles.read(file, null, w -> {
            if (w.contains("is not a polygon") || w.contains("no geometry")) {
                notPolygons.add(w);
            } else {
                warnings.accept(w);
            }
        }).features();
        if (!notPolygons.isEmpty()) {
            // The reader's warning, located; what it says it did (skip the feature) is not what happens here.
            throw new InputException(notPolygons.get(0).replace("; feature skipped", "").replace(
                    "; kept with an empty shape", "") + " (--regions takes polygons only)");
        }
        return of(features, name, idField, nameField, catalogue);
    }

    /** Districts from features already read; {@code name} names their file in messages. */
    public static UserRegions of(List<GeoFeature> features, String name, String idField, String nameField,
            RegionCatalogue catalogue) {
        if (features.isEmpty()) {
            throw new InputException(name + ": no features; --regions needs polygons with an '" + idField
                    + "' property");
        }
        Map<String, Integer> seen = new HashMap<>();
        List<Region> bundled = catalogue.regions();
        List<PreparedGeometry> prepared = new ArrayList<>();
        for (Region r : bundled) {
            prepared.add(PreparedGeometryFactory.prepare(r.geometry()));
        }
        record Read(GeoFeature f, String id, String label, Region parent, Geometry inside, double areaKm2,
                double insideKm2) {
        }
        List<Read> reads = new ArrayList<>();
        for (GeoFeature f : features) {
            String where = name + ": feature " + f.index();
            String id = text(f.properties().get(idField));
            if (id == null || id.isBlank()) {
                throw new InputException(where + ": no '" + idField + "' property (--id-field); it has "
                        + (f.properties().isEmpty() ? "none" : String.join(", ", f.properties().keySet())));
            }
            id = id.strip();
            if (id.equals("UA") || id.equals("outside") || catalogue.byIso(id).isPresent()) {
                throw new InputException(where + ": id '" + id + "' is a bundled region's code; give districts"
                        + " ids of their own");
            }
            Integer earlier = seen.putIfAbsent(id, f.index());
            if (earlier != null) {
                throw new InputException(where + ": id '" + id + "' is also the id of feature " + earlier
                        + "; ids must be unique");
            }
            if (f.geometry().isEmpty()) {
                throw new InputException(where + " ('" + id + "'): no geometry (--regions takes polygons only)");
            }
            String label = text(f.properties().get(nameField));
            label = label == null || label.isBlank() ? id : label.strip();
            Geometry g = f.geometry();
            double area = GeodesicArea.km2(g);
            Region best = null;
            Geometry bestInside = null;
            double bestKm2 = 0;
            Envelope e = g.getEnvelopeInternal();
            for (int i = 0; i < bundled.size(); i++) {
                Region r = bundled.get(i);
                if (!r.geometry().getEnvelopeInternal().intersects(e) || !prepared.get(i).intersects(g)) {
                    continue;
                }
                Geometry in;
                // containsProperly is answered from the index alone; covers would fall back to a full relate
                // against the whole region for every district along its boundary.
                if (prepared.get(i).containsProperly(g)) {
                    in = g;
                } else {
                    try {
                        in = Polygons.polygonal(OverlayNGRobust.overlay(g, r.geometry(), OverlayNG.INTERSECTION));
                    } catch (RuntimeException ex) {
                        throw new InputException(where + " ('" + id + "'): cannot intersect it with " + r + " ("
                                + ex.getMessage() + ")", ex);
                    }
                }
                double km2 = in == g ? area : GeodesicArea.km2(in);
                if (km2 > bestKm2) {
                    best = r;
                    bestInside = in;
                    bestKm2 = km2;
                }
            }
            if (best == null) {
                throw new InputException(where + " ('" + id + "'): lies outside every bundled region (Ukraine's 27"
                        + " units, Kursk, Belgorod, Bryansk); is it in longitude/latitude?");
            }
            reads.add(new Read(f, id, label, best, bestInside, area, bestKm2));
        }
        // Per parent, in catalogue order: the union of its districts says what overlaps and what is left out.
        Map<Region, List<Integer>> byParent = new LinkedHashMap<>();
        for (Region r : bundled) {
            for (int k = 0; k < reads.size(); k++) {
                if (reads.get(k).parent.equals(r)) {
                    byParent.computeIfAbsent(r, x -> new ArrayList<>()).add(k);
                }
            }
        }
        District[] out = new District[reads.size()];
        List<Coverage> coverage = new ArrayList<>();
        for (Map.Entry<Region, List<Integer>> e : byParent.entrySet()) {
            Region parent = e.getKey();
            List<Integer> ks = e.getValue();
            List<Geometry> parts = new ArrayList<>();
            double sum = 0;
            for (int k : ks) {
                parts.add(reads.get(k).inside);
                sum += reads.get(k).insideKm2;
            }
            // Districts that overlap are trimmed in file order, so the counted parts are disjoint and their
            // sum is the area of the districts' union: no union of hundreds of shapes is needed.
            boolean trim = overlaps(parts, name, parent);
            double counted = 0;
            List<Geometry> before = new ArrayList<>();
            for (int k : ks) {
                Read r = reads.get(k);
                Geometry c = r.inside;
                double cKm2 = r.insideKm2;
                if (trim && !before.isEmpty()) {
                    c = trimmed(r.inside, before, name + ": feature " + r.f.index());
                    cKm2 = c == r.inside ? r.insideKm2 : GeodesicArea.km2(c);
                }
                before.add(r.inside);
                counted += cKm2;
                out[k] = new District(r.id, r.label, r.f.index(), parent, r.f.geometry(), r.areaKm2, c, cKm2,
                        Math.max(0, r.areaKm2 - r.insideKm2), Math.max(0, r.insideKm2 - cKm2));
            }
            coverage.add(new Coverage(parent, ks.size(), Math.max(0, sum - counted),
                    Math.max(0, parent.areaKm2() - counted)));
        }
        return new UserRegions(name, List.of(out), List.copyOf(coverage));
    }

    /** {@code g} less the parts of {@code earlier} districts it overlaps. */
    private static Geometry trimmed(Geometry g, List<Geometry> earlier, String where) {
        Envelope e = g.getEnvelopeInternal();
        List<Geometry> hits = new ArrayList<>();
        for (Geometry o : earlier) {
            if (o.getEnvelopeInternal().intersects(e) && o.intersects(g)) {
                hits.add(o);
            }
        }
        if (hits.isEmpty()) {
            return g;
        }
        try {
            Geometry cut = OverlayNGRobust.overlay(g, hits.size() == 1 ? hits.get(0) : OverlayNGRobust.union(hits),
                    OverlayNG.DIFFERENCE);
            return Polygons.polygonal(cut);
        } catch (RuntimeException ex) {
            throw new InputException(where + ": cannot take the districts before it out of it (" + ex.getMessage()
                    + ")", ex);
        }
    }

    /** Whether two of {@code parts} share more than {@link #NOISE_KM2} km² (neighbours sharing an edge do not). */
    private static boolean overlaps(List<Geometry> parts, String name, Region parent) {
        STRtree tree = new STRtree();
        for (int k = 0; k < parts.size(); k++) {
            tree.insert(parts.get(k).getEnvelopeInternal(), k);
        }
        for (int k = 0; k < parts.size(); k++) {
            Geometry a = parts.get(k);
            PreparedGeometry pa = PreparedGeometryFactory.prepare(a);
            for (Object o : tree.query(a.getEnvelopeInternal())) {
                int j = (Integer) o;
                if (j <= k || !pa.intersects(parts.get(j))) {
                    continue;
                }
                try {
                    Geometry both = OverlayNGRobust.overlay(a, parts.get(j), OverlayNG.INTERSECTION);
                    if (GeodesicArea.km2(Polygons.polygonal(both)) > NOISE_KM2) {
                        return true;
                    }
                } catch (RuntimeException ex) {
                    throw new InputException(name + ": cannot compare its districts in " + parent + " ("
                            + ex.getMessage() + ")", ex);
                }
            }
        }
        return false;
    }

    /** A property value as text: numbers without a trailing ".0" (a GeoPackage's integer ids come as such). */
    private static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return v instanceof Map || v instanceof List ? null : v.toString();
    }

    /** The districts of one parent region, in file order. */
    public List<District> of(Region parent) {
        return districts.stream().filter(d -> d.parent().equals(parent)).toList();
    }

    /** The counted parts, in file order: they do not overlap one another. */
    public List<Geometry> countedParts() {
        return districts.stream().map(District::counted).toList();
    }

    /** Total km² of overlap over all parents. */
    public double overlapKm2() {
        return coverage.stream().mapToDouble(Coverage::overlapKm2).sum();
    }

    /** Total km² of gaps in the parents that have districts. */
    public double gapKm2() {
        return coverage.stream().mapToDouble(Coverage::gapKm2).sum();
    }
}
