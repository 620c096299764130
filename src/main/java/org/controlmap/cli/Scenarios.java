package org.controlmap.cli;

import java.nio.file.Path;
import org.controlmap.control.Scenario;
import org.controlmap.control.ScenarioReader;
import org.controlmap.region.RegionCatalogue;
import picocli.CommandLine.Model.CommandSpec;

/** Loads the scenario a command was given, or the bundled one; warnings go to stderr as one line each. */
final class Scenarios {
    private Scenarios() {
    }

    static Scenario load(Path file, RegionCatalogue catalogue, CommandSpec spec) {
        if (file == null) {
            return ScenarioReader.bundled(catalogue);
        }
        return new ScenarioReader(catalogue, w -> spec.commandLine().getErr().println("controlmap: warning: " + w))
                .read(file);
    }
}
