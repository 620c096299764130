package org.controlmap.control.measure;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.controlmap.InputException;
import org.controlmap.control.Controller;
import org.controlmap.geodata.FeatureFiles;
import org.controlmap.geodata.FeatureSelection;
import org.controlmap.geodata.GeoFeature;
import org.controlmap.geodata.GeoJsonReader;
import org.controlmap.geodata.ReadProgress;
import org.controlmap.geodata.SelectionFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/**
 * A series' snapshot file read into held ground per date while it is read ({@link FeatureFiles#stream}): each
 * date's features go to its own {@link StreamedPolygons} as they arrive, so the file's features are never
 * all held at once. The batches waiting to be merged, over all dates, stay within one batch's limits
 * ({@link StreamedPolygons#BATCH_FEATURES} features, {@link StreamedPolygons#BATCH_VERTICES} vertices; the
 * date fed last may fill its own batches as {@link StreamedPolygons} allows): when they would not, the
 * dates fed longest ago are merged first, so a file whose dates come one after another merges each date in
 * one batch, exactly as {@link ControlPolygons#of} merges its list.
 *
 * <p>Dates as {@code series} has always given them: a feature's {@code date} property, else the file name's
 * date for a feature without one; a file none of whose features has a {@code date} is one snapshot dated by
 * its name, else by its properties ({@link SnapshotDates#fromProperties}: for that, the date properties of
 * its features are kept, no geometry). Since the name's date is known before the first feature, only a file
 * without one needs to wait for the end to know where its undated features go: they are merged on their
 * own, and are either the whole snapshot (no feature dated) or an error naming the first of them.
 *
 * <p>Errors come in the order of reading the file whole: the reader's, the {@code --where} selection's, no
 * polygon at all, the first date error in feature order, then a date's merge error, in date order.
 */
final class DatedPolygons implements Consumer<GeoFeature> {

    private final String name;
    private final LocalDate fromName;
    private final Controller side;
    private final boolean merge;
    private final int batchFeatures;
    private final long batchVertices;
    private final int maxParts;

    /** Dates seen so far, with their merge (null values when only dates are wanted). */
    private final TreeMap<LocalDate, StreamedPolygons> dates = new TreeMap<>();
    /** The merges with features waiting in a batch, the one fed longest ago first. */
    private final LinkedHashSet<StreamedPolygons> waiting = new LinkedHashSet<>();
    private long waitingFeatures;
    private long waitingVertices;
    private long mostWaiting;

    /** Features without a {@code date} while none had one, in a file without a date in its name. */
    private StreamedPolygons undated;
    private final List<GeoFeature> propertyDates = new ArrayList<>();
    private int firstUndated = -1;
    private boolean anyDated;
    private boolean polygons;
    private InputException error;

    DatedPolygons(Path file, Controller side, boolean merge) {
        this(file, side, merge, StreamedPolygons.BATCH_FEATURES, StreamedPolygons.BATCH_VERTICES,
                StreamedPolygons.MAX_PARTS);
    }

    /** With other batch limits: tests run many batches and merges on small inputs. */
    DatedPolygons(Path file, Controller side, boolean merge, int batchFeatures, long batchVertices, int maxParts) {
        this.name = file.toString();
        this.fromName = SnapshotDates.fromFileName(file.getFileName().toString()).orElse(null);
        this.side = side;
        this.merge = merge;
        this.batchFeatures = batchFeatures;
        this.batchVertices = batchVertices;
        this.maxParts = maxParts;
    }

    /**
     * Held ground per date of the features of {@code file} that {@code selection} picks, in date order; each
     * named as {@code series} names the snapshot: the file, or "file (date)" when it holds several dates.
     *
     * @param side     the side holding features without a {@code controller} property
     * @param warnings the reader's one-line warnings, then the one of {@link SnapshotDates#fromProperties},
     *                 then per date RU/UA overlap ({@link ControlPolygons#warnOverlap})
     */
    static SortedMap<LocalDate, ControlPolygons> read(Path file, Controller side, FeatureSelection selection,
            Consumer<String> warnings) {
        return read(file, side, selection, warnings, warnings);
    }

    /** As {@link #read(Path, Controller, FeatureSelection, Consumer)}, the RU/UA overlaps to {@code merged}. */
    static SortedMap<LocalDate, ControlPolygons> read(Path file, Controller side, FeatureSelection selection,
            Consumer<String> reading, Consumer<String> merged) {
        return new DatedPolygons(file, side, true).polygons(file, selection, reading, merged);
    }

    /**
     * The dates of {@code file} as {@link #read} gives them, with its checks and messages save a date's merge
     * errors, but without merging anything: a listing of snapshots costs a parse.
     */
    static SortedSet<LocalDate> dates(Path file, FeatureSelection selection, Consumer<String> warnings) {
        DatedPolygons d = new DatedPolygons(file, Controller.RU, false);
        d.stream(file, selection, warnings);
        return Collections.unmodifiableSortedSet(new TreeSet<>(d.dates.keySet()));
    }

    /** Reads {@code file} into this, then finishes every date's merge (package-private for tests). */
    SortedMap<LocalDate, ControlPolygons> polygons(Path file, FeatureSelection selection, Consumer<String> warnings) {
        return polygons(file, selection, warnings, warnings);
    }

    private SortedMap<LocalDate, ControlPolygons> polygons(Path file, FeatureSelection selection,
            Consumer<String> reading, Consumer<String> merged) {
        stream(file, selection, reading);
        boolean several = dates.size() > 1;
        SortedMap<LocalDate, ControlPolygons> out = new TreeMap<>();
        for (Map.Entry<LocalDate, StreamedPolygons> e : dates.entrySet()) {
            String origin = several ? name + " (" + e.getKey() + ")" : name;
            out.put(e.getKey(), e.getValue().finish(origin, merged));
            e.setValue(null);
        }
        return out;
    }

    private void stream(Path file, FeatureSelection selection, Consumer<String> warnings) {
        SelectionFilter filter = new SelectionFilter(selection, name, this);
        GeoJsonReader.Document doc = FeatureFiles.stream(file, selection.layer(), selection.maxBytes(), warnings,
                filter, ReadProgress.NONE);
        filter.finish();
        if (!polygons) {
            throw StreamedPolygons.noPolygons(name, filter.selects());
        }
        if (error != null) {
            throw error;
        }
        if (firstUndated >= 0) { // none dated, no date in the name: the file's properties date it
            SnapshotDates.FromProperties p = SnapshotDates.fromProperties(
                    new GeoJsonReader.Document(propertyDates, doc.members(), doc.properties()), name);
            if (p.warning() != null) {
                warnings.accept(p.warning());
            }
            if (p.date() == null) {
                throw new InputException(name + ": no date in its name or properties: name it with YYYYMMDD or"
                        + " YYYY-MM-DD, or give its features a \"date\" property");
            }
            dates.put(p.date(), undated);
        }
    }

    @Override
    public void accept(GeoFeature f) {
        Geometry g = f.geometry();
        if (g instanceof Polygonal && !g.isEmpty()) {
            polygons = true;
        }
        if (error != null) {
            return;
        }
        Object d = f.properties().get("date");
        if (d != null) {
            if (firstUndated >= 0) {
                refuse(undatedError(firstUndated));
                return;
            }
            LocalDate date;
            try {
                date = SnapshotDates.fromProperty(d, name + ": feature " + f.index());
            } catch (InputException e) {
                refuse(e);
                return;
            }
            anyDated = true;
            feed(date, f);
        } else if (fromName != null) {
            feed(fromName, f); // dated features or not, an undated one is of the name's date
        } else if (anyDated) {
            refuse(undatedError(f.index()));
        } else {
            if (firstUndated < 0) {
                firstUndated = f.index();
            }
            GeoFeature copy = StreamedPolygons.datedCopy(f);
            if (copy != null) {
                propertyDates.add(copy);
            }
            if (merge) {
                if (undated == null) {
                    undated = merger();
                }
                feed(undated, f);
            }
        }
    }

    /** The most features that waited unmerged at once, over all dates (tests: the file was never held whole). */
    long mostWaiting() {
        return mostWaiting;
    }

    private InputException undatedError(int index) {
        return new InputException(name + ": feature " + index + ": no \"date\" property (other features"
                + " have one) and the file name has no date");
    }

    /** The file is refused: nothing more is merged, and what was is let go. */
    private void refuse(InputException e) {
        error = e;
        dates.clear();
        waiting.clear();
        undated = null;
        propertyDates.clear();
    }

    private StreamedPolygons merger() {
        return new StreamedPolygons(side, name, batchFeatures, batchVertices, maxParts);
    }

    private void feed(LocalDate date, GeoFeature f) {
        if (!merge) {
            dates.put(date, null);
            return;
        }
        feed(dates.computeIfAbsent(date, k -> merger()), f);
    }

    private void feed(StreamedPolygons s, GeoFeature f) {
        int features = s.pendingFeatures();
        long vertices = s.pendingVertices();
        s.accept(f);
        waitingFeatures += s.pendingFeatures() - features;
        waitingVertices += s.pendingVertices() - vertices;
        waiting.remove(s);
        if (s.pendingFeatures() > 0) {
            waiting.add(s);
        }
        mostWaiting = Math.max(mostWaiting, waitingFeatures);
        Iterator<StreamedPolygons> eldest = waiting.iterator();
        while ((waitingFeatures >= batchFeatures || waitingVertices >= batchVertices) && eldest.hasNext()) {
            StreamedPolygons e = eldest.next();
            if (e == s) {
                break; // the one fed last is the newest: its own limits hold it
            }
            waitingFeatures -= e.pendingFeatures();
            waitingVertices -= e.pendingVertices();
            e.flushPending();
            eldest.remove();
        }
    }
}
