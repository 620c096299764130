package org.controlmap.render;

import static org.controlmap.render.Px.round;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.controlmap.control.Controller;
import org.controlmap.control.Qualifier;
import org.controlmap.control.RegionControl;
import org.controlmap.render.MapScene.Anchor;
import org.controlmap.render.MapScene.Figure;
import org.controlmap.render.MapScene.Group;
import org.controlmap.render.MapScene.Item;
import org.controlmap.render.MapScene.Style;
import org.controlmap.render.MapScene.Text;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.util.NoninvertibleTransformationException;

/**
 * The control map's legend, in the frame's lower left corner: what the
 * colours mean (held by each side, or the choropleth classes), the schematic
 * note, footnotes for the labels' marks, and a scale bar ({@link ScaleBar})
 * true at the frame's centre latitude. Laid out before the labels, which keep
 * clear of it.
 */
final class Legend {
    private static final GeometryFactory GF = new GeometryFactory();

    /**
     * One row of the legend.
     *
     * @param label    its words
     * @param swatches colours shown before the words (none for a heading)
     * @param bold     a heading
     * @param blues    the choropleth's Ukrainian-held row: the words, then the blue class swatches after them
     */
    private record Entry(String label, int[] swatches, boolean bold, boolean blues) {
        static Entry swatch(String label, int colour) {
            return new Entry(label, new int[] {colour}, false, false);
        }
    }

    private final MapMode mode;
    private final MapWording words;
    private final double u;

    /**
     * @param u px per px of a 1,600 px wide map (sizes scale with the width)
     */
    Legend(MapMode mode, MapWording words, double u) {
        this.mode = mode;
        this.words = words;
        this.u = u;
    }

    /**
     * What the labels' marks need said under the legend: each group figure ("* 80%:
     * Donetsk and Luhansk together"), how an unquantified part is drawn, and what
     * "&gt;" and "&lt;" mean.
     */
    List<String> footnotes(Map<String, List<RegionControl>> rowsByIso) {
        Set<String> notes = new LinkedHashSet<>();
        boolean lower = false;
        boolean upper = false;
        for (List<RegionControl> rows : rowsByIso.values()) {
            for (RegionControl rc : rows) {
                Qualifier q = rc.qualifier();
                lower |= q == Qualifier.MORE_THAN;
                upper |= q == Qualifier.LESS_THAN;
                if (MapWording.isGroupFigure(rc)) {
                    notes.add(words.groupNote(rc));
                } else if (q == Qualifier.SLIVER) {
                    notes.add(words.sliverNote(rc.controlledPct()));
                }
            }
        }
        if (lower || upper) {
            notes.add(words.boundNote(lower, upper));
        }
        return List.copyOf(notes);
    }

    /**
     * The legend, blocked in {@code placer} with 4 px (at 1,600 px) to spare.
     *
     * @param projection the map's projection, for the scale (not thread-safe: the caller's own)
     * @param anyUa      whether Ukraine holds anything shown (its row is left out otherwise)
     * @param footnotes  from {@link #footnotes}
     */
    Group build(BaseMap base, MapProjection projection, boolean anyUa, List<String> footnotes, LabelPlacer placer) {
        TextWidths fonts = TextWidths.get();
        Envelope frame = base.frame();
        double pad = 12 * u;
        double sw = 28 * u;
        double sh = 17 * u;
        double size = 15 * u;
        double row = 25 * u;
        List<Item> rows = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        double textW = 0;
        if (mode == MapMode.CHOROPLETH) {
            double[] bounds = Palette.CLASS_BOUNDS;
            entries.add(new Entry(words.shareHeading(Controller.RU), new int[0], true, false));
            entries.add(Entry.swatch(words.none(), Palette.UKRAINE));
            entries.add(Entry.swatch(words.under(bounds[0]), Palette.REDS[0]));
            for (int k = 1; k < bounds.length; k++) {
                entries.add(Entry.swatch(words.range(bounds[k - 1], bounds[k]), Palette.REDS[k]));
            }
            entries.add(Entry.swatch(words.over(bounds[bounds.length - 1]), Palette.REDS[bounds.length]));
            if (anyUa) {
                entries.add(new Entry(words.shareHeading(Controller.UA) + ": ■", new int[0], false, true));
                textW = Math.max(textW, fonts.width(words.shareHeading(Controller.UA) + ":", size, false) + 6 * u
                        + Palette.BLUES.length * (sh + 2 * u) - sw - 8 * u);
            }
        } else {
            entries.add(Entry.swatch(words.heldBy(Controller.RU), Palette.HELD_BY_RU));
            if (anyUa) {
                entries.add(Entry.swatch(words.heldBy(Controller.UA), Palette.HELD_BY_UA));
            }
            entries.add(Entry.swatch(words.restOfUkraine(), Palette.UKRAINE));
        }
        for (Entry e : entries) {
            textW = Math.max(textW, fonts.width(e.label(), size, e.bold()) + e.swatches().length * (sw + 4 * u));
        }
        String note = mode == MapMode.SCHEMATIC ? words.schematicNote() : null;
        if (note != null) {
            textW = Math.max(textW, fonts.width(note, 14 * u, true) - sw - 8 * u);
        }
        for (String f : footnotes) {
            textW = Math.max(textW, fonts.width(f, 13 * u, false) - sw - 8 * u);
        }
        // Scale bar: a round length of 50 km or more, up to 190 px, true at the frame's centre latitude.
        ScaleBar bar = ScaleBar.fit(projection, centreLonLat(base, projection).y, base.scale(), 190 * u, 50);
        double km = bar.km();
        double barW = bar.px();
        double boxW = Math.max(sw + 8 * u + textW, barW + fonts.width(km + " " + words.km(), size, false)) + 2 * pad;
        int lines = entries.size() + (note != null ? 1 : 0) + footnotes.size();
        double boxH = pad * 2 + lines * row + 52 * u;
        double x0 = frame.getMinX() + 14 * u;
        double y0 = frame.getMaxY() - 14 * u - boxH;
        Envelope box = new Envelope(x0, x0 + boxW, y0, y0 + boxH);
        placer.block(new Envelope(box.getMinX() - 4 * u, box.getMaxX() + 4 * u, box.getMinY() - 4 * u,
                box.getMaxY() + 4 * u));
        rows.add(new Figure(round(GF.toGeometry(box)), new Style(Palette.WHITE, 0.92, Palette.LEGEND_EDGE, 0.8 * u,
                null), "legend-box", Map.of(), null));
        double y = y0 + pad;
        List<Item> texts = new ArrayList<>();
        for (Entry e : entries) {
            double x = x0 + pad;
            for (int c : e.swatches()) {
                rows.add(swatch(x, x + sw, y, row, sh, c));
                x += sw + 4 * u;
            }
            if (e.blues()) {
                double tx = x0 + pad + fonts.width(e.label(), size, false) - fonts.width("■", size, false);
                texts.add(new Text(x0 + pad, y + row / 2 + size * 0.35, e.label().replace(": ■", ":"), size,
                        false, Anchor.START, Palette.TEXT, -1, 0, "legend"));
                for (int b = 0; b < Palette.BLUES.length; b++) {
                    double bx = tx + 6 * u + b * (sh + 2 * u);
                    rows.add(swatch(bx, bx + sh, y, row, sh, Palette.BLUES[b]));
                }
            } else {
                double tx = e.swatches().length == 0 ? x0 + pad : x + 4 * u;
                texts.add(new Text(tx, y + row / 2 + size * 0.35, e.label(), size, e.bold(), Anchor.START,
                        Palette.TEXT, -1, 0, "legend"));
            }
            y += row;
        }
        if (note != null) {
            texts.add(new Text(x0 + pad, y + row / 2 + 14 * u * 0.35, note, 14 * u, true, Anchor.START,
                    Palette.TEXT_RU, -1, 0, "legend-note"));
            y += row;
        }
        for (String f : footnotes) {
            texts.add(new Text(x0 + pad, y + row / 2 + 13 * u * 0.35, f, 13 * u, false, Anchor.START,
                    Palette.TEXT_MUTED, -1, 0, "legend-footnote"));
            y += row;
        }
        double by = y + 14 * u;
        double bh = 6 * u;
        ScaleBar.Drawing drawn = bar.draw(x0 + pad, by, by + bh + size * 1.1,
                new ScaleBar.Look(bh, 0.8 * u, size * 0.9, size * 0.8, 10 * u), words.plain(km / 2),
                words.plain(km) + " " + words.km(), "(" + words.scaleNote(bar.lat()) + ")");
        rows.addAll(drawn.bars());
        rows.addAll(Px.roundTexts(texts));
        rows.addAll(drawn.labels());
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("data-scale-km", words.plain(km));
        attrs.put("data-scale-px", String.format(Locale.ROOT, "%.1f", barW));
        attrs.put("data-scale-lat", Double.toString(bar.lat()));
        return new Group("legend", attrs, rows);
    }

    /** A colour swatch from x0 to x1, sh high, centred in a legend row at y. */
    private Figure swatch(double x0, double x1, double y, double row, double sh, int colour) {
        return new Figure(round(GF.toGeometry(new Envelope(x0, x1, y + (row - sh) / 2, y + (row + sh) / 2))),
                Style.fillAndLine(colour, Palette.BORDER, 0.7 * u), "swatch", Map.of(), null);
    }

    /** Longitude/latitude of the map frame's centre. */
    private static Coordinate centreLonLat(BaseMap base, MapProjection projection) {
        try {
            Coordinate c = base.toPx().getInverse().transform(base.frame().centre(), new Coordinate());
            return projection.unproject(c.x, c.y);
        } catch (NoninvertibleTransformationException e) {
            throw new IllegalStateException(e);
        }
    }
}
