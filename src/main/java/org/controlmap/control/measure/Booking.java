package org.controlmap.control.measure;

import org.controlmap.region.AreaBasis;
import org.controlmap.region.Region;

/**
 * One side's held ground booked to the regions, km², geodesic on WGS84. Arrays
 * are indexed like the overlay's regions.
 *
 * @param inside  held ground inside each region's boundary
 * @param moved   held ground outside every region booked to the region (nearest attribution; 0 under clip)
 * @param filled  ground of the region the polygon leaves out along the coast or state border, counted as
 *                held (nearest attribution; 0 under clip); not part of the held km², see {@link #pct}
 * @param outside held ground booked to no region
 * @param frontKm length of the front ({@link FrontLine}), km, when asked for; NaN otherwise
 */
public record Booking(double[] inside, double[] moved, double[] filled, double outside, double frontKm) {

    /** A booking without the front's length. */
    public Booking(double[] inside, double[] moved, double[] filled, double outside) {
        this(inside, moved, filled, outside, Double.NaN);
    }

    /** A booking of nothing for {@code n} regions. */
    static Booking empty(int n) {
        return new Booking(new double[n], new double[n], new double[n], 0);
    }

    /** Held km² booked to region {@code i}: inside its boundary plus moved to it (geometry basis). */
    public double heldKm2(int i) {
        return inside[i] + moved[i];
    }

    /** Ground reattributed to region {@code i}: moved in from outside plus coast and border gaps, km². */
    public double mismatchKm2(int i) {
        return moved[i] + filled[i];
    }

    /**
     * Share of region {@code i} held, percent, 0–100: held ÷ (held + unheld), where unheld is the region's
     * ground the polygon leaves out, less the coast and border gaps. Under clip this is inside ÷ area;
     * under nearest the ground moved in counts on both sides of the fraction, so a region the source
     * marks held whole reads 100 %, and one with a real front reads as the source draws it.
     */
    public double pct(int i, Region r) {
        return pct(inside[i], moved[i], filled[i], r.areaKm2());
    }

    /** The share of {@link #pct(int, Region)} from its parts, km², and the region's geodesic area. */
    static double pct(double inside, double moved, double filled, double areaKm2) {
        double held = inside + moved;
        double unheld = Math.max(0, areaKm2 - inside - filled);
        return held + unheld > 0 ? Math.min(100, 100 * held / (held + unheld)) : 0;
    }

    /** Held km² of region {@code i} on the basis: measured on the geometry, or its share of the official area. */
    public double km2(int i, Region r, AreaBasis basis) {
        return basis == AreaBasis.OFFICIAL ? pct(i, r) / 100 * r.officialAreaKm2() : heldKm2(i);
    }
}
