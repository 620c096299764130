package org.controlmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.controlmap.control.Allocation;
import org.controlmap.control.Scenario;
import org.controlmap.control.ScenarioAllocation;
import org.controlmap.control.ScenarioReader;
import org.controlmap.geodata.GeodesicArea;
import org.controlmap.region.AreaBasis;
import org.controlmap.region.CountryOutline;
import org.controlmap.region.RegionCatalogue;
import org.controlmap.render.ControlMap;
import org.controlmap.render.MapFormat;
import org.controlmap.render.MapMode;
import org.controlmap.render.MapOptions;
import org.controlmap.render.MapScene;
import org.controlmap.table.AreaTable;
import org.controlmap.table.TableFormat;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/** The README's "Java API" section, as written there (output streams aside). */
class ReadmeExampleTest {

    @Test
    void theJavaApiExampleRuns() throws Exception {
        ByteArrayOutputStream tableOut = new ByteArrayOutputStream();
        ByteArrayOutputStream svgOut = new ByteArrayOutputStream();
        var anyLonLatGeometry = new GeometryFactory().toGeometry(new Envelope(30, 31, 48, 49));

        RegionCatalogue regions = RegionCatalogue.bundled();
        Scenario report = ScenarioReader.bundled(regions);
        Allocation held = ScenarioAllocation.allocate(report, regions, AreaBasis.OFFICIAL);
        AreaTable table = AreaTable.of(held, regions, report.totals());
        TableFormat.MD.write(table, tableOut);
        double km2 = GeodesicArea.km2(anyLonLatGeometry);

        MapScene scene = ControlMap.start(regions.regions(), CountryOutline.bundled(),
                new MapOptions(MapMode.SCHEMATIC, "en", null, 1600)).scenario(held, false).scene();
        MapFormat.SVG.write(scene, 200, svgOut);

        assertThat(tableOut.toString(StandardCharsets.UTF_8)).contains("Zaporizhzhia").contains("**109,520**");
        assertThat(km2).isBetween(8200.0, 8300.0);
        assertThat(svgOut.toString(StandardCharsets.UTF_8)).startsWith("<?xml").contains("data-iso=\"UA-23\"");
    }
}
