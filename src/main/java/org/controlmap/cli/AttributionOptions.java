package org.controlmap.cli;

import org.controlmap.control.Attribution;
import org.controlmap.control.measure.MeasureOptions;
import org.controlmap.control.measure.MismatchZones;
import org.controlmap.InputException;
import org.controlmap.region.AreaBasis;
import picocli.CommandLine.Option;

/** How measured control polygons are booked to regions: shared by every command that measures them. */
final class AttributionOptions {

    @Option(names = "--attribution", paramLabel = "nearest|clip",
            description = "With control polygons: 'nearest' (default) books every km² of Russian-held ground to a "
                    + "Ukrainian region, ground beyond the boundaries (sea, coast, across the border) to the "
                    + "nearest one, and counts thin coast and border gaps as held, so the Ukraine total equals "
                    + "the polygon's own area; 'clip' intersects region by region, with Russian oblasts and an "
                    + "'outside' row as they fall.")
    Attribution attribution;

    @Option(names = "--nearest-limit-km", paramLabel = "KM",
            description = "With --attribution nearest: held ground farther than KM from every Ukrainian region "
                    + "stays 'outside', with a warning. Default: 25.")
    Double limitKm;

    // Replaced by --attribution nearest; kept so that old scripts get a clear message, not "unknown option".
    @Option(names = "--snap-km", hidden = true, paramLabel = "D")
    Double snapKm;

    /** Refuses what makes no sense, before any work. */
    void validate(boolean measuring) {
        if (snapKm != null) {
            throw new InputException("--snap-km was replaced by --attribution nearest (the default), which books "
                    + "the ground along coasts and borders to the nearest region; drop --snap-km");
        }
        if (!measuring && (attribution != null || limitKm != null)) {
            throw new InputException((attribution != null ? "--attribution" : "--nearest-limit-km")
                    + " applies to control polygons; give --control");
        }
        if (limitKm != null && attribution == Attribution.CLIP) {
            throw new InputException("--nearest-limit-km goes with --attribution nearest, not clip");
        }
        if (limitKm != null && (!(limitKm > 0) || limitKm > MeasureOptions.MAX_LIMIT_KM)) {
            throw new InputException("--nearest-limit-km " + limitKm + ": give a distance over 0 and at most "
                    + MeasureOptions.MAX_LIMIT_KM + " km");
        }
    }

    /** The measuring options these give, on {@code basis}, with no date or source yet. */
    MeasureOptions options(AreaBasis basis) {
        return new MeasureOptions(basis, attribution == null ? Attribution.NEAREST : attribution,
                limitKm == null ? MismatchZones.DEFAULT_LIMIT_KM : limitKm, null, null);
    }
}
