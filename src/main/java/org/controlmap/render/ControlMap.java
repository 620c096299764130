package org.controlmap.render;

import org.controlmap.Tasks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.controlmap.control.Allocation;
import org.controlmap.control.measure.FrontLine;
import org.controlmap.control.measure.Measurement;
import org.controlmap.control.schematic.SchematicLayout;
import org.controlmap.control.schematic.SchematicPiece;
import org.controlmap.geodata.GeoJsonWriter;
import org.controlmap.geodata.PlaceCatalogue;
import org.controlmap.geodata.PointMapping;
import org.controlmap.geodata.Rivers;
import org.controlmap.region.CountryOutline;
import org.controlmap.region.Region;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.NoninvertibleTransformationException;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * One control map, from the figures to the {@link MapScene} every output
 * format draws, plus the features {@code render --export-geojson} writes.
 *
 * <p>The base map (projection, simplified borders, neighbours, label anchors:
 * {@link BaseMap}) does not depend on who holds what, so given workers it is
 * laid out on one of them from {@link #start} on, while the caller reads the
 * figures; labels and legend depend on the figures but not on the schematic
 * pieces, so they are laid out on a worker too while the caller's thread
 * lays out the pieces (with the workers' help for pieces that do not depend
 * on each other). On two cores that hides most of both. The result is the
 * same as laying out everything in one thread, which is what happens
 * without workers.
 */
public final class ControlMap {
    /**
     * A laid-out map and the drawn territory as GeoJSON features (lon/lat).
     *
     * @param scene    what to draw
     * @param features schematic pieces ({@link SchematicPiece#feature()}) or measured parts
     *                 (iso_3166_2, name, controller, area_km2); empty when not asked for
     */
    public record Drawing(MapScene scene, List<GeoJsonWriter.Feature> features) {
    }

    private final List<CountryOutline> countries;
    private final MapOptions options;
    private final Executor workers;
    private final CompletableFuture<BaseMap> base;
    /** No workers: everything on the caller's thread, in order. */
    private static final Executor DIRECT = Runnable::run;

    private ControlMap(List<Region> regions, List<CountryOutline> countries, MapOptions options, Executor workers) {
        this.countries = List.copyOf(countries);
        this.options = options;
        this.workers = workers;
        List<Region> rs = List.copyOf(regions);
        // The towns and rivers are read from the jar while the base map is laid out, not after it.
        CompletableFuture.runAsync(ControlMap::loadContext, workers);
        // Without towns: a country map's towns depend on whether a front is drawn (MapLayout.withTowns), so
        // they are named once, when the map is asked for.
        base = CompletableFuture.supplyAsync(() -> MapLayout.withRivers(new BaseMap(rs, this.countries,
                options.widthPx(), options.focus(), MapLayout.extraHeader(options)), options), workers);
    }

    private static void loadContext() {
        PlaceCatalogue.bundled();
        Rivers.bundled();
    }

    /**
     * Starts laying out the base map on a second thread.
     *
     * @param regions   the regions to draw and label (the catalogue's), in catalogue order
     * @param countries neighbouring countries, lon/lat (also what schematic pieces grow from)
     * @param options   mode, language, title, width
     */
    public static ControlMap start(List<Region> regions, List<CountryOutline> countries, MapOptions options) {
        return new ControlMap(regions, countries, options, DIRECT);
    }

    /**
     * Starts laying out the base map on {@code workers}, which also lay out the labels and legend beside
     * the schematic pieces, and the pieces side by side; the map is the same whatever they are.
     */
    public static ControlMap start(List<Region> regions, List<CountryOutline> countries, MapOptions options,
            Executor workers) {
        return new ControlMap(regions, countries, options, workers);
    }

    /**
     * The map of an allocation of a scenario: in schematic mode each share
     * drawn as one piece to scale ({@link SchematicLayout}); in choropleth mode
     * regions shaded by share.
     *
     * @param export also lay out the pieces for GeoJSON (they are laid out anyway in schematic mode)
     */
    public Drawing scenario(Allocation allocation, boolean export) {
        List<ControlledArea> areas = new ArrayList<>();
        List<GeoJsonWriter.Feature> features = new ArrayList<>();
        CompletableFuture<List<ControlledArea>> pieces = new CompletableFuture<>();
        // Labels, legend and the rest on a worker while the pieces are laid out here; laid out one thing
        // after another (no workers), the scene waits for the pieces instead.
        CompletableFuture<MapScene> scene = workers == DIRECT ? null : base.thenApplyAsync(
                b -> MapLayout.build(MapLayout.withTowns(b, options, null), allocation, () -> Tasks.join(pieces),
                        options), workers);
        try {
            if (options.mode() == MapMode.SCHEMATIC || export) {
                for (SchematicPiece p : new SchematicLayout(countries, SchematicLayout.bundledRivers(), workers).pieces(allocation)) {
                    areas.add(new ControlledArea(p.region(), p.controller(), p.geometry()));
                    if (export) {
                        features.add(p.feature());
                    }
                }
            }
            pieces.complete(options.mode() == MapMode.CHOROPLETH ? List.of() : List.copyOf(areas));
        } catch (RuntimeException | Error e) {
            pieces.completeExceptionally(e);
        }
        MapScene s = scene != null ? Tasks.join(scene)
                : MapLayout.build(MapLayout.withTowns(Tasks.join(base), options, null), allocation,
                        () -> Tasks.join(pieces), options);
        Tasks.join(pieces);
        return new Drawing(s, List.copyOf(features));
    }

    /**
     * The map of measured control polygons: each region's held part drawn as
     * it is (clipped to the region), or in choropleth mode regions shaded by share.
     *
     * @param export also make the parts into GeoJSON features
     */
    public Drawing measured(Measurement measurement, boolean export) {
        return measured(measurement, export, null);
    }

    /**
     * As {@link #measured(Measurement, boolean)}, with the user's districts drawn in
     * ({@link DistrictLayer}).
     *
     * @param districts the districts and their held km², or null for none
     */
    public Drawing measured(Measurement measurement, boolean export, DistrictLayer districts) {
        List<ControlledArea> areas = new ArrayList<>();
        List<GeoJsonWriter.Feature> features = new ArrayList<>();
        for (Measurement.RegionPart p : measurement.parts()) {
            areas.add(new ControlledArea(p.region(), p.controller(), p.clipped()));
            if (export) {
                Map<String, Object> props = new LinkedHashMap<>();
                props.put("iso_3166_2", p.region().iso());
                props.put("name", p.region().nameEn());
                props.put("controller", p.controller().name());
                props.put("area_km2", BigDecimal.valueOf(p.km2()).setScale(3, RoundingMode.HALF_UP));
                features.add(new GeoJsonWriter.Feature(props, p.clipped()));
            }
        }
        BaseMap b = Tasks.join(base);
        boolean front = options.mode() != MapMode.CHOROPLETH && !measurement.front().isEmpty();
        MapScene.Group line = front ? frontLine(b, measurement.front()) : null;
        Geometry frontPx = front ? ((MapScene.Figure) line.items().get(0)).geometry() : null;
        // On a country map the towns near the front come first (a framed map picks its towns in MapLayout).
        b = MapLayout.withTowns(b, options, frontPx);
        if (districts != null) {
            b = b.withLayer(districts.layer(b, options));
        }
        Double framedFrontKm = null;
        if (front) {
            b = b.withFront(new BaseMap.Layer(BaseMap.Stacking.OVER_CONTROL, line, List.of()), frontPx);
            if (b.focus() != null) {
                framedFrontKm = framedKm(b, measurement.front());
            }
        }
        List<ControlledArea> drawn = options.mode() == MapMode.CHOROPLETH ? List.of() : areas;
        return new Drawing(MapLayout.build(b, measurement.allocation(), () -> drawn, options, framedFrontKm),
                List.copyOf(features));
    }

    /**
     * The length of the front within a framed map's frame, km: the front (lon/lat) clipped to the frame in
     * the map's projection, where the frame is a rectangle, and measured as the whole is ({@link FrontLine#km}).
     */
    static double framedKm(BaseMap b, Geometry front) {
        MapProjection projection = new MapProjection();
        Geometry projected = projection.project(front);
        Geometry frame;
        try {
            frame = b.toPx().getInverse().transform(projected.getFactory().toGeometry(b.frame()));
        } catch (NoninvertibleTransformationException e) {
            throw new IllegalStateException(e);
        }
        Geometry inside = projected.intersection(frame);
        PointMapping back = (x, y, o) -> {
            Coordinate c = projection.unproject(x, y);
            o[0] = c.x;
            o[1] = c.y;
        };
        return FrontLine.km(back.copyOf(inside));
    }

    /** The front (see {@code FrontLine}) as a distinct line over the held ground, in map pixels. */
    private MapScene.Group frontLine(BaseMap b, Geometry front) {
        double u = options.widthPx() / 1600.0;
        Geometry px = DouglasPeuckerSimplifier.simplify(
                b.toPx().transform(new MapProjection().project(front)), BaseMap.TOLERANCE_PX);
        if (b.focus() != null) {
            px = px.intersection(px.getFactory().toGeometry(b.frame()));
        }
        MapScene.Figure line = new MapScene.Figure(Px.round(px), MapScene.Style.line(Palette.FRONT, 2.4 * u), "front",
                Map.of(), null);
        return new MapScene.Group("front", Map.of(), List.of(line));
    }

}
