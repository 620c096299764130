package org.controlmap.control.schematic;

import org.controlmap.geodata.LocalProjection;
import static org.controlmap.control.schematic.SchematicLayout.AREA_TOLERANCE;
import static org.controlmap.control.schematic.SchematicLayout.GF;
import static org.controlmap.control.schematic.SchematicLayout.MAX_ITERATIONS;
import static org.controlmap.control.schematic.SeedShapes.buffer;
import static org.controlmap.control.schematic.SeedShapes.lines;
import static org.controlmap.control.schematic.SeedShapes.merged;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.controlmap.geodata.GeodesicArea;
import org.controlmap.geodata.Polygons;
import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * The search for one schematic piece (see {@link SchematicLayout}): the buffer
 * distance from the seed whose piece, cut from the region, has the target
 * geodesic area. Keeps the best piece seen. One instance per piece.
 *
 * <p>The search evaluates cheap pieces (see {@link #searchGrown}); each
 * distance it accepts is built in full, measured on the ellipsoid, and the
 * planar target corrected by the ratio of the two areas, re-bracketing
 * around the current distance when the corrected target leaves the bracket.
 *
 * <p>Keeping only the component connected to the seed makes area jump where
 * the buffer, having crossed a gap (a bay, a river, between two prongs of a
 * region), comes back into the piece the long way round, or where bands
 * from separate seed stretches meet. When the target falls in such a jump,
 * the search goes on with full pieces (the cheap buffer's jump is not quite
 * where the full one's is) and, at the full jump, restarts from the piece
 * just below it as the new seed, which grows on continuously (distance then
 * counts from that piece).
 */
final class PieceSearch {
    // The planar search aims tighter than AREA_TOLERANCE so the geodesic check
    // nearly always passes first time.
    private static final double PLANAR_TOLERANCE = 1e-4;
    // A bracket narrower than this (metres, or relative to d) with areas still
    // apart is taken for a jump. Taking a steep smooth stretch for a jump is
    // harmless: the search restarts from a piece just below the target.
    private static final double JUMP_M = 0.5;
    private static final double JUMP_REL = 1e-3;
    private static final int MAX_RESTARTS = 8;
    // Boundary of a piece closer than this (metres) to the region's boundary is not its front.
    private static final double FRONT_M = 1;
    // Seed lines are simplified before buffering: the buffer's outline is
    // schematic anyway, and a Natural Earth border has a vertex every few
    // hundred metres, which makes each buffer needlessly slow.
    private static final double SEED_SIMPLIFY_M = 100;
    // The search for the distance runs on cheaper buffers than the piece
    // drawn: the seed simplified further, by up to 1/32 of the distance (in
    // steps of 2, so nearby distances share one simplified seed). Noding the
    // offset curves of a wiggly seed is most of a buffer's cost, and a 60 km
    // buffer barely depends on kilometre-sized wiggles: on the bundled regions
    // its piece's area changes by 0.01-0.1 % (more where the seed's short end
    // stubs are dropped) while the buffer costs a third. The distance found is
    // buffered in full, measured on the ellipsoid and corrected by secant
    // steps on full pieces, so the cheap buffers cost no accuracy. (Fewer
    // segments per quarter circle would save nothing and bias the area by 0.5 %.)
    private static final double SEARCH_SEED_REL = 1.0 / 32;
    // Corrections of the planar target by the geodesic check before settling
    // for AREA_TOLERANCE instead of PLANAR_TOLERANCE.
    private static final int CHECKS_FOR_AIM = 4;
    // Secant steps on full pieces after the first check of a cheap search.
    private static final int POLISH_STEPS = 3;

    private final LocalProjection proj;
    private final Geometry regionP;
    private final Geometry regionLL;
    private final double targetKm2;
    private final boolean allParts;
    // Keep every component touching the seed, not just the largest (see component).
    private final boolean allBands;
    private Geometry seedS;
    // seedS simplified for the search: the tolerance it was simplified at, and the result.
    private double searchSeedTol = -1;
    private Geometry searchSeed;
    // False once a jump was met: every piece is then built in full.
    private boolean cheap = true;
    // After a jump: the piece grown so far, which the seed (its front) grows on from.
    private Geometry base;
    private IndexedFacetDistance seedDistance;
    private double seedSlack;
    private int evaluations;
    private int checks;
    // The checked piece nearest the target, and its error and geodesic area (km²).
    private Geometry best;
    private double bestErr = Double.POSITIVE_INFINITY;
    private double areaKm2;
    // The bracket: area(lo) < target <= area(hi), with the pieces at both ends.
    private double lo;
    private double hi;
    private Geometry pLo;
    private Geometry pHi;
    private double aLo;
    private double aHi;
    private final List<Grown> grownSeeds = new ArrayList<>();

    /** A seed (compared by identity) grown by d on the base (by identity) of its time. */
    private record Grown(Geometry seed, Geometry base, double d, Geometry geometry) {
    }

    PieceSearch(LocalProjection proj, Geometry regionP, Geometry regionLL, Geometry seed, double targetKm2,
            boolean allParts, boolean allBands) {
        this.proj = proj;
        this.regionP = regionP;
        this.regionLL = regionLL;
        this.targetKm2 = targetKm2;
        this.allParts = allParts;
        this.allBands = allBands;
        seedS = seed instanceof Point ? seed : DouglasPeuckerSimplifier.simplify(seed, SEED_SIMPLIFY_M);
        seedDistance = new IndexedFacetDistance(seed);
        seedSlack = seed instanceof Point ? 1 : SEED_SIMPLIFY_M + 1;
    }

    double areaKm2() {
        return areaKm2;
    }

    /**
     * The piece in lon/lat; null when growing {@link #allBands} reaches
     * the target before the bands join (the piece would not be one polygon).
     */
    Geometry solve() {
        // Planar target: the geodesic one scaled by the projection's area
        // ratio on this region (≈ 1, the projection being equal-area).
        final double targetP0 = targetKm2 * 1e6 * regionP.getArea() / (GeodesicArea.km2(regionLL) * 1e6);
        double targetP = targetP0;
        Envelope e = regionP.getEnvelopeInternal();
        double maxD = 2 * Math.hypot(e.getWidth(), e.getHeight());
        boolean reopen = true;
        for (int restarts = 0; ; restarts++) {
            if (reopen) {
                // Bracket opened upwards from the width of a band of the missing
                // area along the seed (or a half-disc around a point seed).
                lo = 0;
                pLo = base != null ? base : GF.createPolygon();
                aLo = pLo.getArea();
                double len = seedS.getLength();
                hi = len > 0 ? Math.max(targetP - aLo, 0) / len : Math.sqrt(2 * targetP / Math.PI);
                hi = Math.max(hi, 1);
                pHi = planarPiece(hi);
                aHi = pHi.getArea();
                widen(targetP, maxD);
            }
            reopen = true;
            double d = hi;
            Geometry pd = pHi;
            // Illinois false position: an end kept twice in a row has its f halved.
            double wLo = 1;
            double wHi = 1;
            int side = 0;
            boolean jumped = false;
            while (true) {
                boolean out = evaluations >= MAX_ITERATIONS;
                if (hi - lo < Math.max(JUMP_M, JUMP_REL * hi) && !out) {
                    if (aHi - aLo > PLANAR_TOLERANCE * targetP && restarts < MAX_RESTARTS) {
                        jumped = true;
                        break;
                    }
                    boolean loCloser = targetP - aLo < aHi - targetP;
                    d = loCloser ? lo : hi;
                    pd = loCloser ? pLo : pHi;
                    out = true;
                }
                if (Math.abs(pd.getArea() - targetP) <= PLANAR_TOLERANCE * targetP || out) {
                    // Accept in the plane; build in full and check on the ellipsoid.
                    if (allBands && !allParts && pd.getNumGeometries() > 1) {
                        return null;
                    }
                    Geometry planar = pd;
                    Geometry ll = lonLatPiece(grown(d), () -> planar);
                    double a = GeodesicArea.km2(ll);
                    double err = keep(ll, a);
                    if (err <= PLANAR_TOLERANCE * targetKm2
                            || err <= AREA_TOLERANCE * targetKm2 && checks >= CHECKS_FOR_AIM || out || a <= 0) {
                        return best;
                    }
                    if (cheap) {
                        // The full piece differs a little from the cheap one: correct d
                        // on full pieces, failing that search again with full pieces.
                        double slope = hi > lo && aHi > aLo ? (aHi - aLo) / (hi - lo) / 1e6 : 0;
                        if (polish(d, a, slope) || bestErr <= AREA_TOLERANCE * targetKm2) {
                            return best;
                        }
                        cheap = false;
                        targetP = targetP0;
                        break;
                    }
                    // Correct the planar target by what the ellipsoid says.
                    targetP = pd.getArea() * targetKm2 / a;
                    wLo = 1;
                    wHi = 1;
                    side = 0;
                    if (aLo >= targetP) {
                        narrowDown(targetP);
                    } else if (aHi < targetP) {
                        widen(targetP, maxD);
                    }
                    if (aLo >= targetP || aHi < targetP) {
                        break; // no bracket around the corrected target: open a new one
                    }
                }
                double fLo = (aLo - targetP) * wLo;
                double fHi = (aHi - targetP) * wHi;
                d = (lo * fHi - hi * fLo) / (fHi - fLo);
                if (!(d > lo && d < hi)) {
                    d = (lo + hi) / 2;
                }
                pd = planarPiece(d);
                double a = pd.getArea();
                if (a >= targetP) {
                    hi = d;
                    pHi = pd;
                    aHi = a;
                    wHi = 1;
                    if (side == 1) {
                        wLo /= 2;
                    }
                    side = 1;
                } else {
                    lo = d;
                    pLo = pd;
                    aLo = a;
                    wLo = 1;
                    if (side == -1) {
                        wHi /= 2;
                    }
                    side = -1;
                }
            }
            if (jumped && cheap) {
                // Find the jump again with full pieces, from the cheap bracket.
                cheap = false;
                targetP = targetP0;
                pLo = lo > 0 ? planarPiece(lo) : pLo;
                aLo = pLo.getArea();
                pHi = planarPiece(hi);
                aHi = pHi.getArea();
                if (aLo >= targetP) {
                    narrowDown(targetP);
                } else if (aHi < targetP) {
                    widen(targetP, maxD);
                }
                reopen = aLo >= targetP || aHi < targetP;
            } else if (jumped) {
                // Grow on from the front of the piece below the jump (its
                // boundary inside the region), not from the whole piece, whose
                // buffer would cross the same gap again.
                Geometry front = OverlayNGRobust.overlay(pLo.getBoundary(),
                        buffer(regionP.getBoundary(), FRONT_M), OverlayNG.DIFFERENCE);
                List<LineString> lines = lines(front);
                if (lines.isEmpty()) {
                    Geometry planar = pLo;
                    return best != null ? best : lonLatPiece(grown(lo), () -> planar);
                }
                base = pLo;
                seedS = merged(lines);
                seedDistance = new IndexedFacetDistance(seedS);
                seedSlack = 1;
            }
        }
    }

    /**
     * Secant steps on full pieces from (d, a), a's geodesic area in km², with
     * the slope (km² per metre of d) the search saw. True when a piece within
     * PLANAR_TOLERANCE of the target was found (kept as {@link #best}).
     */
    private boolean polish(double d, double a, double slope) {
        for (int k = 0; k < POLISH_STEPS && slope > 0; k++) {
            double d1 = d + (targetKm2 - a) / slope;
            if (!(d1 > 0) || d1 == d) {
                return false;
            }
            Geometry g = grown(d1);
            Geometry ll = lonLatPiece(g,
                    () -> component(OverlayNGRobust.overlay(regionP, g, OverlayNG.INTERSECTION)));
            double a1 = GeodesicArea.km2(ll);
            if (keep(ll, a1) <= PLANAR_TOLERANCE * targetKm2) {
                return true;
            }
            slope = (a1 - a) / (d1 - d);
            d = d1;
            a = a1;
        }
        return false;
    }

    /** Keeps a checked piece if it is the best so far; its error, km². */
    private double keep(Geometry ll, double a) {
        checks++;
        double err = Math.abs(a - targetKm2);
        if (err < bestErr) {
            bestErr = err;
            best = ll;
            areaKm2 = a;
        }
        return err;
    }

    /**
     * Moves the bracket up until area(hi) reaches the target: steps of
     * twice the secant's estimate, doubling (from scratch: hi, 2hi, 4hi ...).
     */
    private void widen(double targetP, double maxD) {
        double step = hi > lo && aHi > aLo ? 2 * (targetP - aHi) * (hi - lo) / (aHi - aLo) : hi;
        while (aHi < targetP && hi < maxD && evaluations < MAX_ITERATIONS) {
            lo = hi;
            pLo = pHi;
            aLo = aHi;
            hi = Math.min(hi + Math.max(step, JUMP_M), maxD);
            pHi = planarPiece(hi);
            aHi = pHi.getArea();
            step *= 2;
        }
    }

    /** Moves the bracket down until area(lo) is below the target, as {@link #widen}; not below 0. */
    private void narrowDown(double targetP) {
        double step = hi > lo && aHi > aLo ? 2 * (aLo - targetP) * (hi - lo) / (aHi - aLo) : lo / 2;
        while (aLo >= targetP && lo > 0 && evaluations < MAX_ITERATIONS) {
            hi = lo;
            pHi = pLo;
            aHi = aLo;
            lo = Math.max(lo - Math.max(step, JUMP_M), 0);
            pLo = lo > 0 ? planarPiece(lo) : base != null ? base : GF.createPolygon();
            aLo = pLo.getArea();
            step *= 2;
        }
    }
    /** The seed grown by d metres (and the piece it grows on from), in the plane, as drawn. */
    private Geometry grown(double d) {
        return grown(seedS, d);
    }

    /**
     * A seed grown by d metres and joined to {@link #base}. The search asks
     * for the same distance more than once (an accepted cheap piece built in
     * full when the cheap seed is the full one, a bracket end rebuilt, a
     * secant step landing on a distance tried), and a buffer is the costly
     * part of an evaluation, so grown seeds are kept for the search's
     * lifetime (a few dozen at most). Same inputs, same geometry: the result
     * does not depend on what was kept.
     */
    private Geometry grown(Geometry seed, double d) {
        for (Grown g : grownSeeds) {
            if (g.seed() == seed && g.base() == base && g.d() == d) {
                return g.geometry();
            }
        }
        Geometry b = buffer(seed, d);
        Geometry g = base == null ? b : OverlayNGRobust.overlay(b, base, OverlayNG.UNION);
        grownSeeds.add(new Grown(seed, base, d, g));
        return g;
    }

    /** As {@link #grown}, cheaper and within d/32 of it, for the search (see SEARCH_SEED_REL). */
    private Geometry searchGrown(double d) {
        if (seedS instanceof Point) {
            return grown(seedS, d);
        }
        // Tolerances in steps of 2 so nearby distances share one simplified seed.
        double tol = SEED_SIMPLIFY_M;
        while (tol * 2 <= SEARCH_SEED_REL * d) {
            tol *= 2;
        }
        if (tol != searchSeedTol) {
            searchSeedTol = tol;
            searchSeed = tol > SEED_SIMPLIFY_M ? DouglasPeuckerSimplifier.simplify(seedS, tol) : seedS;
        }
        return grown(searchSeed, d);
    }

    /** region ∩ buffer(seed, d), the component connected to the seed, in the plane (cheap while {@link #cheap}). */
    private Geometry planarPiece(double d) {
        evaluations++;
        Geometry grown = cheap ? searchGrown(d) : grown(d);
        return component(OverlayNGRobust.overlay(regionP, grown, OverlayNG.INTERSECTION));
    }

    /**
     * The component of a planar piece connected to the seed (all of it when
     * growing over all parts). With {@link #allBands}, every component
     * touching the seed: then area grows smoothly where the bands from two
     * seed stretches meet, instead of jumping when the smaller one joins
     * the largest.
     */
    private Geometry component(Geometry x) {
        if (allParts || x.getNumGeometries() <= 1) {
            return x;
        }
        if (allBands) {
            List<Geometry> touching = new ArrayList<>();
            for (int i = 0; i < x.getNumGeometries(); i++) {
                if (seedDistance.distance(x.getGeometryN(i)) <= seedSlack) {
                    touching.add(x.getGeometryN(i));
                }
            }
            if (!touching.isEmpty()) {
                return touching.size() == 1 ? touching.get(0) : GF.buildGeometry(touching);
            }
        }
        Geometry best = null;
        double bestArea = -1;
        for (int i = 0; i < x.getNumGeometries(); i++) {
            Geometry c = x.getGeometryN(i);
            double a = c.getArea();
            if (a > bestArea && seedDistance.distance(c) <= seedSlack) {
                best = c;
                bestArea = a;
            }
        }
        return best != null ? best : Polygons.largest(x);
    }

    /**
     * The accepted piece in lon/lat: the buffer unprojected and cut from the
     * region's own geometry, so the piece shares the region's vertices.
     */
    private Geometry lonLatPiece(Geometry grown, Supplier<Geometry> planar) {
        Geometry bufLL = proj.unproject(grown);
        Geometry x = OverlayNGRobust.overlay(regionLL, bufLL, OverlayNG.INTERSECTION);
        if (allParts || x.getNumGeometries() <= 1) {
            return x;
        }
        Point anchor = (Point) proj.unproject(GF.createPoint(InteriorPointArea.getInteriorPoint(planar.get())));
        Geometry best = null;
        double bestDist = Double.POSITIVE_INFINITY;
        for (int i = 0; i < x.getNumGeometries(); i++) {
            Geometry c = x.getGeometryN(i);
            double dist = c.distance(anchor);
            if (dist < bestDist) {
                best = c;
                bestDist = dist;
            }
        }
        return best;
    }
}
