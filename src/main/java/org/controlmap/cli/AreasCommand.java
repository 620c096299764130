package org.controlmap.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "areas", description = "Table of controlled km² per region (CSV by default).")
final class AreasCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
