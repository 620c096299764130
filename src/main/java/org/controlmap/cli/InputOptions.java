package org.controlmap.cli;

import java.nio.file.Path;
import org.controlmap.control.Controller;
import org.controlmap.control.Scenario;
import org.controlmap.control.ScenarioReader;
import org.controlmap.control.measure.ControlFile;
import org.controlmap.geodata.InputException;
import org.controlmap.region.RegionCatalogue;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options that say where control figures come from: a scenario, or control polygons to measure. */
final class InputOptions {

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Scenario file (YAML or JSON, see docs/scenario-format.md). Default: the bundled one "
                    + "(Reuters, November 2024).")
    Path scenario;

    @Option(names = "--control", paramLabel = "FILE",
            description = "Control polygons to measure (GeoJSON or .geojson.gz of territory held by one side, "
                    + "e.g. a DeepStateMap export).")
    Path control;

    @Option(names = "--controller", paramLabel = "RU|UA",
            description = "With --control: side holding polygons that have no 'controller' property. Default: RU.")
    Controller controller;

    @Mixin
    AttributionOptions attribution = new AttributionOptions();

    /**
     * Refuses option combinations that make no sense, before any work.
     *
     * @param scenarioWithControl whether the command uses both (check: claims against measurement)
     */
    void validate(boolean scenarioWithControl) {
        if (!scenarioWithControl && control != null && scenario != null) {
            throw new InputException("give --scenario or --control, not both");
        }
        if (control == null && controller != null) {
            throw new InputException("--controller needs --control");
        }
        attribution.validate(control != null);
    }

    /** The files read, so that no output overwrites one. */
    Path[] inputs() {
        return new Path[] {scenario, control};
    }

    /** The --scenario file read, its warnings on stderr; the bundled scenario without one. */
    Scenario scenario(RegionCatalogue catalogue, CommandSpec spec) {
        if (scenario == null) {
            return ScenarioReader.bundled(catalogue);
        }
        return new ScenarioReader(catalogue, w -> spec.commandLine().getErr().println("controlmap: warning: " + w))
                .read(scenario);
    }

    /** The --control file read, its warnings on stderr; null without --control. */
    ControlFile controlFile(CommandSpec spec) {
        if (control == null) {
            return null;
        }
        return ControlFile.read(control, side(),
                w -> spec.commandLine().getErr().println("controlmap: warning: " + w));
    }

    /** The side holding polygons without a controller property. */
    Controller side() {
        return controller == null ? Controller.RU : controller;
    }
}
