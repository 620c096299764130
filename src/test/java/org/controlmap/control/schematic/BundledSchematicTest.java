package org.controlmap.control.schematic;

import org.controlmap.geodata.LocalProjection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.controlmap.control.schematic.SchematicLayoutTest.assertGoodPiece;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.controlmap.control.Allocation;
import org.controlmap.control.Controller;
import org.controlmap.control.RegionControl;
import org.controlmap.geodata.GeoJsonWriter;
import org.controlmap.region.AreaBasis;
import org.controlmap.region.CountryOutline;
import org.controlmap.region.Region;
import org.controlmap.region.RegionCatalogue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Schematic pieces on the bundled regions and outlines, for the figures of the
 * bundled Reuters scenario (written out here, so this test does not depend on
 * the scenario reader): all of Crimea and Sevastopol, 80 % of Donetsk and
 * Luhansk, 70 % of Zaporizhzhia and Kherson, 3 % of Kharkiv, 0.5 % of Mykolaiv
 * (Russia), 650 km² of Kursk (Ukraine).
 */
class BundledSchematicTest {
    private static RegionCatalogue cat;
    private static Allocation reuters;
    private static List<SchematicPiece> pieces;
    /** Roughly TOUCH_M at Ukraine's latitudes, in degrees of latitude. */
    private static final double TOUCH_DEG = 0.012;

    @BeforeAll
    static void layOut() {
        cat = RegionCatalogue.bundled();
        Map<String, Double> pct = Map.of("UA-40", 100.0, "UA-43", 100.0, "UA-14", 80.0, "UA-09", 80.0,
                "UA-23", 70.0, "UA-65", 70.0, "UA-63", 3.0, "UA-48", 0.5);
        List<RegionControl> rows = new ArrayList<>();
        for (Region r : cat.regions()) {
            if (pct.containsKey(r.iso())) {
                rows.add(SchematicLayoutTest.row(r, Controller.RU, pct.get(r.iso())));
            } else if (r.iso().equals("RU-KRS")) {
                rows.add(SchematicLayoutTest.row(r, Controller.UA, 100 * 650 / r.areaKm2()));
            }
        }
        reuters = new Allocation(rows, List.of(), AreaBasis.GEOMETRY, null, "test", false);
        pieces = SchematicLayout.bundled().pieces(reuters);
    }

    private static SchematicPiece piece(String iso) {
        return pieces.stream().filter(p -> p.region().iso().equals(iso)).findFirst().orElseThrow();
    }

    private static Geometry outline(String iso) {
        return CountryOutline.bundled(iso).orElseThrow().geometry();
    }

    @Test
    void onePiecePerRowInCatalogueOrderWithTheRightArea() {
        assertThat(pieces).extracting(p -> p.region().iso())
                .containsExactly("UA-09", "UA-14", "UA-23", "UA-40", "UA-43", "UA-48", "UA-63", "UA-65", "RU-KRS");
        for (SchematicPiece p : pieces) {
            assertGoodPiece(p);
        }
        assertThat(piece("UA-43").whole()).isTrue();
        assertThat(piece("UA-40").whole()).isTrue();
        assertThat(piece("RU-KRS").areaKm2()).isCloseTo(650, within(650 * SchematicLayout.AREA_TOLERANCE));
        assertThat(piece("UA-48").areaKm2()).isCloseTo(0.005 * piece("UA-48").region().areaKm2(), within(0.1));
    }

    @Test
    void piecesInRegionsBorderingTheHolderGrowFromThatBorder() {
        Geometry russia = outline("RU");
        for (String iso : List.of("UA-09", "UA-14")) {
            assertThat(piece(iso).grownFrom()).startsWith("border with Russia");
            assertThat(piece(iso).geometry().distance(russia)).as(iso).isLessThan(TOUCH_DEG);
        }
        assertThat(piece("RU-KRS").grownFrom()).isEqualTo("border with Ukraine");
        assertThat(piece("RU-KRS").geometry().distance(outline("UA"))).isLessThan(TOUCH_DEG);
    }

    @Test
    void smallSharesAreCompactPiecesNotHairlinesAlongTheBorder() {
        // Thickness 2·area/perimeter in the region's equal-area plane: a band
        // along the whole border would be 3-4 km thick, a compact piece of
        // 650-940 km² about 10 km (its border side is wiggly).
        for (String iso : List.of("UA-63", "RU-KRS")) {
            Geometry g = piece(iso).geometry();
            Geometry plane = LocalProjection.centredOn(g).project(g);
            double thicknessKm = 2 * plane.getArea() / plane.getLength() / 1000;
            assertThat(thicknessKm).as(iso).isGreaterThan(8);
        }
        // A small share grows from a neighbour's piece before the holder's border (issue 9, item 6):
        // Kharkiv's 3 % next to Luhansk's piece (east of the Oskil, as at Kupiansk), not at Vovchansk.
        assertThat(piece("UA-63").grownFrom()).isEqualTo("Luhansk");
        assertThat(piece("UA-63").geometry().distance(piece("UA-09").geometry())).isLessThan(TOUCH_DEG);
        assertThat(piece("RU-KRS").geometry().distance(outline("UA"))).isLessThan(TOUCH_DEG);
    }

    @Test
    void piecesContinueFromNeighbours() {
        // Kherson reaches Crimea only over the isthmuses, yet grows from it.
        assertThat(piece("UA-65").grownFrom()).contains("Crimea");
        assertThat(piece("UA-65").geometry().distance(piece("UA-43").geometry())).isLessThan(TOUCH_DEG);
        // Zaporizhzhia has no border with Russia: it grows from its neighbours' pieces.
        assertThat(piece("UA-23").grownFrom()).containsAnyOf("Donetsk", "Kherson");
        assertThat(piece("UA-23").geometry().distance(piece("UA-65").geometry())).isLessThan(TOUCH_DEG);
        // ... and meets both: held ground runs from Crimea through Kherson and Zaporizhzhia to Donetsk.
        assertThat(piece("UA-23").grownFrom()).contains("Donetsk").contains("Kherson");
        assertThat(piece("UA-23").geometry().distance(piece("UA-14").geometry())).isLessThan(TOUCH_DEG);
        // Mykolaiv's sliver sits against Kherson's piece.
        assertThat(piece("UA-48").grownFrom()).isEqualTo("Kherson");
        assertThat(piece("UA-48").geometry().distance(piece("UA-65").geometry())).isLessThan(TOUCH_DEG);
        assertThat(piece("UA-48").geometry()).isInstanceOf(Polygon.class);
    }

    @Test
    void deterministicToTheByte() {
        List<SchematicPiece> again = SchematicLayout.bundled().pieces(reuters);
        byte[] a = GeoJsonWriter.toBytes(pieces.stream().map(SchematicPiece::feature).toList());
        byte[] b = GeoJsonWriter.toBytes(again.stream().map(SchematicPiece::feature).toList());
        assertThat(b).isEqualTo(a);
        String text = new String(a, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("\"iso_3166_2\":\"UA-14\",\"name\":\"Donetsk\",\"controller\":\"RU\","
                + "\"target_km2\":").contains("\"share_pct\":80,\"schematic\":true,\"grown_from\":");
    }

    @Test
    void laidOutConcurrentlyAsOneAtATime() {
        List<SchematicPiece> one = new SchematicLayout(CountryOutline.bundled(), Runnable::run).pieces(reuters);
        List<SchematicPiece> two = new SchematicLayout(CountryOutline.bundled(), new java.util.concurrent.ForkJoinPool(2)).pieces(reuters);
        assertThat(two).hasSameSizeAs(one);
        for (int i = 0; i < one.size(); i++) {
            assertThat(two.get(i).grownFrom()).isEqualTo(one.get(i).grownFrom());
            assertThat(two.get(i).areaKm2()).isEqualTo(one.get(i).areaKm2());
            assertThat(two.get(i).geometry().equalsExact(one.get(i).geometry())).as(one.get(i).region().iso()).isTrue();
        }
    }
}
