package org.controlmap.control.measure;

import org.controlmap.Tasks;

import org.controlmap.InputException;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.controlmap.control.Controller;
import org.controlmap.geodata.FeatureSelection;
import org.controlmap.region.AreaBasis;
import org.controlmap.region.Region;
import org.locationtech.jts.geom.Geometry;

/**
 * Dated snapshots gone through one at a time, in date order, for commands that
 * need each snapshot's shape as well as its km² ({@code animate}): listed and
 * dated exactly as {@link ControlSeries#measure} does (files, directories and
 * patterns by {@link SnapshotFiles#expand}; dates by {@link DatedPolygons}),
 * then measured one after another by a {@link Meter} with the cell memory of
 * {@link CellMeter}, so a snapshot's shape is read once and never kept.
 */
public final class SnapshotSequence {
    private SnapshotSequence() {
    }

    /**
     * One dated snapshot: a file, or the features of one date in a file whose features carry several.
     *
     * @param file         where it is
     * @param date         the date it describes
     * @param severalDates whether the file holds other dates too
     */
    public record Snapshot(Path file, LocalDate date, boolean severalDates) {
        /** Where it came from, for messages: "a.geojson", or "all.geojson (2024-11-20)". */
        public String origin() {
            return severalDates ? file + " (" + date + ")" : file.toString();
        }
    }

    /**
     * A snapshot measured.
     *
     * @param snapshot which one
     * @param held     the territory the side holds, longitude/latitude degrees (all of it, before any region)
     * @param booked   held km² booked to each region of the meter's overlay, as {@code series} books them
     * @param heldKm2  held km² in the regions of the other country (Ukraine's 27 units for Russia: the
     *                 {@code UA} row of {@code series}), geodesic on WGS84, on the meter's basis
     * @param warnings one-line warnings about this snapshot (held ground beyond the nearest-attribution limit)
     */
    public record Measured(Snapshot snapshot, Geometry held, Booking booked, double heldKm2, List<String> warnings) {
    }

    /**
     * Every dated snapshot among {@code files}, in date order. Each file is read (on {@code pool}) to learn
     * its dates ({@link DatedPolygons#dates}: parsed, nothing merged), and let go.
     *
     * @param warnings the readers' one-line warnings, delivered in file order once all are read
     * @throws org.controlmap.InputException for an unreadable or undated file, or two snapshots of one date
     */
    public static List<Snapshot> list(List<Path> files, ExecutorService pool, Consumer<String> warnings) {
        return list(files, FeatureSelection.ALL, pool, warnings);
    }

    /**
     * As {@link #list(List, ExecutorService, Consumer)}, counting in each file only the features
     * {@code selection} picks and refusing a file over its size limit ({@code --max-input-mb}), as
     * {@link ControlSeries#measure} does.
     */
    public static List<Snapshot> list(List<Path> files, FeatureSelection selection, ExecutorService pool,
            Consumer<String> warnings) {
        List<Future<List<Snapshot>>> futures = new ArrayList<>();
        List<List<String>> fileWarnings = new ArrayList<>();
        for (Path f : files) {
            List<String> ws = new ArrayList<>();
            fileWarnings.add(ws);
            futures.add(pool.submit(() -> {
                List<Snapshot> out = new ArrayList<>();
                SortedSet<LocalDate> dates = DatedPolygons.dates(f, selection, ws::add);
                for (LocalDate d : dates) {
                    out.add(new Snapshot(f, d, dates.size() > 1));
                }
                return out;
            }));
        }
        List<Snapshot> all = new ArrayList<>();
        for (Future<List<Snapshot>> fu : futures) {
            all.addAll(Tasks.join(fu));
        }
        fileWarnings.forEach(ws -> ws.forEach(warnings));
        all.sort(Comparator.comparing(Snapshot::date));
        ControlSeries.onePerDate(all.stream().map(Snapshot::date).toList(),
                all.stream().map(Snapshot::origin).toList());
        return List.copyOf(all);
    }

    /**
     * The snapshots to show, in date order: those from {@code from} to {@code to} (both included; null for
     * no limit), and with {@code every}, one per period: periods start at {@code from} (else at the first
     * snapshot's date) and follow one another every {@code every} (months by the calendar: 2024-01-31 plus a
     * month is 2024-02-29); each period gives its first snapshot, the first on or after its start, and a
     * period without snapshots gives none.
     *
     * @param every the period, or null for every snapshot
     */
    public static List<Snapshot> pick(List<Snapshot> snapshots, Period every, LocalDate from, LocalDate to) {
        List<Snapshot> in = snapshots.stream()
                .filter(s -> (from == null || !s.date().isBefore(from)) && (to == null || !s.date().isAfter(to)))
                .toList();
        if (every == null || in.isEmpty()) {
            return in;
        }
        LocalDate anchor = from != null ? from : in.get(0).date();
        List<Snapshot> out = new ArrayList<>();
        int k = 0;
        LocalDate start = anchor;
        LocalDate next = step(anchor, every, 1);
        for (Snapshot s : in) {
            while (!s.date().isBefore(next)) {
                k++;
                start = next;
                next = step(anchor, every, k + 1);
            }
            if (!s.date().isBefore(start) && (out.isEmpty() || out.get(out.size() - 1).date().isBefore(start))) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    /** The k-th period start: from the anchor each time, so month ends do not drift (Jan 31, Feb 29, Mar 31). */
    private static LocalDate step(LocalDate anchor, Period every, int k) {
        return anchor.plus(every.multipliedBy(k));
    }

    /**
     * Measures snapshots one after another, as one batch of {@code series} does (cell memory shared, so each
     * snapshot after the first costs little when fronts move little). Not thread-safe: call {@link #measure}
     * from one thread at a time, in the order the results should be (date order); the results then do not
     * depend on which threads call it.
     */
    public static final class Meter {
        private final ControlOverlay overlay;
        private final Controller controller;
        private final MeasureOptions options;
        private final FeatureSelection selection;
        private final CellMeter.Batch batch = new CellMeter.Batch();
        private Path lastFile;
        private Map<LocalDate, ControlPolygons> lastGroups;

        /**
         * @param options basis, attribution and limit; its date and source are not used
         */
        public Meter(ControlOverlay overlay, Controller controller, MeasureOptions options) {
            this(overlay, controller, options, FeatureSelection.ALL);
        }

        /**
         * @param options   basis, attribution and limit; its date and source are not used
         * @param selection the features counted and the size limit, as {@link #list(List, FeatureSelection,
         *                  ExecutorService, Consumer)} was given them
         */
        public Meter(ControlOverlay overlay, Controller controller, MeasureOptions options,
                FeatureSelection selection) {
            this.overlay = overlay;
            this.controller = controller;
            this.options = options;
            this.selection = selection;
        }

        /**
         * Reads and measures one snapshot (a file of several dates is read once while its dates come in a row,
         * its held ground per date kept meanwhile, not its features).
         */
        public Measured measure(Snapshot s) {
            Map<LocalDate, ControlPolygons> groups;
            List<String> warnings = new ArrayList<>();
            if (s.severalDates() && s.file().equals(lastFile)) {
                groups = lastGroups;
            } else {
                // The reader's warnings were given when the snapshots were listed; RU/UA overlaps (found by the
                // merge, for each date of the file) come with the snapshot that read it.
                groups = DatedPolygons.read(s.file(), controller, selection, w -> { }, warnings::add);
                lastFile = s.severalDates() ? s.file() : null;
                lastGroups = s.severalDates() ? groups : null;
            }
            ControlPolygons polygons = groups.get(s.date());
            if (polygons == null) {
                throw new IllegalStateException(s.origin() + ": date " + s.date() + " no longer in the file");
            }
            String origin = s.origin();
            Geometry held = polygons.held(controller);
            Booking b = overlay.book(held, controller, options, batch, origin);
            if (ControlOverlay.nearest(controller, options)) {
                MeasuredAllocation.beyondLimit(origin, b.outside(), options.limitKm()).ifPresent(warnings::add);
            }
            return new Measured(s, held, b, heldKm2(b), List.copyOf(warnings));
        }

        /** Held km² in the regions of the other country, on the basis. */
        private double heldKm2(Booking b) {
            List<Region> regions = overlay.regions();
            return ControlSeries.heldAbroadKm2(b, regions, controller, options.basis());
        }

        /** What percentages are shares of. */
        public AreaBasis basis() {
            return options.basis();
        }
    }

    /** DeepStateMap's credit when the files are its daily exports, else the file names (as {@code series}). */
    public static String credit(List<Path> files) {
        return ControlSeries.credit(files);
    }
}
