package org.controlmap.cli;

import org.controlmap.render.MapMode;
import picocli.CommandLine.Option;

/**
 * What a control map shows and in which language, declared once for {@code render} and {@code report} (the
 * bundle's map is render's): {@code --mode} and {@code --lang}, checked by {@link MapChecks}.
 */
final class MapLookOptions {

    @Option(names = "--mode", paramLabel = "schematic|choropleth",
            description = "schematic (default for scenarios): each region's share drawn to scale as one piece, "
                    + "not a real front; choropleth: regions shaded by share. With --control the polygons are "
                    + "drawn unless choropleth is asked for.")
    String mode;

    @Option(names = "--lang", paramLabel = "en|uk", defaultValue = "en",
            description = "Language of labels, legend and notes (report: also of the page; its table and claims "
                    + "stay English, as areas and check write them). Default: en.")
    String lang;

    /** The mode asked for, or the default for the input ({@link MapChecks#mode}). */
    MapMode mode(boolean control) {
        return MapChecks.mode(mode, control);
    }

    /** {@code --lang}, checked ({@link MapChecks#language}). */
    String language() {
        return MapChecks.language(lang);
    }
}
