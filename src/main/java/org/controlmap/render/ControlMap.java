package org.controlmap.render;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import org.controlmap.control.Allocation;
import org.controlmap.control.measure.Measurement;
import org.controlmap.control.schematic.SchematicLayout;
import org.controlmap.control.schematic.SchematicPiece;
import org.controlmap.geodata.GeoJsonWriter;
import org.controlmap.geodata.PlaceCatalogue;
import org.controlmap.geodata.Rivers;
import org.controlmap.region.CountryOutline;
import org.controlmap.region.Region;

/**
 * One control map, from the figures to the {@link MapScene} every output
 * format draws, plus the features {@code render --export-geojson} writes.
 *
 * <p>The base map (projection, simplified borders, neighbours, label anchors:
 * {@link BaseMap}) does not depend on who holds what, so it is laid out
 * on a second thread from {@link #start} on, while the caller reads the
 * figures; labels and legend depend on the figures but not on the schematic
 * pieces, so they are laid out on the second thread too while the caller's
 * thread lays out the pieces. On two cores that hides most of both. The
 * result is the same as laying out everything in one thread.
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
    private final FutureTask<BaseMap> base;

    private ControlMap(List<Region> regions, List<CountryOutline> countries, MapOptions options) {
        this.countries = List.copyOf(countries);
        this.options = options;
        List<Region> rs = List.copyOf(regions);
        base = new FutureTask<>(() -> MapLayout.withContext(new BaseMap(rs, this.countries, options.widthPx(),
                options.focus(), MapLayout.extraHeader(options)), options));
        Thread t = new Thread(base, "controlmap-base-map");
        t.setDaemon(true);
        t.start();
        // The towns and rivers are read from the jar while the base map is laid out, not after it.
        Thread context = new Thread(ControlMap::loadContext, "controlmap-context");
        context.setDaemon(true);
        context.start();
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
        return new ControlMap(regions, countries, options);
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
        FutureTask<List<ControlledArea>> pieces = new FutureTask<>(() -> {
            if (options.mode() == MapMode.SCHEMATIC || export) {
                for (SchematicPiece p : new SchematicLayout(countries).pieces(allocation)) {
                    areas.add(new ControlledArea(p.region(), p.controller(), p.geometry()));
                    if (export) {
                        features.add(p.feature());
                    }
                }
            }
            return options.mode() == MapMode.CHOROPLETH ? List.of() : List.copyOf(areas);
        });
        // Labels, legend and the rest on the second thread while the pieces are laid out here.
        FutureTask<MapScene> scene = new FutureTask<>(
                () -> MapLayout.build(await(base), allocation, () -> await(pieces), options));
        Thread t = new Thread(scene, "controlmap-map");
        t.setDaemon(true);
        t.start();
        pieces.run();
        MapScene s = await(scene);
        await(pieces);
        return new Drawing(s, List.copyOf(features));
    }

    /**
     * The map of measured control polygons: each region's held part drawn as
     * it is (clipped to the region), or in choropleth mode regions shaded by share.
     *
     * @param export also make the parts into GeoJSON features
     */
    public Drawing measured(Measurement measurement, boolean export) {
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
        BaseMap b = await(base);
        if (options.mode() != MapMode.CHOROPLETH && !measurement.front().isEmpty()) {
            MapScene.Group line = frontLine(b, measurement.front());
            b = b.withFront(new BaseMap.Layer(BaseMap.Stacking.OVER_CONTROL, line, List.of()),
                    ((MapScene.Figure) line.items().get(0)).geometry());
        }
        return draw(b, measurement.allocation(), areas, features);
    }

    /** The front (see {@code FrontLine}) as a distinct line over the held ground, in map pixels. */
    private MapScene.Group frontLine(BaseMap b, org.locationtech.jts.geom.Geometry front) {
        double u = options.widthPx() / 1600.0;
        org.locationtech.jts.geom.Geometry px = DouglasPeuckerSimplifier.simplify(
                b.toPx().transform(new MapProjection().project(front)), BaseMap.TOLERANCE_PX);
        if (b.focus() != null) {
            px = px.intersection(px.getFactory().toGeometry(b.frame()));
        }
        MapScene.Figure line = new MapScene.Figure(Px.round(px), MapScene.Style.line(Palette.FRONT, 2.4 * u), "front",
                Map.of(), null);
        return new MapScene.Group("front", Map.of(), List.of(line));
    }

    private Drawing draw(Allocation allocation, List<ControlledArea> areas, List<GeoJsonWriter.Feature> features) {
        return draw(await(base), allocation, areas, features);
    }

    private Drawing draw(BaseMap b, Allocation allocation, List<ControlledArea> areas,
            List<GeoJsonWriter.Feature> features) {
        List<ControlledArea> drawn = options.mode() == MapMode.CHOROPLETH ? List.of() : areas;
        return new Drawing(MapLayout.build(b, allocation, drawn, options), List.copyOf(features));
    }

    /** The task's result, its exception rethrown as it was thrown. */
    private static <T> T await(Future<T> task) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the result is needed: wait on, then pass the interrupt on
                }
            }
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
