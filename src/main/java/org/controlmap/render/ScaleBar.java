package org.controlmap.render;

import java.util.List;
import java.util.Map;
import org.controlmap.render.MapScene.Anchor;
import org.controlmap.render.MapScene.Figure;
import org.controlmap.render.MapScene.Item;
import org.controlmap.render.MapScene.Style;
import org.controlmap.render.MapScene.Text;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

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
    private static final GeometryFactory GF = new GeometryFactory();

    /**
     * How a bar is drawn, px.
     *
     * @param barHeight  height of the bar
     * @param stroke     width of its outline
     * @param labelSize  type size of the tick labels
     * @param noteSize   type size of the note saying where the scale holds
     * @param noteGap    space between the end of the last tick label and the note
     */
    public record Look(double barHeight, double stroke, double labelSize, double noteSize, double noteGap) {
    }

    /**
     * The bar drawn: two segments, dark and white, then tick labels and the note.
     *
     * @param bars   the two segments (css class "scale-bar")
     * @param labels "0", half and full length centred under the ticks, then the note (css class "scale")
     */
    public record Drawing(List<Item> bars, List<Item> labels) {
    }

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

    /**
     * Draws this bar from x = {@code left}: two segments, dark and white,
     * ticks labelled 0, half and full length at {@code labelY}, and the note
     * (where the scale holds) after the last label. Every coordinate and size
     * is rounded to 0.1 px ({@link Px}).
     *
     * @param top  y of the bar's top edge
     * @param half the half length as written ("50")
     * @param full the full length with its unit ("100 km")
     * @param note where the scale holds ("(scale at 48.5°N)")
     */
    public Drawing draw(double left, double top, double labelY, Look look, String half, String full, String note) {
        double mid = left + px / 2;
        double right = left + px;
        double bottom = top + look.barHeight();
        List<Item> bars = List.of(
                new Figure(Px.round(GF.toGeometry(new Envelope(left, mid, top, bottom))),
                        Style.fillAndLine(Palette.TEXT, Palette.TEXT, look.stroke()), "scale-bar", Map.of(), null),
                new Figure(Px.round(GF.toGeometry(new Envelope(mid, right, top, bottom))),
                        Style.fillAndLine(Palette.WHITE, Palette.TEXT, look.stroke()), "scale-bar", Map.of(), null));
        double noteX = right + TextWidths.get().width(full, look.labelSize(), false) / 2 + look.noteGap();
        List<Item> labels = Px.roundTexts(List.of(
                new Text(left, labelY, "0", look.labelSize(), false, Anchor.MIDDLE, Palette.TEXT, -1, 0, "scale"),
                new Text(mid, labelY, half, look.labelSize(), false, Anchor.MIDDLE, Palette.TEXT, -1, 0, "scale"),
                new Text(right, labelY, full, look.labelSize(), false, Anchor.MIDDLE, Palette.TEXT, -1, 0, "scale"),
                new Text(noteX, labelY, note, look.noteSize(), false, Anchor.START, Palette.TEXT_MUTED, -1, 0,
                        "scale")));
        return new Drawing(bars, labels);
    }
}
