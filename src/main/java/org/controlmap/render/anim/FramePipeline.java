package org.controlmap.render.anim;

import org.controlmap.Tasks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.controlmap.control.measure.ControlSeries;
import org.controlmap.control.measure.SnapshotSequence;
import org.controlmap.render.MapScene;

/**
 * Makes the frames of an animation on a pool of threads and hands them over
 * in date order, with a bounded number in flight, so memory stays the same
 * however many frames there are. Snapshots are measured one after another (a
 * chain of tasks: {@link SnapshotSequence.Meter} shares cell memory between
 * them, and its results then never depend on the threads); laying out and
 * encoding a frame, most of the work, runs on any free thread.
 */
public final class FramePipeline {
    private FramePipeline() {
    }

    /** Turns a frame's scene into what the output takes (SVG or PNG bytes, GIF pixels). */
    public interface Encoder<T> {
        /** Called once, on the caller's thread, with the first frame before any is encoded. */
        default void prepare(MapScene first) throws IOException {
        }

        /** Encodes one frame; called on pool threads, several at once. */
        T encode(int index, MapScene scene) throws IOException;
    }

    /** Takes the encoded frames, in order, on the caller's thread. */
    public interface Sink<T> {
        void accept(int index, SnapshotSequence.Measured measured, T encoded) throws IOException;
    }

    /**
     * Measures, lays out, encodes and hands over every frame.
     *
     * @param frames   the snapshots, in date order (at least one)
     * @param meter    measures them (called in order, one at a time)
     * @param layout   the frame layout, made from the first frame once it is measured
     * @param threads  frames encoded at once (the pool's size)
     * @throws IOException from the encoder or the sink; an encoder's or meter's runtime exception as thrown
     */
    public static <T> void run(List<SnapshotSequence.Snapshot> frames, SnapshotSequence.Meter meter,
            Function<SnapshotSequence.Measured, FrameLayout> layout, Encoder<T> encoder, Sink<T> sink,
            ExecutorService pool, int threads, ControlSeries.Progress progress) throws IOException {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("no frames");
        }
        progress.start(frames.size());
        SnapshotSequence.Measured first = meter.measure(frames.get(0));
        FrameLayout frameLayout = layout.apply(first);
        encoder.prepare(frameLayout.frame(first.snapshot().date(), first.held(), first.heldKm2()));

        // Frames in flight: enough to keep every thread busy while the sink writes, no more.
        int ahead = 2 * Math.max(1, threads) + 1;
        Deque<CompletableFuture<Done<T>>> pending = new ArrayDeque<>();
        CompletableFuture<SnapshotSequence.Measured> chain = CompletableFuture.completedFuture(first);
        int submitted = 0;
        try {
            for (int k = 0; k < frames.size(); k++) {
                while (submitted < frames.size() && submitted < k + ahead) {
                    int i = submitted++;
                    CompletableFuture<SnapshotSequence.Measured> measured = i == 0 ? chain
                            : chain.thenApplyAsync(prev -> meter.measure(frames.get(i)), pool);
                    chain = measured;
                    pending.add(measured.thenApplyAsync(m -> {
                        MapScene scene = frameLayout.frame(m.snapshot().date(), m.held(), m.heldKm2());
                        try {
                            return new Done<>(m, encoder.encode(i, scene));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }, pool));
                }
                Done<T> d = join(pending.poll());
                sink.accept(k, d.measured(), d.encoded());
                progress.step();
            }
        } finally {
            pending.forEach(f -> f.cancel(true));
        }
        progress.finish();
    }

    private record Done<T>(SnapshotSequence.Measured measured, T encoded) {
    }

    /** As {@link Tasks#join}; an I/O failure in a worker (wrapped to cross the thread) arrives as itself. */
    private static <T> T join(CompletableFuture<T> f) throws IOException {
        try {
            return Tasks.join(f);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
