package org.controlmap.cli;

import java.util.List;
import org.controlmap.geodata.FeatureSelection;
import org.controlmap.InputException;
import org.controlmap.geodata.InputLimit;
import org.controlmap.geodata.Quote;
import picocli.CommandLine.Option;

/** Which features of a control file count: {@code --where} and {@code --layer} (docs/inputs.md). */
final class SelectionOptions {

    @Option(names = "--where", paramLabel = "PROP=VALUE",
            description = "Count only features whose property matches: PROP=VALUE (equal, ignoring case), "
                    + "PROP!=VALUE, PROP~TEXT (contains). Repeat for all of several. E.g. --where name=Occupied.")
    String[] where = {}; // an array, not a List: picocli then needs no generic-type reflection at start-up

    @Option(names = "--layer", paramLabel = "NAME",
            description = "GeoPackage feature table to read, when the file has several.")
    String layer;

    @Option(names = InputLimit.OPTION, paramLabel = "MB",
            description = "Refuse control files larger than MB megabytes (2^20 bytes) uncompressed; default "
                    + InputLimit.DEFAULT_MB + ", or the environment variable " + InputLimit.ENV + ".")
    String maxInputMb; // text, not a number: the message for a bad value names where it came from

    /** The selection given; parsing errors are one-line InputExceptions. */
    FeatureSelection selection() {
        return FeatureSelection.parse(layer, List.of(where)).withMaxBytes(maxInputBytes(maxInputMb,
                System.getenv(InputLimit.ENV)));
    }

    /**
     * The size limit in bytes: the option's, else the environment variable's, else the default; a value that
     * is not a positive whole number is a one-line InputException naming where it came from.
     */
    static long maxInputBytes(String option, String env) {
        String text = option != null ? option : env != null && !env.isBlank() ? env : null;
        if (text == null) {
            return InputLimit.DEFAULT_BYTES;
        }
        String from = option != null ? InputLimit.OPTION + " " + Quote.cut(text)
                : InputLimit.ENV + "=" + Quote.cut(text);
        long mb;
        try {
            mb = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new InputException(from + ": give a whole number of megabytes, e.g. " + InputLimit.DEFAULT_MB);
        }
        if (mb <= 0 || mb > (Long.MAX_VALUE >> 21)) {
            throw new InputException(from + ": give a whole number of megabytes from 1 up, e.g. "
                    + InputLimit.DEFAULT_MB);
        }
        return mb * InputLimit.MB;
    }
}
