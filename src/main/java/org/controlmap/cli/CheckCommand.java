package org.controlmap.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.controlmap.control.Allocation;
import org.controlmap.control.Controller;
import org.controlmap.control.Scenario;
import org.controlmap.control.ScenarioAllocation;
import org.controlmap.control.claims.CheckReport;
import org.controlmap.control.claims.CheckReportWriter;
import org.controlmap.control.claims.ClaimCheck;
import org.controlmap.control.measure.ControlFile;
import org.controlmap.InputException;
import org.controlmap.io.AtomicOutput;
import org.controlmap.io.FileKind;
import org.controlmap.region.AreaBasis;
import org.controlmap.region.RegionCatalogue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "check", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Checks a report's figures: each statement and headline total as an interval, met or not "
                + "by the measured (--control) or the report's own figures, and whether all can be true at once.",
            "Without options: the bundled scenario (Reuters, November 2024) against its own figures.",
            "Claims that fail are findings: the exit code is 0; bad input exits 2."})
final class CheckCommand implements Callable<Integer> {

    enum Format { TEXT, JSON }

    /** Days between the report's date and the polygons' beyond which check warns: about a month. */
    static final int MAX_DAYS_APART = 31;

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Option(names = "--basis", paramLabel = "official|geometry",
            description = "What region percentages are shares of: official areas (default for scenarios) or "
                    + "the geodesic area of the boundaries (default with control polygons, whose Ukraine total is always a share of the "
                    + "official 603,628 km², as DeepStateMap publishes it).")
    AreaBasis basis;

    @Option(names = "--format", paramLabel = "text|json",
            description = "Output format. Default: json for an -o name ending .json, else text.")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path output;

    /** Taken only to be refused with the reason (docs/regions.md), not as an unknown option. */
    @Mixin
    RegionsOptions regions = new RegionsOptions();

    @Override
    public Integer call() throws IOException {
        input.validate(true);
        regions.validate();
        if (regions.file != null) {
            // A fact-check's verdicts are on the report's own figures, which name bundled regions: districts
            // would change none of them, and district figures in the report would read as checked when
            // nothing checked them.
            throw new InputException("--regions: check tests a report's figures, which are per region, and "
                    + "districts change no verdict; measure districts with areas --control "
                    + (input.control == null ? "FILE" : input.control) + " --regions " + regions.file);
        }
        Format fmt = format;
        if (output != null) {
            AtomicOutput.checkWritable(output);
            AtomicOutput.checkNotInput(output, input.inputs());
            if (fmt == null && FileKind.hasExtension(output, List.of("json"))) {
                fmt = Format.JSON;
            }
        }
        if (fmt == null) {
            fmt = Format.TEXT;
        }
        RegionCatalogue catalogue = RegionCatalogue.bundled();
        Scenario s = input.scenario(catalogue, spec);
        CheckReport report;
        ControlFile file = input.controlFile(spec);
        if (file == null) {
            AreaBasis b = basis == null ? AreaBasis.OFFICIAL : basis;
            Allocation own = ScenarioAllocation.allocate(s, catalogue, b);
            report = ClaimCheck.of(catalogue, b).check(s, own, EnumSet.allOf(Controller.class));
        } else {
            warnIfFarApart(s, file);
            AreaBasis b = basis == null ? AreaBasis.GEOMETRY : basis;
            Allocation measured = file.measure(catalogue, input.attribution.options(b),
                    w -> InputOptions.warn(spec, w)).allocation();
            Set<Controller> drawn = EnumSet.of(input.side());
            drawn.addAll(file.polygons().controllers());
            report = ClaimCheck.of(catalogue, b).check(s, measured, drawn);
        }
        Format f = fmt;
        Output.write(spec, output, out -> write(report, f, out));
        return 0;
    }

    /**
     * A report checked against polygons of another month checks the front's movement as much as the
     * report: say so, naming both dates.
     */
    private void warnIfFarApart(Scenario s, ControlFile file) {
        if (s.date() == null || file.date() == null) {
            return;
        }
        long days = Math.abs(ChronoUnit.DAYS.between(s.date(), file.date()));
        if (days > MAX_DAYS_APART) {
            InputOptions.warn(spec, "the report is dated " + s.date() + " and the control polygons ("
                    + file.path() + ") " + file.date() + ", " + days + " days apart: the front may have moved in "
                    + "between (give --date if the file's date is wrong)");
        }
    }

    private static void write(CheckReport report, Format f, OutputStream out) throws IOException {
        if (f == Format.JSON) {
            CheckReportWriter.json(report, out);
        } else {
            out.write(CheckReportWriter.text(report).getBytes(StandardCharsets.UTF_8));
        }
    }
}
