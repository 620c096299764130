package org.controlmap.report;

import org.controlmap.control.Controller;
import org.controlmap.control.Scenario;
import org.controlmap.control.measure.ControlFile;
import org.controlmap.control.measure.ControlSeries;
import org.controlmap.control.measure.MeasureOptions;
import org.controlmap.region.RegionCatalogue;
import org.controlmap.render.MapOptions;

/**
 * What one report bundle is made of, as the command line read it. Each part is what the command that
 * writes the same file on its own ({@code areas}, {@code render}, {@code check}, {@code series}) takes, so
 * the bundle's files have the same bytes as theirs.
 *
 * @param catalogue the regions
 * @param scenario  the report whose figures are checked (the bundled one unless given); without
 *                  {@code control} it is also what the map and the table show
 * @param control   control polygons to measure, drawn and tabled instead of the scenario; or null
 * @param side      the side holding polygons that carry no controller ({@code --controller})
 * @param measure   how polygons are measured; its basis is also the basis of the scenario's table and check
 * @param map       the map's mode, language, title and width in px
 * @param dpi       resolution written into the PNG and the PDF's page scale, dots per inch
 * @param series    held km² over time from dated snapshots, drawn as a chart; or null
 */
public record ReportInputs(RegionCatalogue catalogue, Scenario scenario, ControlFile control, Controller side,
        MeasureOptions measure, MapOptions map, int dpi, ControlSeries series) {
}
