package org.controlmap.control.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.controlmap.control.Controller;
import org.controlmap.geodata.GeoFeature;
import org.controlmap.geodata.GeodesicArea;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Many features merged into held territory: a grid of edge-matched squares (a coverage, merged by dropping
 * shared edges) and a grid of overlapping squares (the full union) both give the ground the full overlay
 * union gives, measured independently here.
 */
class ControlPolygonsUnionTest {
    private static final GeometryFactory GF = new GeometryFactory();

    private static List<GeoFeature> grid(int n, double overlap) {
        List<GeoFeature> fs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                // corners computed from the indices alone, so neighbours share exactly the same vertices
                Geometry sq = GF.toGeometry(new Envelope(35 + 0.02 * i, 35 + 0.02 * (i + 1) + overlap,
                        47 + 0.01 * j, 47 + 0.01 * (j + 1) + overlap));
                fs.add(new GeoFeature(fs.size(), Map.of(), sq));
            }
        }
        return fs;
    }

    private static double fullUnionKm2(List<GeoFeature> fs) {
        return GeodesicArea.km2(OverlayNGRobust.union(fs.stream().map(GeoFeature::geometry).toList()));
    }

    @Test
    void aCoverageOfSquaresGivesTheGroundOfTheFullUnion() {
        List<GeoFeature> fs = grid(30, 0); // 900 squares, above the coverage threshold
        assertThat(fs.size()).isGreaterThanOrEqualTo(ControlPolygons.COVERAGE_MIN_FEATURES);
        Geometry held = ControlPolygons.of(fs, Controller.RU, "grid").held(Controller.RU);
        assertThat(held.isValid()).isTrue();
        assertThat(held.getNumGeometries()).isEqualTo(1);
        double expected = fullUnionKm2(fs);
        assertThat(GeodesicArea.km2(held)).isCloseTo(expected, within(expected * 1e-12));
        assertThat(held.equalsTopo(OverlayNGRobust.union(fs.stream().map(GeoFeature::geometry).toList()))).isTrue();
    }

    @Test
    void overlappingSquaresFallBackToTheFullUnion() {
        List<GeoFeature> fs = grid(20, 0.004); // 400 squares, each overlapping its neighbours
        Geometry held = ControlPolygons.of(fs, Controller.RU, "grid").held(Controller.RU);
        assertThat(held.isValid()).isTrue();
        double expected = fullUnionKm2(fs);
        assertThat(GeodesicArea.km2(held)).isCloseTo(expected, within(expected * 1e-12));
        // and not the sum of the squares, which counts the overlaps twice
        double sum = fs.stream().mapToDouble(f -> GeodesicArea.km2(f.geometry())).sum();
        assertThat(sum).isGreaterThan(expected * 1.2);
    }
}
