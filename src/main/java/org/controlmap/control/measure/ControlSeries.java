package org.controlmap.control.measure;

import org.controlmap.Tasks;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.controlmap.control.Attribution;
import org.controlmap.control.Controller;
import org.controlmap.geodata.FeatureSelection;
import org.controlmap.InputException;
import org.controlmap.region.AreaBasis;
import org.controlmap.region.Region;
import org.locationtech.jts.geom.Geometry;

/**
 * Held territory over time: one side's km² per region for each dated snapshot,
 * measured exactly as {@link ControlOverlay} does for one file.
 *
 * @param regions  the regions, in row order; {@link Point#booked()} is indexed like this list, with the
 *                 km² outside every region as its last element
 * @param overlay  the overlay the points were measured with (areas of Ukraine for totals)
 * @param controller the side whose territory is measured
 * @param basis    what percentages are shares of; on {@link AreaBasis#OFFICIAL} km² are scaled to official areas
 * @param attribution how ground the boundaries do not place in an occupied region was booked
 * @param source   credit for the figures
 * @param points   one per date, in date order
 * @param districts the user's districts measured too ({@code --regions FILE}; rows after their region's), or null
 */
public record ControlSeries(List<Region> regions, ControlOverlay overlay, Controller controller, AreaBasis basis,
        Attribution attribution, String source, List<Point> points, DistrictOverlay districts) {

    /**
     * Snapshots measured one after another with shared memory of measured cells
     * (see {@link CellMeter}); batches run in parallel. A function of the number
     * of snapshots only, so results never depend on the number of threads: four
     * batches (two per core on two cores; each batch's first snapshot measures
     * all its crossed cells, about 50 ms), and no fewer than 48 snapshots each.
     */
    static int batchSize(int snapshots) {
        return Math.max(48, (snapshots + 3) / 4);
    }

    /** Credit DeepStateMap's data asks for wherever figures made from it are shown. */
    public static final String DEEPSTATE_CREDIT = "DeepStateMap via cyterat/deepstate-map-data";

    /**
     * Measured km² of one snapshot, geodesic on WGS84.
     *
     * @param date   the date it describes
     * @param origin where it came from ("a.geojson", "all.geojson, 2024-11-20"), for messages
     * @param booked held ground per region in {@link #regions()} order, and outside every region
     * @param districts held km² per district ({@link DistrictOverlay}, file order), or null without districts
     */
    public record Point(LocalDate date, String origin, Booking booked, double[] districts) {

        /** A point without districts. */
        public Point(LocalDate date, String origin, Booking booked) {
            this(date, origin, booked, null);
        }
    }

    /**
     * One output row.
     *
     * @param date the snapshot date
     * @param iso  a region's ISO 3166-2 code, {@code UA} for the total of Ukraine's 27 units, or
     *             {@code outside} for held territory in no region
     * @param km2  held km² (on the basis: scaled to the official area on the official basis)
     * @param pct  share of the region, percent (of Ukraine's official area for {@code UA}); null for
     *             {@code outside}
     * @param mismatchKm2 ground reattributed to the row under nearest attribution, km²; null under clip
     * @param frontKm length of the front on the {@code UA} row when asked for ({@code series --front}); null
     *                otherwise
     */
    public record Row(LocalDate date, String iso, double km2, Double pct, Double mismatchKm2, Double frontKm) {
    }

    /** Told about progress; called from worker threads. */
    public interface Progress {
        void start(long total);

        void step();

        void finish();
    }

    /** No progress reporting. */
    public static final Progress SILENT = new Progress() {
        @Override
        public void start(long total) {
        }

        @Override
        public void step() {
        }

        @Override
        public void finish() {
        }
    };

    /**
     * Measures every snapshot among the inputs (see {@link SnapshotFiles#expand}): each file is one
     * snapshot dated by its features' {@code date} property, else its name, else its other date properties
     * ({@link SnapshotDates#fromProperties}); a file whose features carry several {@code date}s is one
     * snapshot per date.
     *
     * @param workers   run the batches of snapshots (one thread per core is a good choice); output does not
     *                  depend on them
     * @param warnings  one-line warnings, delivered in input order after measuring
     */
    public static ControlSeries measure(List<String> inputs, ControlOverlay overlay, Controller controller,
            MeasureOptions options, String source, ExecutorService workers, Progress progress,
            Consumer<String> warnings) {
        return measure(inputs, FeatureSelection.ALL, overlay, controller, options, source, workers, progress,
                warnings);
    }

    /**
     * Measures like {@link #measure(List, ControlOverlay, Controller, MeasureOptions, String, ExecutorService, Progress,
     * Consumer)}, counting in each file only the features {@code selection} picks ({@code --layer},
     * {@code --where}).
     */
    public static ControlSeries measure(List<String> inputs, FeatureSelection selection, ControlOverlay overlay,
            Controller controller, MeasureOptions options, String source, ExecutorService workers, Progress progress,
            Consumer<String> warnings) {
        return measure(inputs, selection, overlay, null, controller, options, source, workers, progress, warnings);
    }

    /**
     * Measures like {@link #measure(List, FeatureSelection, ControlOverlay, Controller, MeasureOptions, String,
     * ExecutorService, Progress, Consumer)}, and each snapshot against {@code districts} too when not null
     * ({@code --regions FILE}): their km² are clipped, with their own cell memory per batch.
     */
    public static ControlSeries measure(List<String> inputs, FeatureSelection selection, ControlOverlay overlay,
            DistrictOverlay districts, Controller controller, MeasureOptions options, String source,
            ExecutorService workers, Progress progress, Consumer<String> warnings) {
        List<Path> files = SnapshotFiles.expand(inputs, warnings);
        ExecutorService pool = workers;
        List<List<String>> fileWarnings = new ArrayList<>();
        List<Future<List<Point>>> futures = new ArrayList<>();
        try {
            if (files.size() == 1) {
                // One collection of dated features: measure its dates in parallel instead.
                List<String> ws = new ArrayList<>();
                fileWarnings.add(ws);
                Map<LocalDate, ControlPolygons> groups = DatedPolygons.read(files.get(0), controller, selection,
                        ws::add);
                List<Map.Entry<LocalDate, ControlPolygons>> entries = new ArrayList<>(groups.entrySet());
                progress.start(entries.size());
                int size = batchSize(entries.size());
                for (int from = 0; from < entries.size(); from += size) {
                    List<Map.Entry<LocalDate, ControlPolygons>> chunk =
                            entries.subList(from, Math.min(entries.size(), from + size));
                    futures.add(pool.submit(() -> {
                        Batches batch = new Batches(districts);
                        List<Point> ps = new ArrayList<>();
                        for (Map.Entry<LocalDate, ControlPolygons> g : chunk) {
                            ps.add(point(g.getKey(), g.getValue(), overlay, controller, options, batch));
                            progress.step();
                        }
                        return ps;
                    }));
                }
            } else {
                progress.start(files.size());
                int size = batchSize(files.size());
                for (int from = 0; from < files.size(); from += size) {
                    List<Path> chunk = files.subList(from, Math.min(files.size(), from + size));
                    List<List<String>> ws = new ArrayList<>();
                    for (int k = 0; k < chunk.size(); k++) {
                        ws.add(new ArrayList<>());
                    }
                    fileWarnings.addAll(ws);
                    futures.add(pool.submit(() -> {
                        Batches batch = new Batches(districts);
                        List<Point> ps = new ArrayList<>();
                        for (int k = 0; k < chunk.size(); k++) {
                            Path f = chunk.get(k);
                            Map<LocalDate, ControlPolygons> groups = DatedPolygons.read(f, controller, selection,
                                    ws.get(k)::add);
                            for (Map.Entry<LocalDate, ControlPolygons> g : groups.entrySet()) {
                                ps.add(point(g.getKey(), g.getValue(), overlay, controller, options, batch));
                                g.setValue(null); // measured: let its ground go
                            }
                            progress.step();
                        }
                        return ps;
                    }));
                }
            }
            List<Point> points = new ArrayList<>();
            for (Future<List<Point>> fu : futures) {
                points.addAll(Tasks.join(fu));
            }
            progress.finish();
            fileWarnings.forEach(ws -> ws.forEach(warnings));
            if (ControlOverlay.nearest(controller, options)) {
                for (Point p : points) {
                    MeasuredAllocation.beyondLimit(p.origin(), p.booked().outside(), options.limitKm()).ifPresent(warnings);
                    double moved = 0;
                    double booked = 0;
                    for (int i = 0; i < p.booked().moved().length; i++) {
                        moved += p.booked().moved()[i];
                        booked += p.booked().heldKm2(i);
                    }
                    MeasuredAllocation.tooMuchMoved(p.origin(), moved, booked).ifPresent(warnings);
                }
            }
            points.sort(Comparator.comparing(Point::date));
            onePerDate(points.stream().map(Point::date).toList(), points.stream().map(Point::origin).toList());
            String credit = source != null ? source : credit(files);
            return new ControlSeries(overlay.regions(), overlay, controller, options.basis(), options.attribution(),
                    credit, List.copyOf(points), districts);
        } finally {
            futures.forEach(f -> f.cancel(true)); // after a failure, the other batches stop; done ones stay done
        }
    }

    /** Refuses two snapshots of one date; {@code dates} sorted, {@code origins} name the snapshots alike. */
    static void onePerDate(List<LocalDate> dates, List<String> origins) {
        for (int i = 1; i < dates.size(); i++) {
            if (dates.get(i).equals(dates.get(i - 1))) {
                throw new InputException(origins.get(i) + ": date " + dates.get(i) + " is also the date of "
                        + origins.get(i - 1) + ": one snapshot per date, please");
            }
        }
    }

    /**
     * Held km² of a booking in the regions of the country {@code side} is not (Ukraine's 27 units when
     * Russia's ground is booked: the {@code UA} row of {@link #rows()}), on {@code basis}.
     */
    static double heldAbroadKm2(Booking b, List<Region> regions, Controller side, AreaBasis basis) {
        double sum = 0;
        for (int i = 0; i < regions.size(); i++) {
            Region r = regions.get(i);
            if (!r.country().equals(side.name())) {
                sum += b.km2(i, r, basis);
            }
        }
        return sum;
    }

    /** A batch's cell memory: one for the regions, one for the districts (their cells differ). */
    private record Batches(CellMeter.Batch regions, CellMeter.Batch districts, DistrictOverlay overlay) {
        Batches(DistrictOverlay overlay) {
            this(new CellMeter.Batch(), new CellMeter.Batch(), overlay);
        }
    }

    /** One snapshot's point: {@code held} is its ground per side, named as the snapshot ({@link DatedPolygons}). */
    private static Point point(LocalDate date, ControlPolygons held, ControlOverlay overlay, Controller controller,
            MeasureOptions options, Batches batch) {
        String origin = held.name();
        Geometry g = held.held(controller);
        double[] districts = batch.overlay == null ? null : batch.overlay.km2(g, batch.districts, origin);
        return new Point(date, origin, overlay.book(g, controller, options, batch.regions, origin), districts);
    }

    /** DeepStateMap's credit when the files are its daily exports, else the file names. */
    static String credit(List<Path> files) {
        boolean deepstate = files.stream().allMatch(
                f -> f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).startsWith("deepstatemap_data_"));
        if (deepstate) {
            return DEEPSTATE_CREDIT;
        }
        if (files.size() == 1) {
            return files.get(0).getFileName().toString();
        }
        return files.size() + " files, " + files.get(0).getFileName() + " … "
                + files.get(files.size() - 1).getFileName();
    }

    /**
     * The rows of the series table: per date, each region with held km² that
     * rounds to at least 0.001 km² (catalogue order), then {@code UA} (total of
     * Ukraine's units, always present; its percent is of Ukraine's official
     * area, as DeepStateMap publishes it), then {@code outside} when not zero.
     */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        boolean booked = ControlOverlay.nearest(controller, MeasureOptions.defaults().withAttribution(attribution));
        for (Point p : points) {
            double ukraine = 0;
            double ukraineMismatch = 0;
            Booking b = p.booked();
            for (int i = 0; i < regions.size(); i++) {
                Region r = regions.get(i);
                double km2 = b.km2(i, r, basis);
                if ("UA".equals(r.country())) {
                    ukraine += km2;
                    ukraineMismatch += b.mismatchKm2(i);
                }
                if (Math.round(km2 * 1000) > 0) {
                    rows.add(new Row(p.date(), r.iso(), km2, b.pct(i, r), booked ? b.mismatchKm2(i) : null, null));
                }
                if (p.districts() != null) {
                    districtRows(p, r, rows);
                }
            }
            rows.add(new Row(p.date(), "UA", ukraine, 100 * ukraine / overlay.ukraineOfficialKm2(),
                    booked ? ukraineMismatch : null, Double.isNaN(b.frontKm()) ? null : b.frontKm()));
            if (Math.round(b.outside() * 1000) > 0) {
                rows.add(new Row(p.date(), "outside", b.outside(), null, null, null));
            }
        }
        return rows;
    }

    /** The rows of region {@code r}'s districts held on the point's date (clipped: no mismatch). */
    private void districtRows(Point p, Region r, List<Row> rows) {
        List<org.controlmap.region.UserRegions.District> ds = districts.districts().districts();
        for (int k = 0; k < ds.size(); k++) {
            org.controlmap.region.UserRegions.District d = ds.get(k);
            double km2 = p.districts()[k];
            if (d.parent().equals(r) && Math.round(km2 * 1000) > 0) {
                rows.add(new Row(p.date(), d.id(), km2, d.countedKm2() > 0
                        ? Math.min(100, 100 * km2 / d.countedKm2()) : 0, null, null));
            }
        }
    }

    /** Per date, the held km² (on the basis) of one region, or of Ukraine for "UA": what the chart draws. */
    public Map<LocalDate, Double> line(String iso) {
        Map<LocalDate, Double> out = new LinkedHashMap<>();
        for (Point p : points) {
            out.put(p.date(), 0.0);
        }
        for (Row r : rows()) {
            if (r.iso().equals(iso)) {
                out.put(r.date(), r.km2());
            }
        }
        return out;
    }
}
