package org.controlmap.cli;

import java.io.PrintWriter;

/**
 * The JVM's own limits, hit: an {@link Error} that reaches {@link Main} becomes one line on stderr and
 * {@link #EXIT_CODE} (3), never a stack trace (only with {@code --debug}). Exit 3 tells a script "the input
 * is valid but too big for this run's memory or stack", apart from bad input (2) and a bug (1).
 */
final class JvmLimits {
    /** Exit code of a run that ran out of heap or stack. */
    static final int EXIT_CODE = 3;

    private JvmLimits() {
    }

    /** Prints one line for {@code e} and returns the exit code: 3 for memory or stack, 1 for any other Error. */
    static int report(Error e, PrintWriter err, boolean debug) {
        if (debug) {
            e.printStackTrace(err);
        }
        if (e instanceof OutOfMemoryError) {
            long mb = Runtime.getRuntime().maxMemory() >> 20;
            err.println("controlmap: out of memory (the Java heap is capped at " + mb + " MB): the input is too"
                    + " large for this run; give Java more with CONTROLMAP_JAVA_OPTS=-Xmx4g, or split or simplify"
                    + " the input (docs/inputs.md, Limits)");
            return EXIT_CODE;
        }
        if (e instanceof StackOverflowError) {
            err.println("controlmap: out of stack space: the input's geometry is too deeply nested or too complex"
                    + " for this run; give Java more with CONTROLMAP_JAVA_OPTS=-Xss16m, or simplify the input"
                    + " (docs/inputs.md, Limits)");
            return EXIT_CODE;
        }
        err.println("controlmap: internal error: " + e + (debug ? "" : " (run with --debug for details; please"
                + " report it)"));
        return 1;
    }
}
