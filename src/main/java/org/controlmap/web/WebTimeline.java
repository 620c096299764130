package org.controlmap.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.controlmap.geodata.FeatureSelection;
import org.controlmap.control.Controller;
import org.controlmap.control.measure.Booking;
import org.controlmap.control.measure.ControlOverlay;
import org.controlmap.control.measure.ControlPolygons;
import org.controlmap.control.measure.ControlSeries;
import org.controlmap.control.measure.MeasureOptions;
import org.controlmap.control.measure.Measurement;
import org.controlmap.control.measure.SnapshotSequence;
import org.controlmap.region.CountryOutline;
import org.controlmap.region.Region;
import org.controlmap.region.RegionCatalogue;
import org.controlmap.render.MapScene;
import org.controlmap.render.Palette;
import org.controlmap.render.anim.FrameLayout;
import org.controlmap.render.anim.FramePipeline;
import org.controlmap.table.AreaColumns;
import org.controlmap.table.AreaTable;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * The dated frames of the web page's slider: every snapshot measured as {@code series} measures it
 * ({@link SnapshotSequence.Meter}: same booking, same attribution, so the same km²) and drawn as
 * {@code animate} draws it ({@link FrameLayout}: the held ground in the map's pixels, simplified and clipped to
 * the regions shown).
 *
 * <p>A year of daily DeepStateMap polygons drawn whole is tens of megabytes of path data, though the front moves
 * a few pixels a day. So each frame's held ground is cut along a grid of {@value #TILE_PX}-pixel tiles, each
 * piece is simplified again ({@value #TOLERANCE_PX} px, about what a screen shows of the 1,600-px map at page
 * width) and normalised (rings start at their lowest point), and a piece is stored once however many frames
 * have it: a frame is the list of its pieces. Tiles far from the front are the same from day to day, so the
 * page grows with what changes, not with the number of days.
 */
public final class WebTimeline {
    /** Tile edge, px of the map canvas: small enough that a day's change touches few tiles, large enough that
     * the cut edges (drawn twice, once per side) cost little. */
    static final double TILE_PX = 64;
    /** Douglas–Peucker tolerance of each piece, px of the 1,600-px canvas (the drawing only, never the km²). */
    static final double TOLERANCE_PX = 0.8;
    private static final GeometryFactory GF = new GeometryFactory();

    /**
     * One date of the slider.
     *
     * @param date    the snapshot's date
     * @param heldKm2 Ukraine's held km² that date ({@code series}' {@code UA} row), geodesic on WGS84
     * @param total   {@link #heldKm2} as the tables write it ("113,640")
     * @param figure  the map's own line for it ("Held by Russia in Ukraine: 113,640 km² (+2,497 since …)")
     * @param pieces  indices into {@link WebTimeline#pieces()} of the held ground drawn
     * @param cells   per region held that date (ISO code → held km² and share, as the tables write them)
     */
    public record Frame(LocalDate date, double heldKm2, String total, String figure, int[] pieces,
            Map<String, String[]> cells) {
    }

    private final List<Frame> frames;
    private final List<String> pieces;
    private final Controller side;
    private final int colour;
    private final double strokePx;
    private final MapScene lastScene;
    private final AreaTable lastTable;
    private final Measurement lastMeasurement;

    private WebTimeline(List<Frame> frames, List<String> pieces, Controller side, int colour, double strokePx, MapScene lastScene,
            AreaTable lastTable, Measurement lastMeasurement) {
        this.frames = frames;
        this.pieces = pieces;
        this.side = side;
        this.colour = colour;
        this.strokePx = strokePx;
        this.lastScene = lastScene;
        this.lastTable = lastTable;
        this.lastMeasurement = lastMeasurement;
    }

    /**
     * Measures and draws every snapshot, in date order.
     *
     * @param snapshots the snapshots, in date order (at least one)
     * @param selection the features counted in each and the size limit, as the snapshots were listed with
     * @param catalogue the regions to book to and draw
     * @param countries neighbouring countries, lon/lat
     * @param side      the side whose territory is drawn and measured
     * @param options   basis, attribution, limit (as {@code series}); date and source are set per snapshot
     * @param title     the map's title
     * @param credit    the figures' source
     * @param width     canvas width, px
     * @param warnings  one-line warnings about snapshots, in date order
     */
    public static WebTimeline build(List<SnapshotSequence.Snapshot> snapshots, FeatureSelection selection,
            RegionCatalogue catalogue,
            List<CountryOutline> countries, Controller side, MeasureOptions options, String title, String credit,
            int width, ExecutorService pool, int threads, ControlSeries.Progress progress, Consumer<String> warnings)
            throws IOException {
        ControlOverlay overlay = ControlOverlay.of(catalogue);
        List<Region> regions = overlay.regions();
        SnapshotSequence.Meter meter = new SnapshotSequence.Meter(overlay, side, options, selection);
        MapScene base = FrameLayout.baseScene(regions, countries, width, title, options.basis(),
                options.attribution(), credit);
        List<Frame> frames = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        List<String> pieces = new ArrayList<>();
        MapScene[] last = new MapScene[1];
        SnapshotSequence.Measured[] lastMeasured = new SnapshotSequence.Measured[1];
        FramePipeline.run(snapshots, meter, first -> new FrameLayout(base, regions, side, first.held(),
                first.snapshot().date(), first.heldKm2()), new FramePipeline.Encoder<Drawn>() {
                    @Override
                    public Drawn encode(int i, MapScene scene) {
                        return new Drawn(scene, tiles(held(scene)), text(scene, "held-km2"));
                    }
                }, (i, m, drawn) -> {
                    m.warnings().forEach(warnings);
                    int[] ids = new int[drawn.pieces().size()];
                    for (int k = 0; k < ids.length; k++) {
                        String d = drawn.pieces().get(k);
                        Integer id = index.get(d);
                        if (id == null) {
                            id = pieces.size();
                            index.put(d, id);
                            pieces.add(d);
                        }
                        ids[k] = id;
                    }
                    frames.add(new Frame(m.snapshot().date(), m.heldKm2(), AreaColumns.held(ukraineRow(m.heldKm2())),
                            drawn.figure(), ids, cells(m.booked(), regions, side, options)));
                    if (i == snapshots.size() - 1) {
                        last[0] = drawn.scene();
                        lastMeasured[0] = m;
                    }
                }, pool, threads, progress);
        SnapshotSequence.Measured m = lastMeasured[0];
        // The table under the map is the last date's, measured from the same held ground by the overlay
        // areas --control uses, so that its rows and the page's figures agree.
        Measurement measurement = overlay.measure(ControlPolygons.of(side, m.held(), m.snapshot().origin()),
                options.withDate(m.snapshot().date()).withSource(credit));
        AreaTable table = AreaTable.of(measurement.allocation(), catalogue,
                List.of());
        return new WebTimeline(List.copyOf(frames), List.copyOf(pieces), side,
                side == Controller.RU ? Palette.HELD_BY_RU : Palette.HELD_BY_UA, Math.round(12.0 * width / 1600) / 10.0,
                last[0], table, measurement);
    }

    private record Drawn(MapScene scene, List<String> pieces, String figure) {
    }

    /** The dates, in order. */
    public List<Frame> frames() {
        return frames;
    }

    /** Every distinct piece of held ground, as SVG path data in canvas pixels. */
    public List<String> pieces() {
        return pieces;
    }

    /** The side whose ground is drawn and measured. */
    public Controller side() {
        return side;
    }

    /**
     * The held ground's paint, for a date whose map has none to restyle (the last date held nothing): colour
     * 0xRRGGBB, as {@code animate} paints it.
     */
    public int colour() {
        return colour;
    }

    /** The held ground's outline width, px (in its own colour: it keeps slivers visible). */
    public double strokePx() {
        return strokePx;
    }

    /** The last date's map, as {@code animate} draws it: what the page shows first and offers as SVG and PNG. */
    public MapScene lastScene() {
        return lastScene;
    }

    /** The last date's table, as {@code areas --control} writes it. */
    public AreaTable lastTable() {
        return lastTable;
    }

    /** The last date's measurement. */
    public Measurement lastMeasurement() {
        return lastMeasurement;
    }

    /** A row the table's formatter takes, for Ukraine's total. */
    private static AreaTable.Row ukraineRow(double km2) {
        return new AreaTable.Row("UA", "Ukraine", Double.NaN, Double.NaN, Controller.RU, Double.NaN, km2, "", "",
                Double.NaN);
    }

    /** Held km² and share of each region held in part, as the table writes them. */
    private static Map<String, String[]> cells(Booking b, List<Region> regions, Controller side,
            MeasureOptions options) {
        Map<String, String[]> out = new LinkedHashMap<>();
        for (int i = 0; i < regions.size(); i++) {
            Region r = regions.get(i);
            double km2 = b.km2(i, r, options.basis());
            if (Math.round(km2 * 1000) > 0) {
                AreaTable.Row row = new AreaTable.Row(r.iso(), r.nameEn(), r.areaKm2(), r.officialAreaKm2(), side,
                        b.pct(i, r), km2, "measured", "", Double.NaN);
                out.put(r.iso(), new String[] {AreaColumns.held(row), AreaColumns.share(row)});
            }
        }
        return out;
    }

    /** The held ground a frame draws, px. */
    static Geometry held(MapScene scene) {
        for (MapScene.Item it : scene.items()) {
            if (it instanceof MapScene.Group g && "controlled".equals(g.cssClass())) {
                for (MapScene.Item c : g.items()) {
                    if (c instanceof MapScene.Figure f && "controlled".equals(f.cssClass())) {
                        return f.geometry();
                    }
                }
            }
        }
        throw new IllegalStateException("the frame has no held ground layer");
    }

    /** The words of a frame's text of the given class. */
    static String text(MapScene scene, String cssClass) {
        for (MapScene.Item it : scene.items()) {
            if (it instanceof MapScene.Group g) {
                for (MapScene.Item c : g.items()) {
                    if (c instanceof MapScene.Text t && cssClass.equals(t.cssClass())) {
                        return t.text();
                    }
                }
            }
        }
        throw new IllegalStateException("the frame has no '" + cssClass + "' text");
    }

    /**
     * The held ground cut into tiles: per tile (row by row), its piece as SVG path data, simplified and
     * normalised so that the same ground gives the same text on every date.
     */
    static List<String> tiles(Geometry px) {
        List<String> out = new ArrayList<>();
        if (px.isEmpty()) {
            return out;
        }
        Envelope e = px.getEnvelopeInternal();
        long x0 = (long) Math.floor(e.getMinX() / TILE_PX);
        long x1 = (long) Math.floor(e.getMaxX() / TILE_PX);
        long y0 = (long) Math.floor(e.getMinY() / TILE_PX);
        long y1 = (long) Math.floor(e.getMaxY() / TILE_PX);
        for (long ty = y0; ty <= y1; ty++) {
            for (long tx = x0; tx <= x1; tx++) {
                Envelope cell = new Envelope(tx * TILE_PX, (tx + 1) * TILE_PX, ty * TILE_PX, (ty + 1) * TILE_PX);
                if (!cell.intersects(e)) {
                    continue;
                }
                Geometry part = OverlayNGRobust.overlay(px, GF.toGeometry(cell), OverlayNG.INTERSECTION);
                part = DouglasPeuckerSimplifier.simplify(part, TOLERANCE_PX);
                part.normalize();
                String d = PathData.of(part);
                if (!d.isEmpty()) {
                    out.add(d);
                }
            }
        }
        return out;
    }
}
