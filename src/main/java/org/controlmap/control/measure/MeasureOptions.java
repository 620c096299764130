package org.controlmap.control.measure;

import java.time.LocalDate;
import org.controlmap.control.Attribution;
import org.controlmap.control.NumberText;
import org.controlmap.InputException;
import org.controlmap.region.AreaBasis;

/**
 * How to measure control polygons against the regions.
 *
 * @param basis       what region percentages are shares of: the region's own geodesic area
 *                    ({@link AreaBasis#GEOMETRY}, the default for measured data) or its official area
 *                    ({@link AreaBasis#OFFICIAL}: the measured share is applied to the official area, and
 *                    each row's note says so). Ukraine's share is always of its official 603,628 km², as
 *                    DeepStateMap publishes it.
 * @param attribution how ground the boundaries do not place in an occupied region is booked
 * @param limitKm     with {@link Attribution#NEAREST}: ground farther than this from every Ukrainian region
 *                    stays outside, km (default {@link MismatchZones#DEFAULT_LIMIT_KM}; at most
 *                    {@link #MAX_LIMIT_KM})
 * @param date        the date the polygons describe, or null when unknown
 * @param source      short credit for the figures ("DeepStateMap via cyterat/deepstate-map-data", a file name)
 * @param front       in series: also measure the front's length for every snapshot ({@link FrontLine}; tens of
 *                    milliseconds a snapshot, so asked for, not by default)
 */
public record MeasureOptions(AreaBasis basis, Attribution attribution, double limitKm, LocalDate date,
        String source, boolean front) {

    /**
     * Widest limit accepted, km. Boundary sources disagree by a few km; 100 km
     * already reaches well into Russia and the Black Sea, so more is a mistake,
     * not a tolerance.
     */
    public static final double MAX_LIMIT_KM = 100;

    public MeasureOptions {
        if (basis == null) {
            basis = AreaBasis.GEOMETRY;
        }
        if (attribution == null) {
            attribution = Attribution.NEAREST;
        }
        if (!(limitKm > 0) || limitKm > MAX_LIMIT_KM) {
            throw new InputException("--nearest-limit-km " + NumberText.plain(limitKm) + ": give a distance over 0"
                    + " and at most " + NumberText.plain(MAX_LIMIT_KM) + " km (boundary sources disagree by a few"
                    + " km; the default is " + NumberText.plain(MismatchZones.DEFAULT_LIMIT_KM) + ")");
        }
    }

    /** Options without the series' front length. */
    public MeasureOptions(AreaBasis basis, Attribution attribution, double limitKm, LocalDate date, String source) {
        this(basis, attribution, limitKm, date, source, false);
    }

    /** Geometry basis, nearest attribution at the default limit, no date, no source. */
    public static MeasureOptions defaults() {
        return new MeasureOptions(AreaBasis.GEOMETRY, Attribution.NEAREST, MismatchZones.DEFAULT_LIMIT_KM, null,
                null);
    }

    public MeasureOptions withBasis(AreaBasis b) {
        return new MeasureOptions(b, attribution, limitKm, date, source, front);
    }

    public MeasureOptions withAttribution(Attribution a) {
        return new MeasureOptions(basis, a, limitKm, date, source, front);
    }

    public MeasureOptions withLimitKm(double km) {
        return new MeasureOptions(basis, attribution, km, date, source, front);
    }

    public MeasureOptions withDate(LocalDate d) {
        return new MeasureOptions(basis, attribution, limitKm, d, source, front);
    }

    public MeasureOptions withSource(String s) {
        return new MeasureOptions(basis, attribution, limitKm, date, s, front);
    }

    public MeasureOptions withFront(boolean f) {
        return new MeasureOptions(basis, attribution, limitKm, date, source, f);
    }
}
