package org.controlmap.control.measure;

import java.time.LocalDate;
import org.controlmap.control.NumberText;
import org.controlmap.geodata.InputException;
import org.controlmap.region.AreaBasis;

/**
 * How to measure control polygons against the regions.
 *
 * @param basis  what percentages are shares of: the region's own geodesic area ({@link AreaBasis#GEOMETRY},
 *               the default for measured data) or its official area ({@link AreaBasis#OFFICIAL}: the
 *               measured share is applied to the official area, and each row's note says so)
 * @param snapKm width in km below which gaps and overlaps along region boundaries are treated as following
 *               the boundary (see {@link BoundarySnap}); 0 measures the exact intersection; more than
 *               {@link #MAX_SNAP_KM} is an {@link InputException}
 * @param date   the date the polygons describe, or null when unknown
 * @param source short credit for the figures ("DeepStateMap via cyterat/deepstate-map-data", a file name)
 */
public record MeasureOptions(AreaBasis basis, double snapKm, LocalDate date, String source) {

    /**
     * Widest snapping accepted, km. Mismatches between boundary sources are a
     * few km at most; at 50 km the morphological opening already removes
     * whole strips of a region (Sevastopol is about 30 km across), so more is
     * a mistake, not a tolerance.
     */
    public static final double MAX_SNAP_KM = 50;

    public MeasureOptions {
        if (basis == null) {
            basis = AreaBasis.GEOMETRY;
        }
        if (!(snapKm >= 0) || Double.isInfinite(snapKm)) {
            throw new IllegalArgumentException("snapKm must be a finite number ≥ 0, was " + snapKm);
        }
        if (snapKm > MAX_SNAP_KM) {
            // Not a boundary mismatch any more: at this width whole districts would be eroded or filled.
            throw new InputException("--snap-km " + NumberText.plain(snapKm) + ": at most "
                    + NumberText.plain(MAX_SNAP_KM) + " km (boundaries from different sources differ by well"
                    + " under 10 km; 0.5 to 2 km is usual)");
        }
    }

    /** Geometry basis, exact intersection, no date, no source. */
    public static MeasureOptions defaults() {
        return new MeasureOptions(AreaBasis.GEOMETRY, 0, null, null);
    }

    public MeasureOptions withBasis(AreaBasis b) {
        return new MeasureOptions(b, snapKm, date, source);
    }

    public MeasureOptions withSnapKm(double km) {
        return new MeasureOptions(basis, km, date, source);
    }

    public MeasureOptions withDate(LocalDate d) {
        return new MeasureOptions(basis, snapKm, d, source);
    }

    public MeasureOptions withSource(String s) {
        return new MeasureOptions(basis, snapKm, date, s);
    }
}
