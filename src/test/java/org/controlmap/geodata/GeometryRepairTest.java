package org.controlmap.geodata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/** The part-by-part validity check of large MultiPolygons gives IsValidOp's verdict. */
class GeometryRepairTest {

    private static final WKTReader WKT = new WKTReader();

    @Test
    void partByPartAgreesWithIsValidOp() throws ParseException {
        List<String> cases = List.of(
                // valid: apart, an island in a hole, two parts touching at a shared vertex
                "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)), ((20 0, 30 0, 30 10, 20 10, 20 0)))",
                "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 8 2, 8 8, 2 8, 2 2)),"
                        + " ((4 4, 6 4, 6 6, 4 6, 4 4)))",
                "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)), ((10 10, 20 10, 20 20, 10 20, 10 10)))",
                // valid: a part's vertex on the other's edge (a touch, not a shared vertex)
                "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)), ((10 5, 20 0, 20 10, 10 5)))",
                // invalid: nested shells (a part inside another, not in a hole)
                "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)), ((4 4, 6 4, 6 6, 4 6, 4 4)))",
                // invalid: nested, touching the outer part's shell at one vertex
                "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)), ((0 0, 6 4, 6 6, 4 6, 0 0)))",
                // invalid: overlapping parts, crossing rings
                "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)), ((5 5, 15 5, 15 15, 5 15, 5 5)))",
                // invalid: parts sharing an edge
                "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)), ((10 0, 20 0, 20 10, 10 10, 10 0)))",
                // invalid inside one part: a bow-tie, a hole outside its shell
                "MULTIPOLYGON (((0 0, 10 10, 10 0, 0 10, 0 0)), ((20 0, 30 0, 30 10, 20 10, 20 0)))",
                "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0), (12 2, 14 2, 14 4, 12 4, 12 2)),"
                        + " ((20 0, 30 0, 30 10, 20 10, 20 0)))");
        int invalid = 0;
        for (String wkt : cases) {
            Geometry g = WKT.read(wkt);
            TopologyValidationError want = new IsValidOp(g).getValidationError();
            TopologyValidationError got = GeometryRepair.validationError(g, 0);
            if (want == null) {
                assertThat(got).as(wkt).isNull();
            } else {
                invalid++;
                assertThat(got).as(wkt).isNotNull();
                assertThat(got.getErrorType()).as(wkt).isEqualTo(want.getErrorType());
            }
        }
        assertThat(invalid).isEqualTo(6);
    }
}
