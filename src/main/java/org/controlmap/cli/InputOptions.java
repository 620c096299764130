package org.controlmap.cli;



import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.controlmap.control.Controller;
import org.controlmap.control.Scenario;
import org.controlmap.control.ScenarioReader;
import org.controlmap.control.ScenarioSource;
import org.controlmap.control.measure.ControlFile;
import org.controlmap.InputException;
import org.controlmap.geodata.FeatureSelection;
import org.controlmap.geodata.ReadProgress;
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
            description = "Control polygons to measure (territory held by one side, e.g. a DeepStateMap export): "
                    + "GeoJSON, .geojson.gz, KML, KMZ, GeoPackage or FlatGeobuf (docs/inputs.md).")
    Path control;

    @Option(names = "--controller", paramLabel = "RU|UA",
            description = "With --control: side holding polygons that have no 'controller' property. Default: RU.")
    Controller controller;

    @Mixin
    AttributionOptions attribution = new AttributionOptions();

    @Mixin
    SelectionOptions selection = new SelectionOptions();

    @Option(names = "--source", paramLabel = "TEXT",
            description = "Credit printed with the figures (caption, map footer, check header) instead of the "
                    + "--control file's or else the scenario's.")
    String source;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "Date the figures describe, instead of the one read from the --control file's name or "
                    + "properties, or else from the scenario.")
    String date;

    /**
     * Refuses option combinations that make no sense, before any work.
     *
     * @param scenarioWithControl whether the command uses both (check: claims against measurement)
     */
    void validate(boolean scenarioWithControl) {
        validate(scenarioWithControl, control != null);
    }

    /**
     * As {@link #validate(boolean)}, for a command that may measure polygons other than --control's
     * (report's snapshots): {@code measuring} allows --attribution and --where without --control.
     */
    void validate(boolean scenarioWithControl, boolean measuring) {
        if (!scenarioWithControl && control != null && scenario != null) {
            throw new InputException("give --scenario or --control, not both");
        }
        if (control == null && controller != null) {
            throw new InputException("--controller needs --control");
        }
        attribution.validate(measuring);
        if (!measuring && (selection.where.length > 0 || selection.layer != null)) {
            throw new InputException((selection.layer != null ? "--layer" : "--where") + " needs --control");
        }
        selection.selection();
        date();
    }

    /** The --date given, or null. */
    LocalDate date() {
        return date == null ? null : parseDate("--date", date);
    }

    /** An option's YYYY-MM-DD value; anything else is a one-line {@link InputException}. */
    static LocalDate parseDate(String option, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InputException(option + " " + text + ": not a date; write YYYY-MM-DD, e.g. 2024-11-20");
        }
    }

    /** The files read, so that no output overwrites one. */
    Path[] inputs() {
        return new Path[] {scenario, control};
    }

    /**
     * The --scenario file read, its warnings on stderr; the bundled scenario without one. Without
     * --control, --source and --date replace the scenario's credit and date (with --control they are the
     * polygons').
     */
    Scenario scenario(RegionCatalogue catalogue, CommandSpec spec) {
        Scenario s = scenario == null ? ScenarioReader.bundled(catalogue)
                : new ScenarioReader(catalogue, w -> warn(spec, w)).read(scenario);
        if (control != null || (source == null && date == null)) {
            return s;
        }
        // The report's own citation stays (url, quote); its short credit becomes the given text.
        ScenarioSource src = source == null ? s.source()
                : new ScenarioSource(source, null, null, s.source().url(), s.source().quote());
        return new Scenario(s.file(), date == null ? s.date() : date(), src, s.statements(), s.totals());
    }

    /** The --control file read, its warnings on stderr; null without --control. */
    ControlFile controlFile(CommandSpec spec) {
        if (control == null) {
            return null;
        }
        ControlFile file = read(control, side(), date(), source, selection.selection(), spec);
        if (file.date() == null) {
            warn(spec, file.noDateWarning("--date"));
        }
        return file;
    }

    /**
     * Reads a control file ({@link ControlFile#read}), its warnings on stderr, and a progress line there while
     * a large one is read ({@link ReadProgressLine}: only on a terminal, only after two seconds).
     */
    static ControlFile read(Path file, Controller side, LocalDate date, String source, FeatureSelection selection,
            CommandSpec spec) {
        ReadProgress progress = ReadProgressLine.on(file.toString(), spec.commandLine().getErr());
        try {
            return ControlFile.read(file, side, date, source, selection, progress, w -> {
                ReadProgressLine.clear(progress);
                warn(spec, w);
            });
        } finally {
            ReadProgressLine.clear(progress);
        }
    }

    /** One warning line on stderr. */
    static void warn(CommandSpec spec, String w) {
        spec.commandLine().getErr().println("controlmap: warning: " + w);
    }

    /** The side holding polygons without a controller property. */
    Controller side() {
        return controller == null ? Controller.RU : controller;
    }

}
