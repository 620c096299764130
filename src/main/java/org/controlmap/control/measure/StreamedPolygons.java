package org.controlmap.control.measure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.controlmap.InputException;
import org.controlmap.control.Controller;
import org.controlmap.geodata.FeatureFiles;
import org.controlmap.geodata.FeatureSelection;
import org.controlmap.geodata.GeoFeature;
import org.controlmap.geodata.GeoJsonReader;
import org.controlmap.geodata.ReadProgress;
import org.controlmap.geodata.SelectionFilter;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Held ground per side built while a control file is read ({@link FeatureFiles#stream}), so that a file of
 * a million features never exists as a million JTS geometries at once: each side's features are merged in
 * batches of at most {@value #BATCH_FEATURES} features or {@value #BATCH_VERTICES} vertices (the same union
 * as {@link ControlPolygons#of}: a coverage union for an edge-matched batch, else the full overlay union),
 * and the batches' results, at most {@value #MAX_PARTS} at a time, into one. Peak memory is then about the
 * result plus one batch, not the input.
 *
 * <p>A side whose features fit in one batch (every real front-line export: DeepStateMap's has a few hundred
 * features and vertices in the tens of thousands) is merged exactly as {@link ControlPolygons#of} merges
 * it, so its km² do not change by a bit. Larger inputs give the same ground by another order of unions:
 * the same km² up to rounding.
 *
 * <p>It is the one merge of features into held ground: {@link ControlPolygons#of} feeds its list through it,
 * {@link #read} a control file, {@link DatedPolygons} each date of a series' snapshot (several of them, whose
 * waiting batches together stay within one batch's limits: {@link #pendingFeatures}, {@link #flushPending}).
 *
 * <p>What the rest of a command needs besides the held ground is kept: for {@link #read}, the features that
 * name a date ({@link SnapshotDates#PROPERTY_NAMES}; those properties only, no geometry) for
 * {@link SnapshotDates#fromProperties}, and the order of errors: a feature's error (a controller that is
 * neither side, a merge that fails) waits until {@link #finish}, after the file is read and the
 * {@code --where} selection is checked, as when the features were read first.
 */
final class StreamedPolygons implements Consumer<GeoFeature> {

    /** Most features merged in one batch. */
    static final int BATCH_FEATURES = 8192;
    /** Most vertices in one batch (about 40 MB of JTS coordinates). */
    static final long BATCH_VERTICES = 1_000_000;
    /** Most batch results kept per side before they are merged into one. */
    static final int MAX_PARTS = 32;

    private static final GeometryFactory GF = new GeometryFactory();

    /**
     * A control file read this way.
     *
     * @param polygons held ground per side
     * @param document the file's members and properties; its features are those of the selected ones that
     *                 name a date, with empty geometry
     */
    record Read(ControlPolygons polygons, GeoJsonReader.Document document) {
    }

    private final Controller defaultController;
    private final String name;
    private final Map<Controller, Side> sides = new EnumMap<>(Controller.class);
    private boolean polygons;
    private int nonPolygonal = -1;
    private String nonPolygonalType;
    private InputException deferred;
    private final int batchFeatures;
    private final long batchVertices;
    private final int maxParts;

    /** One side's features so far: the batch being filled, and the merged results of the batches before. */
    private static final class Side {
        List<Geometry> batch = new ArrayList<>();
        long vertices;
        final List<Geometry> parts = new ArrayList<>();
    }

    StreamedPolygons(Controller defaultController, String name) {
        this(defaultController, name, BATCH_FEATURES, BATCH_VERTICES, MAX_PARTS);
    }

    /** With other batch limits: tests run many batches and merges on small inputs. */
    StreamedPolygons(Controller defaultController, String name, int batchFeatures, long batchVertices,
            int maxParts) {
        this.defaultController = defaultController;
        this.name = name;
        this.batchFeatures = batchFeatures;
        this.batchVertices = batchVertices;
        this.maxParts = maxParts;
    }

    /**
     * Reads {@code file} (any format {@link FeatureFiles} reads), keeping the features {@code selection} picks
     * and merging them per side as they come; the checks and messages of
     * {@link ControlPolygons#readDocument(Path, FeatureSelection, Consumer)} then {@link ControlPolygons#of}.
     *
     * @param side     the side holding features without a {@code controller} property
     * @param progress told how far the reading has come
     */
    static Read read(Path file, Controller side, FeatureSelection selection, ReadProgress progress,
            Consumer<String> warnings) {
        String name = file.toString();
        StreamedPolygons held = new StreamedPolygons(side, name);
        List<GeoFeature> dated = new ArrayList<>();
        SelectionFilter filter = new SelectionFilter(selection, name, f -> {
            GeoFeature d = datedCopy(f);
            if (d != null) {
                dated.add(d);
            }
            held.accept(f);
        });
        GeoJsonReader.Document doc = FeatureFiles.stream(file, selection.layer(), selection.maxBytes(), warnings,
                filter, progress);
        filter.finish();
        if (!held.polygons) {
            throw noPolygons(name, filter.selects());
        }
        ControlPolygons polygons = held.finish(warnings);
        return new Read(polygons, new GeoJsonReader.Document(List.copyOf(dated), doc.members(),
                doc.properties()));
    }

    /**
     * What {@link SnapshotDates#fromProperties} needs of a feature: its index and the properties of
     * {@link SnapshotDates#PROPERTY_NAMES} it has, no geometry; null when it has none of them.
     */
    static GeoFeature datedCopy(GeoFeature f) {
        Map<String, Object> props = null;
        for (String key : SnapshotDates.PROPERTY_NAMES) {
            Object v = f.properties().get(key);
            if (v != null) {
                if (props == null) {
                    props = new LinkedHashMap<>();
                }
                props.put(key, v);
            }
        }
        return props == null ? null : new GeoFeature(f.index(), props, GF.createMultiPolygon());
    }

    @Override
    public void accept(GeoFeature f) {
        if (deferred != null) {
            return;
        }
        Geometry g = f.geometry();
        if (g == null || g.isEmpty()) {
            return;
        }
        if (!(g instanceof Polygonal)) {
            if (nonPolygonal < 0) {
                nonPolygonal = f.index();
                nonPolygonalType = g.getGeometryType();
            }
            return;
        }
        polygons = true;
        try {
            Side s = sides.computeIfAbsent(ControlPolygons.controllerOf(f, defaultController, name), k -> new Side());
            s.batch.add(g);
            s.vertices += g.getNumPoints();
            if (s.batch.size() >= batchFeatures || s.vertices >= batchVertices) {
                flush(s);
            }
        } catch (InputException e) {
            defer(e);
        }
    }

    private void defer(InputException e) {
        deferred = e;
        sides.clear(); // nothing more is needed from them: the file is refused
    }

    /** Whether a Polygon or MultiPolygon went past. */
    boolean polygons() {
        return polygons;
    }

    /** Features waiting in the sides' batches, not merged yet. */
    int pendingFeatures() {
        int n = 0;
        for (Side s : sides.values()) {
            n += s.batch.size();
        }
        return n;
    }

    /** Vertices of the features waiting in the sides' batches. */
    long pendingVertices() {
        long n = 0;
        for (Side s : sides.values()) {
            n += s.vertices;
        }
        return n;
    }

    /**
     * Merges the batches waiting now, before they are full: for an owner of several of these whose waiting
     * features together should stay within one batch. A side whose features all went past before is then
     * still merged exactly as one batch (its one part is its union).
     */
    void flushPending() {
        if (deferred != null) {
            return;
        }
        try {
            for (Side s : sides.values()) {
                if (!s.batch.isEmpty()) {
                    flush(s);
                }
            }
        } catch (InputException e) {
            defer(e);
        }
    }

    /** Merges the batch into one part, and the parts into one when there are {@code maxParts}. */
    private void flush(Side s) {
        s.parts.add(merged(s.batch, name));
        s.batch = new ArrayList<>();
        s.vertices = 0;
        if (s.parts.size() >= maxParts) {
            Geometry one = unionParts(s.parts, name);
            s.parts.clear();
            s.parts.add(one);
        }
    }

    /** A batch's features merged: the one feature itself, else their union. */
    private static Geometry merged(List<Geometry> batch, String name) {
        return batch.size() == 1 ? batch.get(0) : ControlPolygons.union(batch, name);
    }

    /**
     * The refusal of a file none of whose (selected) features is a Polygon or MultiPolygon.
     *
     * @param selects whether {@code --where} picked the features
     */
    static InputException noPolygons(String name, boolean selects) {
        return new InputException(name + ": no Polygon or MultiPolygon features" + (selects
                ? " among those --where selects" : "") + ": control files mark held territory with polygons"
                + " (points and lines are skipped)");
    }

    /**
     * The union of batch results: batches of an edge-matched grid are edge-matched among themselves, so a
     * coverage union is tried first whatever their number; else the full union.
     */
    private static Geometry unionParts(List<Geometry> parts, String name) {
        try {
            Geometry[] coverage = parts.toArray(Geometry[]::new);
            if (CoverageValidator.isValid(coverage)) {
                return CoverageUnion.union(coverage);
            }
            return OverlayNGRobust.union(parts);
        } catch (RuntimeException e) {
            throw new InputException(name + ": cannot merge the polygons of its features (" + e.getMessage() + ")",
                    e);
        }
    }

    /** Held ground per side, once every feature went past; warns about RU/UA overlap as ControlPolygons does. */
    ControlPolygons finish(Consumer<String> warnings) {
        return finish(name, warnings);
    }

    /**
     * As {@link #finish(Consumer)}, named {@code name} instead of the name it was made with, in its
     * {@link ControlPolygons#name()} and in its messages, those of features that went past included (a
     * series' snapshot learns whether its file holds several dates, and so its name, only at the end).
     */
    ControlPolygons finish(String name, Consumer<String> warnings) {
        if (deferred != null) {
            String m = deferred.getMessage();
            if (name.equals(this.name) || !m.startsWith(this.name + ": ")) {
                throw deferred;
            }
            throw new InputException(name + m.substring(this.name.length()), deferred.getCause());
        }
        if (sides.isEmpty() && nonPolygonal >= 0) {
            throw new InputException(name + ": feature " + nonPolygonal + ": " + nonPolygonalType
                    + " geometry, and no feature has a Polygon or MultiPolygon: control files mark held territory"
                    + " with polygons");
        }
        Map<Controller, Geometry> merged = new EnumMap<>(Controller.class);
        sides.forEach((c, s) -> {
            if (!s.batch.isEmpty()) {
                s.parts.add(merged(s.batch, name)); // a side of one batch: exactly ControlPolygons.of's union
            }
            Geometry u = s.parts.size() == 1 ? s.parts.get(0) : unionParts(s.parts, name);
            if (!u.isEmpty()) {
                merged.put(c, u);
            }
        });
        ControlPolygons.warnOverlap(merged, name, warnings);
        return new ControlPolygons(merged, name);
    }
}
