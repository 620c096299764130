package org.controlmap.cli;

import java.util.concurrent.ForkJoinPool;

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

    /** {@code threads} threads ({@code --threads}), or the shared pool when not given. */
    static ForkJoinPool of(Integer threads) {
        return threads == null || threads == Runtime.getRuntime().availableProcessors() ? shared()
                : new ForkJoinPool(threads);
    }
}
