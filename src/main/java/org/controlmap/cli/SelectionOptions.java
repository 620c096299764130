package org.controlmap.cli;

import java.util.List;
import org.controlmap.geodata.FeatureSelection;
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

    /** The selection given; parsing errors are one-line InputExceptions. */
    FeatureSelection selection() {
        return FeatureSelection.parse(layer, List.of(where));
    }
}
