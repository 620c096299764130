package org.controlmap.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.controlmap.geodata.ReadProgress;

/**
 * One updating line on stderr while a large control file is read: {@code reading FILE: 120 of 250 MB,
 * 410,000 features}. It appears only once the reading has taken {@value #DELAY_MS} ms (a normal file is read
 * in well under a second and shows nothing), is redrawn at most every {@value #EVERY_MS} ms, and is wiped
 * by {@link #clear} before a warning is printed and when the reading ends, so nothing of it stays in the
 * terminal's scroll-back.
 *
 * <p>Only for a person watching: {@link #on} gives one only when stderr is a terminal
 * ({@link Terminal#stderrIsTerminal}), the rule the series progress bar follows; a log file or a pipe would
 * only collect carriage returns, so there is no option to force it.
 */
final class ReadProgressLine implements ReadProgress {
    static final long DELAY_MS = 2000;
    static final long EVERY_MS = 250;

    private final String file;
    private final PrintWriter err;
    private final LongSupplier clockMs;
    private final long start;
    private long drawn = Long.MIN_VALUE / 2; // never drawn: far enough back not to overflow
    private int width;

    /**
     * @param file    the file, as the line names it
     * @param err     where the line goes
     * @param clockMs milliseconds from any origin (the monotonic {@code System.nanoTime() / 1e6} in use; a test's clock)
     */
    ReadProgressLine(String file, PrintWriter err, LongSupplier clockMs) {
        this.file = file;
        this.err = err;
        this.clockMs = clockMs;
        this.start = clockMs.getAsLong();
    }

    /** A line for reading {@code file} when stderr is a terminal, else {@link ReadProgress#NONE}. */
    static ReadProgress on(String file, PrintWriter err) {
        return Terminal.stderrIsTerminal() ? new ReadProgressLine(file, err, () -> System.nanoTime() / 1_000_000)
                : ReadProgress.NONE;
    }

    /** Wipes the line, if one is shown (before a warning, and when the reading ends). */
    static void clear(ReadProgress progress) {
        if (progress instanceof ReadProgressLine line) {
            line.clear();
        }
    }

    @Override
    public synchronized void update(long bytesRead, long bytesTotal, long features) {
        long now = clockMs.getAsLong();
        if (now - start < DELAY_MS || now - drawn < EVERY_MS) {
            return;
        }
        drawn = now;
        String text = text(file, bytesRead, bytesTotal, features);
        err.print("\r" + text + " ".repeat(Math.max(0, width - text.length())));
        err.flush();
        width = text.length();
    }

    /** The line's text. */
    static String text(String file, long bytesRead, long bytesTotal, long features) {
        StringBuilder sb = new StringBuilder("reading ").append(file).append(": ");
        if (bytesRead >= 0) {
            sb.append(mb(bytesRead));
            if (bytesTotal > 0) {
                sb.append(" of ").append(mb(bytesTotal));
            }
            sb.append(" MB, ");
        }
        return sb.append(String.format(Locale.ROOT, "%,d", features)).append(features == 1 ? " feature" : " features")
                .toString();
    }

    private static String mb(long bytes) {
        return Long.toString((bytes + (1 << 19)) >> 20);
    }

    synchronized void clear() {
        if (width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
            width = 0;
        }
    }
}
