package org.controlmap.cli;

import java.util.concurrent.ForkJoinPool;
import org.controlmap.InputException;

/**
 * The worker threads of a run, owned by the CLI and handed to the core as an
 * {@link java.util.concurrent.Executor}: reading ahead at start-up, laying out
 * a map beside its pieces, measuring a series' batches, drawing an
 * animation's frames. A {@link ForkJoinPool}, because tasks of a map wait on
 * one another ({@code CompletableFuture.join}) and the pool then lends a
 * thread instead of deadlocking; its threads are daemons, so an error or
 * {@code System.exit} never waits for them.
 */
final class Workers {
    private static volatile ForkJoinPool shared;

    private Workers() {
    }

    /** One thread per core. */
    static ForkJoinPool shared() {
        ForkJoinPool p = shared;
        if (p == null) {
            synchronized (Workers.class) {
                if (shared == null) {
                    shared = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
                }
                p = shared;
            }
        }
        return p;
    }

    /**
     * The most {@code --threads} may ask for: more than the cores helps a little where work waits (a series'
     * reads), far more only costs memory (a thread's stack, a batch in flight each).
     */
    static int maxThreads() {
        return Math.max(64, 4 * Runtime.getRuntime().availableProcessors());
    }

    /** Refuses a {@code --threads} value below 1 or above {@link #maxThreads()}; null (not given) passes. */
    static void check(Integer threads) {
        if (threads != null && (threads < 1 || threads > maxThreads())) {
            throw new InputException("--threads " + threads + ": must be between 1 and " + maxThreads());
        }
    }

    /** {@code threads} threads ({@code --threads}), or the shared pool when not given. */
    static ForkJoinPool of(Integer threads) {
        return threads == null || threads == Runtime.getRuntime().availableProcessors() ? shared()
                : new ForkJoinPool(threads);
    }
}
