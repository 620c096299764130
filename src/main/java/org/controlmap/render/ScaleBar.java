package org.controlmap.render;

/**
 * A scale bar's length: a round number of kilometres that fits a width on
 * the canvas, true at one latitude. The map projection is conformal, so its
 * scale varies with latitude only; the bar states where it holds (the
 * latitude of the frame's centre, to the nearest half degree).
 *
 * @param km  the length it stands for
 * @param px  its length on the canvas
 * @param lat the latitude where that is true, degrees north
 */
public record ScaleBar(double km, double px, double lat) {
    private static final double[] ROUND_KM = {10, 20, 25, 50, 100, 150, 200, 250, 300, 400, 500, 1000};

    /**
     * The longest round length of at least {@code minKm} that fits in {@code maxPx}
     * (or {@code minKm} when even that does not).
     *
     * @param projection  the map's projection
     * @param centreLat   latitude of the frame's centre
     * @param pxPerMetre  canvas pixels per projected metre
     */
    public static ScaleBar fit(MapProjection projection, double centreLat, double pxPerMetre, double maxPx,
            double minKm) {
        double lat = Math.round(centreLat * 2) / 2.0;
        double pxPerKm = pxPerMetre * projection.scaleFactor(lat) * 1000;
        double km = minKm;
        for (double cand : ROUND_KM) {
            if (cand >= minKm && cand * pxPerKm <= maxPx) {
                km = cand;
            }
        }
        return new ScaleBar(km, km * pxPerKm, lat);
    }
}
