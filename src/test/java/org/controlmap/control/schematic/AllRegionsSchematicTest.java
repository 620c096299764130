package org.controlmap.control.schematic;

import static org.controlmap.control.schematic.SchematicLayoutTest.assertGoodPiece;

import java.util.ArrayList;
import java.util.List;
import org.controlmap.control.Allocation;
import org.controlmap.control.Controller;
import org.controlmap.control.RegionControl;
import org.controlmap.region.AreaBasis;
import org.controlmap.region.Region;
import org.controlmap.region.RegionCatalogue;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every bundled region held in part, at shares that exercise each way a piece
 * grows: compact pieces (small shares), bands along the border or along
 * neighbours' pieces, seeds joined along the boundary, and pieces over
 * islands. Whatever the share, each piece must meet the invariants of
 * {@link SchematicLayoutTest#assertGoodPiece}.
 */
// The five shares are independent layouts: run them side by side with other classes (the suite's longest class).
@Execution(ExecutionMode.CONCURRENT)
class AllRegionsSchematicTest {

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 4, 35, 65, 95})
    void everyRegionAtOneShare(double pct) {
        RegionCatalogue cat = RegionCatalogue.bundled();
        List<RegionControl> rows = new ArrayList<>();
        for (Region r : cat.regions()) {
            Controller c = r.country().equals("UA") ? Controller.RU : Controller.UA;
            rows.add(SchematicLayoutTest.row(r, c, pct));
        }
        Allocation a = new Allocation(rows, List.of(), AreaBasis.GEOMETRY, null, "test", false);
        for (SchematicPiece p : SchematicLayout.bundled().pieces(a)) {
            assertGoodPiece(p);
        }
    }
}
