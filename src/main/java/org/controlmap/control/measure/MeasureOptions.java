package org.controlmap.control.measure;

import java.time.LocalDate;
import org.controlmap.region.AreaBasis;

/**
 * How to measure control polygons against the regions.
 *
 * @param basis  what percentages are shares of: the region's own geodesic area ({@link AreaBasis#GEOMETRY},
 *               the default for measured data) or its official area ({@link AreaBasis#OFFICIAL}: the
 *               measured share is applied to the official area, and each row's note says so)
 * @param snapKm width in km below which gaps and overlaps along region boundaries are treated as following
 *               the boundary (see {@link BoundarySnap}); 0 measures the exact intersection
 * @param date   the date the polygons describe, or null when unknown
 * @param source short credit for the figures ("DeepStateMap via cyterat/deepstate-map-data", a file name)
 */
public record MeasureOptions(AreaBasis basis, double snapKm, LocalDate date, String source) {

    public MeasureOptions {
        if (basis == null) {
            basis = AreaBasis.GEOMETRY;
        }
        if (!(snapKm >= 0) || Double.isInfinite(snapKm)) {
            throw new IllegalArgumentException("snapKm must be a finite number ≥ 0, was " + snapKm);
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
