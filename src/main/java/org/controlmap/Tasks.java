package org.controlmap;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Waiting for work handed to other threads (a map's base layer, schematic
 * pieces, a series' batches, an animation's frames): the one way every layer
 * takes a task's result, so a failure in a worker reaches the user as the
 * same exception, and the same one line, as if it had been thrown in the
 * caller's thread.
 */
public final class Tasks {
    private Tasks() {
    }

    /**
     * The task's result. Its failure is rethrown as it was thrown (an unchecked exception or an
     * {@link Error}, unwrapped from {@link ExecutionException} and {@link CompletionException}); a checked
     * one arrives wrapped in an {@link IllegalStateException}. An interrupt while waiting does not stop the
     * wait (the result is needed) and is passed on afterwards.
     */
    public static <T> T join(Future<T> task) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException | CompletionException e) {
            Throwable c = e.getCause();
            while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
                c = c.getCause();
            }
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
