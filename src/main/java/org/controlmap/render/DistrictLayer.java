package org.controlmap.render;

import static org.controlmap.render.Px.round;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.controlmap.control.Controller;
import org.controlmap.control.measure.DistrictOverlay;
import org.controlmap.geodata.Polygons;
import org.controlmap.region.UserRegions;
import org.controlmap.render.MapScene.Figure;
import org.controlmap.render.MapScene.Group;
import org.controlmap.render.MapScene.Item;
import org.controlmap.render.MapScene.Style;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * The user's districts ({@code render --control FILE --regions DISTRICTS}) as a layer of a measured map:
 * each district's counted part ({@link UserRegions.District#counted()}) outlined with a thin line over the
 * held ground and under the region borders ({@link BaseMap.Stacking#UNDER_BORDERS}), so the regions still
 * read first. In choropleth mode each district is also filled by its own share, in the regions' classes
 * ({@link Palette#choropleth}), over its region's fill; ground in no district keeps the region's.
 *
 * <p>Districts are not labelled: a few hundred names cannot share a national map with the region labels,
 * and a handful would crowd them. Each district's figures are its SVG {@code <title>} (a tooltip) and its
 * {@code data-} attributes (id, name, parent, controller, pct, km2) in one {@code <g id="districts">}; the
 * map's footnote ({@link #note}) says so. Nothing of the layer keeps labels clear, so the region labels are
 * placed exactly as without districts.
 *
 * <p>The share is as in the table ({@code DistrictTable}): the side holding most of the district's counted
 * part, its held km² (geodesic, WGS84, from {@code DistrictOverlay}) and percent of that part.
 */
public final class DistrictLayer {
    /** Outline width, px at 1,600 px: thinner than a region border (0.9), so the regions still read first. */
    static final double LINE_PX = 0.5;
    /** Outline colour: lighter than {@link Palette#BORDER}. */
    static final int LINE = 0x9E9A93;

    private final UserRegions districts;
    private final Map<Controller, double[]> held;

    /**
     * @param districts the districts, in file order
     * @param held      per side measured, held km² per district in {@link UserRegions#districts()} order
     *                  ({@code ControlFile#districtKm2})
     */
    public DistrictLayer(UserRegions districts, Map<Controller, double[]> held) {
        this.districts = districts;
        this.held = new EnumMap<>(held);
        for (double[] v : held.values()) {
            if (v.length != districts.districts().size()) {
                throw new IllegalArgumentException(v.length + " held figures for " + districts.districts().size()
                        + " districts");
            }
        }
    }

    /** The districts, as given. */
    public UserRegions districts() {
        return districts;
    }

    /**
     * The footnote a map with districts carries, in {@code lang} (en or uk): how many, from which file (its
     * name only: a published map should not show a local path), what the thin lines (and, in choropleth
     * mode, the shades) are, and that they are not labelled.
     */
    public static String note(UserRegions districts, MapMode mode, String lang) {
        int n = districts.districts().size();
        Path p = Path.of(districts.file()).getFileName();
        String file = p == null ? districts.file() : p.toString();
        boolean shaded = mode == MapMode.CHOROPLETH;
        if ("uk".equals(lang)) {
            String word = n % 10 == 1 && n % 100 != 11 ? " район"
                    : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? " райони" : " районів";
            return "Тонкі лінії: " + n + word + " з " + file + " (--regions)" + (shaded
                    ? ", кожен зафарбований за власною часткою" : "") + "; без підписів, частка кожного — у "
                    + "підказці SVG.";
        }
        return "Thin lines: " + n + (n == 1 ? " district" : " districts") + " from " + file + " (--regions)"
                + (shaded ? ", each shaded by its own share" : "") + "; not labelled, each one's held share is "
                + "its tooltip in the SVG.";
    }

    /** The layer on {@code base}, drawn as {@code options} says (mode, language, width). */
    BaseMap.Layer layer(BaseMap base, MapOptions options) {
        MapWording words = new MapWording(options.lang());
        double u = options.widthPx() / 1600.0;
        boolean choropleth = options.mode() == MapMode.CHOROPLETH;
        MapProjection projection = new MapProjection();
        Geometry frame = null;
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < districts.districts().size(); i++) {
            UserRegions.District d = districts.districts().get(i);
            if (d.counted().isEmpty()) {
                continue;
            }
            Geometry g = DouglasPeuckerSimplifier.simplify(base.toPx().transform(projection.project(d.counted())),
                    BaseMap.TOLERANCE_PX);
            g = Polygons.polygonal(g.isValid() ? g : GeometryFixer.fix(g));
            if (base.focus() != null) {
                if (frame == null) {
                    frame = g.getFactory().toGeometry(base.frame());
                }
                g = Polygons.polygonal(g.intersection(frame));
            }
            if (g.isEmpty()) {
                continue; // smaller than half a pixel, or outside the frame
            }
            DistrictOverlay.Holding holding = DistrictOverlay.Holding.largest(held, i);
            Controller side = holding.side();
            double km2 = holding.km2();
            double pct = side == null || d.countedKm2() <= 0 ? 0 : Math.min(100, 100 * km2 / d.countedKm2());
            // A fill nobody sees: in a browser the whole district, not only its hairline, shows the tooltip.
            Style style = new Style(Palette.WHITE, 0, LINE, LINE_PX * u, null);
            if (choropleth) {
                int fill = pct > 0 ? Palette.choropleth(side == Controller.UA, pct)
                        : "UA".equals(d.parent().country()) ? Palette.UKRAINE : Palette.RUSSIAN_OBLAST;
                style = Style.fillAndLine(fill, LINE, LINE_PX * u);
            }
            Map<String, String> attrs = new LinkedHashMap<>();
            attrs.put("data-id", d.id());
            attrs.put("data-name", d.name());
            attrs.put("data-parent", d.parent().iso());
            if (side != null) {
                attrs.put("data-controller", side.name());
            }
            attrs.put("data-pct", String.format(Locale.ROOT, "%.2f", pct));
            attrs.put("data-km2", String.format(Locale.ROOT, "%.0f", km2));
            items.add(new Figure(round(g), style, "district", attrs, tooltip(d, side, pct, km2, words)));
        }
        return new BaseMap.Layer(BaseMap.Stacking.UNDER_BORDERS, new Group("districts", Map.of("id", "districts"),
                items), List.of());
    }

    private static String tooltip(UserRegions.District d, Controller side, double pct, double km2,
            MapWording words) {
        boolean uk = words.lang().equals("uk");
        // Ukrainian names the region in the nominative ("Донецька область"): no noun before it to decline it for.
        String of = uk ? words.fullName(d.parent()) : "district of " + words.fullName(d.parent());
        String who = side == null || side == Controller.RU ? (uk ? "під контролем Росії" : "held by Russia")
                : (uk ? "під контролем України" : "held by Ukraine");
        return d.name() + " (" + d.id() + ", " + of + "): " + words.pct(side == null ? 0 : pct) + " " + who + " ("
                + words.grouped(km2) + (uk ? " з " : " of ") + words.grouped(d.countedKm2()) + " "
                + words.km2Unit() + (uk ? ", геодезичної площі)" : ", geodesic area)");
    }
}
