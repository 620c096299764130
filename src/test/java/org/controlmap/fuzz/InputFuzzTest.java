package org.controlmap.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.controlmap.control.Attribution;
import org.controlmap.control.Controller;
import org.controlmap.control.ScenarioReader;
import org.controlmap.control.measure.ControlOverlay;
import org.controlmap.control.measure.ControlPolygons;
import org.controlmap.control.measure.MeasureOptions;
import org.controlmap.geodata.GeoFeature;
import org.controlmap.geodata.GeoJsonReader;
import org.controlmap.InputException;
import org.controlmap.region.RegionCatalogue;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Fuzz targets for what reads user input: the GeoJSON reader, the scenario
 * reader, and region × control overlay. The contract under fuzzing: any input
 * either reads, or fails with an {@link InputException} (a one-line message
 * for the user); anything else (a runtime exception, an error) is a bug.
 *
 * <p>Under {@code mvn verify} Jazzer replays the committed inputs in
 * {@code src/test/resources/org/controlmap/fuzz/InputFuzzTestInputs/<target>/}
 * (regression mode); {@code JAZZER_FUZZ=1 mvn test -Dtest=InputFuzzTest} fuzzes
 * for real and adds what it finds there (docs/fuzzing.md).
 */
class InputFuzzTest {
    private static final RegionCatalogue CATALOGUE = RegionCatalogue.bundled();
    private static final ControlOverlay OVERLAY = ControlOverlay.of(CATALOGUE);
    private static final GeometryFactory GF = new GeometryFactory();

    @FuzzTest(maxDuration = "30s")
    void geoJsonReader(byte[] input) {
        try {
            List<GeoFeature> fs = new GeoJsonReader(w -> { }).read(new ByteArrayInputStream(input), "fuzz.geojson");
            for (GeoFeature f : fs) {
                if (f.geometry() != null && !f.geometry().isValid()) {
                    throw new AssertionError("the reader returned an invalid geometry: " + f.geometry());
                }
            }
        } catch (InputException expected) {
            // a located one-line message: what a user gets
        }
    }

    @FuzzTest(maxDuration = "30s")
    void scenarioReader(byte[] input) {
        try {
            new ScenarioReader(CATALOGUE, w -> { }).read(input, "fuzz.yaml");
        } catch (InputException expected) {
            // a located one-line message: what a user gets
        }
    }

    /** A ring of fuzzed points over and around Ukraine, repaired like a control file's, measured both ways. */
    @FuzzTest(maxDuration = "30s")
    void overlay(FuzzedDataProvider data) {
        int n = data.consumeInt(3, 40);
        List<Coordinate> ring = new ArrayList<>();
        for (int i = 0; i < n && data.remainingBytes() > 0; i++) {
            ring.add(new Coordinate(data.consumeRegularDouble(20, 42), data.consumeRegularDouble(43, 54)));
        }
        if (ring.size() < 3) {
            return;
        }
        ring.add(ring.get(0));
        Geometry g = org.locationtech.jts.geom.util.GeometryFixer.fix(GF.createPolygon(
                ring.toArray(Coordinate[]::new)));
        Controller side = data.consumeBoolean() ? Controller.RU : Controller.UA;
        ControlPolygons cp = ControlPolygons.of(side, g, "fuzz");
        for (Attribution a : Attribution.values()) {
            try {
                var m = OVERLAY.measure(cp, MeasureOptions.defaults().withAttribution(a));
                m.allocation().rows().forEach(r -> {
                    if (!(r.controlledPct() >= 0 && r.controlledPct() <= 100)) {
                        throw new AssertionError("share out of range: " + r);
                    }
                });
            } catch (InputException expected) {
                // e.g. an overlay JTS cannot node, reported to the user in one line
            }
        }
    }
}
