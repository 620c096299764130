package org.controlmap.render;

import static org.controlmap.render.Px.round;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.controlmap.region.Region;
import org.controlmap.render.MapScene.Figure;
import org.controlmap.render.MapScene.Group;
import org.controlmap.render.MapScene.Item;
import org.controlmap.render.MapScene.Style;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * The locator map of a framed map ({@link MapFocus}): Ukraine's outline in a
 * small box in the frame's upper right corner, the part the map shows marked
 * by a dark rectangle, so a reader knows where the close-up lies. In SVG it is
 * {@code <g id="inset">}; labels keep clear of {@link #box()}.
 *
 * @param group what to draw, px
 * @param box   the inset's box, px
 */
public record InsetMap(Group group, Envelope box) {
    /** Width of the inset at a 1,600 px wide map, px. */
    static final double WIDTH = 240;
    private static final GeometryFactory GF = new GeometryFactory();

    public InsetMap {
        box = new Envelope(box);
    }

    /** The box, copied. */
    @Override
    public Envelope box() {
        return new Envelope(box);
    }

    /**
     * The inset of a {@link BaseMap}: Ukraine is the union of its units'
     * simplified outlines, px, the frame the map frame, px.
     */
    static InsetMap of(List<Region> regions, Geometry[] simplePx, AffineTransformation toPx, Envelope frame,
            double u) {
        List<Geometry> ukraine = new ArrayList<>();
        for (int i = 0; i < simplePx.length; i++) {
            if ("UA".equals(regions.get(i).country())) {
                ukraine.add(simplePx[i]);
            }
        }
        Geometry outline = CoverageUnion.union(ukraine.toArray(Geometry[]::new));
        return of(outline, frame, frame.getMaxX() - 14 * u, frame.getMinY() + 14 * u, u);
    }

    /**
     * The inset with its upper right corner at ({@code right}, {@code top}), px.
     *
     * @param ukraine Ukraine's outline in planar coordinates with y down (canvas px; for projected metres,
     *                y up, see the overload with {@code yUp})
     * @param shown   the part the map shows, in the same coordinates
     * @param u       px per px of a 1,600 px wide map
     */
    public static InsetMap of(Geometry ukraine, Envelope shown, double right, double top, double u) {
        return of(ukraine, shown, right, top, u, false);
    }

    /** As {@link #of(Geometry, Envelope, double, double, double)}; {@code yUp} for projected metres. */
    public static InsetMap of(Geometry ukraine, Envelope shown, double right, double top, double u, boolean yUp) {
        Envelope e = ukraine.getEnvelopeInternal();
        double pad = 8 * u;
        double w = WIDTH * u;
        double s = (w - 2 * pad) / e.getWidth();
        double h = e.getHeight() * s + 2 * pad;
        double x0 = right - w;
        AffineTransformation t = new AffineTransformation().translate(-e.getMinX(), yUp ? -e.getMaxY() : -e.getMinY())
                .scale(s, yUp ? -s : s).translate(x0 + pad, top + pad);
        Envelope box = new Envelope(x0, right, top, top + h);
        Geometry land = DouglasPeuckerSimplifier.simplify(t.transform(ukraine), BaseMap.TOLERANCE_PX);
        Geometry f = t.transform(GF.toGeometry(shown));
        Envelope fe = f.getEnvelopeInternal();
        // Never smaller than a few px, or a town-sized frame would not show.
        double min = 7 * u;
        if (fe.getWidth() < min || fe.getHeight() < min) {
            fe.expandBy(Math.max(0, (min - fe.getWidth()) / 2), Math.max(0, (min - fe.getHeight()) / 2));
        }
        Envelope inner = new Envelope(box.getMinX() + u, box.getMaxX() - u, box.getMinY() + u, box.getMaxY() - u);
        Envelope mark = fe.intersection(inner);
        List<Item> items = new ArrayList<>();
        items.add(new Figure(round(GF.toGeometry(box)), new Style(Palette.WHITE, 0.92, Palette.LEGEND_EDGE, 0.8 * u,
                null), "inset-box", Map.of(), null));
        items.add(new Figure(round(land), Style.fillAndLine(Palette.RUSSIAN_OBLAST, Palette.NATIONAL_BORDER, 0.7 * u),
                "inset-land", Map.of(), null));
        items.add(new Figure(round(GF.toGeometry(mark).getBoundary()), Style.line(Palette.TEXT_RU, 2 * u),
                "inset-frame", Map.of(), null));
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("id", "inset");
        return new InsetMap(new Group("inset", attrs, items), box);
    }
}
