package org.controlmap.control.schematic;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import org.controlmap.Tasks;
import org.controlmap.control.RegionControl;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Lays out the rows in their order on a few threads. A row waits for the
 * rows before it of the same holder in {@link #near} regions; a row that
 * finds no seed among those (it grows from the nearest point of everything
 * its holder has, see {@link SchematicLayout}'s class comment) is laid out again once all the
 * rows before it of the same holder are done. Whole regions wait for nothing.
 * Each row is laid out from its pieces in the order they come in the
 * sequential order, which is what it would see laid out one at a time.
 */
final class PieceSchedule {
    /** Lays out one row's piece from the pieces before it (see {@code SchematicLayout.layOut}). */
    interface Maker {
        SchematicPiece layOut(RegionControl row, List<SchematicPiece> placed, boolean complete);
    }

    private final Maker maker;
    private final List<RegionControl> rows;
    private final List<Integer> order;
    // Per position in order: positions of the rows it waits for.
    private final List<List<Integer>> nearBefore = new ArrayList<>();
    private final List<List<Integer>> allBefore = new ArrayList<>();

    PieceSchedule(List<RegionControl> rows, List<Integer> order, Maker maker) {
        this.maker = maker;
        this.rows = rows;
        this.order = order;
        int n = order.size();
        for (int k = 0; k < n; k++) {
            RegionControl r = rows.get(order.get(k));
            List<Integer> nearK = new ArrayList<>();
            List<Integer> allK = new ArrayList<>();
            if (Math.min(1, r.share()) < SchematicLayout.WHOLE_SHARE) {
                for (int j = 0; j < k; j++) {
                    RegionControl o = rows.get(order.get(j));
                    if (o.controller() == r.controller()) {
                        allK.add(j);
                        if (near(r.region().geometry(), o.region().geometry())) {
                            nearK.add(j);
                        }
                    }
                }
            }
            nearBefore.add(nearK);
            allBefore.add(allK);
        }
    }

    /**
     * Lays out every row: a graph of futures, one per row, each started once the rows it waits for are
     * done. Returns the pieces by row index (null for rows without one).
     */
    SchematicPiece[] run(Executor pool) {
        Helped workers = new Helped(pool);
        int n = order.size();
        List<CompletableFuture<SchematicPiece>> done = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            RegionControl row = rows.get(order.get(k));
            List<Integer> near = nearBefore.get(k);
            List<Integer> all = allBefore.get(k);
            boolean complete = near.size() == all.size();
            CompletableFuture<SchematicPiece> first = after(done, near)
                    .thenApplyAsync(v -> maker.layOut(row, pieces(done, near), complete), workers);
            done.add(complete ? first : first.thenCompose(p -> p != null ? CompletableFuture.completedFuture(p)
                    : after(done, all).thenApplyAsync(v -> maker.layOut(row, pieces(done, all), true), workers)));
        }
        SchematicPiece[] byRow = new SchematicPiece[rows.size()];
        for (int k = 0; k < n; k++) {
            workers.helpUntil(done.get(k));
            byRow[order.get(k)] = Tasks.join(done.get(k));
        }
        return byRow;
    }

    /**
     * The workers, helped by the thread waiting for the pieces. Without it a map's pieces ran one after
     * another on one worker: the other was laying out the base map and then waited in the map's scene for
     * the pieces (a blocked pool thread is not replaced while the pool counts as busy), so a core stood idle
     * for the last third of the layout while pieces that wait for nothing (Kherson beside Luhansk)
     * queued. Tasks go to a queue here; each one hands the pool a job that runs the next queued task, and
     * the waiting thread runs queued tasks itself until what it waits for is done. Which thread lays out a
     * piece does not change it.
     */
    private static final class Helped implements Executor {
        private final Executor pool;
        private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
        // A permit per task queued and per future waited for that completes: wakes the waiting thread.
        private final Semaphore wake = new Semaphore(0);

        Helped(Executor pool) {
            this.pool = pool;
        }

        @Override
        public void execute(Runnable task) {
            queue.add(task);
            wake.release();
            pool.execute(this::runNext);
        }

        private void runNext() {
            Runnable task = queue.poll();
            if (task != null) {
                task.run();
            }
        }

        /** Runs queued tasks on this thread until {@code f} is done (its result is then taken as usual). */
        void helpUntil(CompletableFuture<?> f) {
            f.whenComplete((v, e) -> wake.release());
            while (!f.isDone()) {
                Runnable task = queue.poll();
                if (task != null) {
                    task.run();
                } else {
                    wake.acquireUninterruptibly();
                }
            }
        }
    }

    private static CompletableFuture<Void> after(List<CompletableFuture<SchematicPiece>> done, List<Integer> ks) {
        return CompletableFuture.allOf(ks.stream().map(done::get).toArray(CompletableFuture[]::new));
    }

    /** The pieces of rows {@code ks}, all done, in layout order: what a one-at-a-time layout would see. */
    private static List<SchematicPiece> pieces(List<CompletableFuture<SchematicPiece>> done, List<Integer> ks) {
        List<SchematicPiece> ps = new ArrayList<>(ks.size());
        for (int j : ks) {
            ps.add(done.get(j).join());
        }
        return ps;
    }

    /**
     * True when a piece in region b could seed one in region a: their
     * bounding boxes, grown by {@value SchematicLayout#NEAR_DEG}°, meet. Seeds are boundary
     * within {@value SchematicLayout#TOUCH_M} m (under 0.015° of latitude or longitude at these
     * latitudes) of another piece, which lies in its own region, so this errs
     * only on the side of waiting for a piece that is not needed.
     */
    private static boolean near(Geometry a, Geometry b) {
        Envelope ea = new Envelope(a.getEnvelopeInternal());
        ea.expandBy(SchematicLayout.NEAR_DEG);
        return ea.intersects(b.getEnvelopeInternal());
    }
}
