package org.controlmap.cli;

import java.util.Locale;
import org.controlmap.InputException;
import org.controlmap.render.MapMode;
import org.controlmap.render.MapOptions;

/** The checks of a map's options, one place for every command that draws one (render, report, animate). */
final class MapChecks {
    /** Highest --dpi: beyond it a PNG's stated resolution or a PDF's page is nonsense. */
    static final int MAX_DPI = 2400;

    private MapChecks() {
    }

    /**
     * The map mode {@code --mode} asks for: schematic for a scenario and the polygons themselves for
     * {@code --control} when not given; schematic with polygons is refused.
     */
    static MapMode mode(String mode, boolean control) {
        if (mode == null) {
            return control ? MapMode.POLYGONS : MapMode.SCHEMATIC;
        }
        return switch (mode.toLowerCase(Locale.ROOT)) {
            case "schematic" -> {
                if (control) {
                    throw new InputException("--mode schematic with --control: schematic maps draw percentages; "
                            + "--control draws the real polygons (or use --mode choropleth)");
                }
                yield MapMode.SCHEMATIC;
            }
            case "choropleth" -> MapMode.CHOROPLETH;
            default -> throw new InputException("--mode " + mode + ": must be schematic or choropleth");
        };
    }

    /** {@code --width} in pixels, refused outside 1 to {@link MapOptions#MAX_WIDTH}. */
    static int width(int px) {
        if (px < 1 || px > MapOptions.MAX_WIDTH) {
            throw new InputException("--width " + px + ": must be between 1 and " + MapOptions.MAX_WIDTH + " px");
        }
        return px;
    }

    /** {@code --dpi}, refused outside 1 to {@value #MAX_DPI}. */
    static int dpi(int dpi) {
        if (dpi < 1 || dpi > MAX_DPI) {
            throw new InputException("--dpi " + dpi + ": must be between 1 and " + MAX_DPI);
        }
        return dpi;
    }

    /** {@code --lang}, en or uk, lower case. */
    static String language(String lang) {
        String language = lang.toLowerCase(Locale.ROOT);
        if (!language.equals("en") && !language.equals("uk")) {
            throw new InputException("--lang " + lang + ": must be en or uk");
        }
        return language;
    }
}
