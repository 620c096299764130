package org.controlmap.geodata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;

/**
 * The towns an area is near, for naming it ("near Pokrovsk, Myrnohrad"): the
 * towns of the bundled gazetteer ({@link PlaceCatalogue}) of at least
 * {@value #MIN_POPULATION} inhabitants within {@value #WITHIN_KM} km of the
 * area (0 inside it), nearest first, at most three; when there is none, the
 * nearest place of any size, however far. A reader knows a town of 10,000
 * sooner than the village of 600 that may lie nearer.
 *
 * <p>Distances are measured in a Lambert azimuthal equal-area projection
 * centred on the area ({@link LocalProjection}), true to about 0.1 % at these
 * distances; ties (rare) go to the larger town, then the lower GeoNames id.
 */
public final class NearestTowns {
    /** Towns smaller than this are named only when no larger one is near. */
    public static final long MIN_POPULATION = 10_000;
    /** How near a town must be to be named, km from the area's edge. */
    public static final double WITHIN_KM = 15;
    /** Most towns named. */
    public static final int MOST = 3;
    private static final double SAME_TOWN_DEG = 0.02;
    private static final GeometryFactory GF = new GeometryFactory();

    private final List<Place> places;

    public NearestTowns(PlaceCatalogue catalogue) {
        this.places = catalogue.all();
    }

    /**
     * The towns an area is near, as the class comment picks them.
     *
     * @param area a lon/lat polygon (or any geometry)
     * @return one to three towns, nearest first; empty only when the gazetteer is
     */
    public List<Place> near(Geometry area) {
        LocalProjection laea = LocalProjection.centredOn(area);
        IndexedFacetDistance dist = new IndexedFacetDistance(laea.project(area));
        boolean polygonal = area.getDimension() == 2;
        Geometry projected = polygonal ? laea.project(area) : null;
        // Degrees around the area that surely hold everything within WITHIN_KM (1° of latitude ≥ 110 km,
        // of longitude ≥ 60 km at 57°N, north of the map).
        Envelope around = new Envelope(area.getEnvelopeInternal());
        around.expandBy(WITHIN_KM / 60.0, WITHIN_KM / 110.0);
        record Near(Place place, double km) {
        }
        List<Near> within = new ArrayList<>();
        Near nearest = null;
        // Two passes: the places around the area, then, only when none of them lies within WITHIN_KM (a place
        // outside the box could then be nearer), all of them.
        for (int pass = 0; pass < 2 && (nearest == null || nearest.km() > WITHIN_KM); pass++) {
            for (Place p : places) {
                boolean close = around.contains(p.lon(), p.lat());
                if (pass == 0 && !close) {
                    continue;
                }
                Geometry pt = laea.project(GF.createPoint(new Coordinate(p.lon(), p.lat())));
                double km = (projected != null && projected.contains(pt) ? 0 : dist.distance(pt)) / 1000;
                Near n = new Near(p, km);
                if (nearest == null || closer(n.km(), n.place(), nearest.km(), nearest.place())) {
                    nearest = n;
                }
                if (pass == 0 && km <= WITHIN_KM && p.population() >= MIN_POPULATION) {
                    within.add(n);
                }
            }
        }
        if (within.isEmpty()) {
            return nearest == null ? List.of() : List.of(nearest.place());
        }
        within.sort(Comparator.comparingDouble(Near::km).thenComparing(n -> -n.place().population())
                .thenComparingLong(n -> n.place().geonameId()));
        List<Place> out = new ArrayList<>();
        for (int i = 0; i < within.size() && out.size() < MOST; i++) {
            Place p = within.get(i).place();
            int same = sameTown(p, out);
            if (same < 0) {
                out.add(p);
            } else if (out.get(same).nameUk().isEmpty() && !p.nameUk().isEmpty()) {
                out.set(same, p); // the entry with a Ukrainian name has the national romanisation
            }
        }
        return out;
    }

    /** The names, comma-separated: "Pokrovsk, Myrnohrad". */
    public static String names(List<Place> towns) {
        StringBuilder sb = new StringBuilder();
        for (Place p : towns) {
            sb.append(sb.length() > 0 ? ", " : "").append(p.nameEn());
        }
        return sb.toString();
    }

    /**
     * Where the gazetteer's entry is one already named under another entry (-1 if not): the same English name, or
     * within {@value #SAME_TOWN_DEG}° (about 2 km) of it (GeoNames keeps some towns twice, e.g. Kurakhove as a town
     * and as its hromada's seat, Kurakhovo).
     */
    public static int sameTown(Place p, List<Place> named) {
        for (int i = 0; i < named.size(); i++) {
            Place q = named.get(i);
            if (q.nameEn().equals(p.nameEn())
                    || Math.abs(q.lon() - p.lon()) < SAME_TOWN_DEG && Math.abs(q.lat() - p.lat()) < SAME_TOWN_DEG) {
                return i;
            }
        }
        return -1;
    }

    private static boolean closer(double km, Place p, double otherKm, Place other) {
        if (km != otherKm) {
            return km < otherKm;
        }
        if (p.population() != other.population()) {
            return p.population() > other.population();
        }
        return p.geonameId() < other.geonameId();
    }
}
