package org.controlmap.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.controlmap.control.measure.ControlSeries;

/** What the process's standard error is, and progress bars on it. */
final class Terminal {
    private Terminal() {
    }

    /**
     * Whether standard error is a terminal. {@code System.console()} is no answer: on Java 17 it is null as
     * soon as standard output is redirected ({@code series … > table.csv}), though a person still watches
     * stderr. On Linux the link /proc/self/fd/2 tells (a terminal is /dev/pts/N, /dev/ttyN or /dev/console);
     * elsewhere the console test is the best there is.
     */
    static boolean stderrIsTerminal() {
        try {
            return isTerminalDevice(Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /** Whether a device path is a terminal's. */
    static boolean isTerminalDevice(String device) {
        return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty") || device.equals("/dev/console");
    }

    /** A progress bar named {@code task} on stderr when stderr is a terminal; else nothing. */
    static ControlSeries.Progress progress(String task) {
        if (!stderrIsTerminal()) {
            return ControlSeries.SILENT;
        }
        return new ControlSeries.Progress() {
            private ProgressBar bar;

            @Override
            public synchronized void start(long total) {
                bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200)
                        .setConsumer(new ConsoleProgressBarConsumer(System.err)).clearDisplayOnFinish().build();
            }

            @Override
            public synchronized void step() {
                if (bar != null) {
                    bar.step();
                }
            }

            @Override
            public synchronized void finish() {
                if (bar != null) {
                    bar.close();
                    bar = null;
                }
            }
        };
    }
}
