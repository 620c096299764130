package org.controlmap.control.measure;

import org.controlmap.table.ChangeTable;
import org.controlmap.table.TableFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.controlmap.control.measure.Fixtures.box;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.controlmap.control.Attribution;
import org.controlmap.control.Controller;
import org.controlmap.geodata.GeodesicArea;
import org.junit.jupiter.api.Test;

class ControlChangeTest {
    private static final MeasureOptions CLIP = MeasureOptions.defaults().withAttribution(Attribution.CLIP);

    private final ControlOverlay overlay = Fixtures.overlay();
    private final ControlPolygons a = ControlPolygons.of(Controller.RU, box(30.5, 31.5, 48, 49), "a");
    private final ControlPolygons b = ControlPolygons.of(Controller.RU, box(31, 32.5, 48, 48.5), "b");

    @Test
    void gainsFromAToBAreLossesFromBToA() {
        ControlChange ab = ControlChange.between(overlay, a, b, Controller.RU, CLIP);
        ControlChange ba = ControlChange.between(overlay, b, a, Controller.RU, CLIP);
        assertThat(ab.rows()).extracting(ControlChange.Row::iso).containsExactly("UA-01", "UA-02", "RU-01", "UA");
        for (ControlChange.Row r : ab.rows()) {
            ControlChange.Row back = ba.rows().stream().filter(x -> x.iso().equals(r.iso())).findFirst().orElseThrow();
            assertThat(back.lostKm2()).isCloseTo(r.gainedKm2(), within(1e-9));
            assertThat(back.gainedKm2()).isCloseTo(r.lostKm2(), within(1e-9));
        }
    }

    @Test
    void netIsTheChangeOfHeldArea() {
        ControlChange ab = ControlChange.between(overlay, a, b, Controller.RU, CLIP);
        MeasureOptions o = CLIP;
        Measurement ma = overlay.measure(a, o);
        Measurement mb = overlay.measure(b, o);
        for (ControlChange.Row r : ab.rows()) {
            if (r.iso().equals("UA")) {
                assertThat(r.netKm2()).isCloseTo(mb.ukraineKm2(Controller.RU) - ma.ukraineKm2(Controller.RU),
                        within(1e-6));
            } else {
                assertThat(r.netKm2()).isCloseTo(mb.km2(r.iso(), Controller.RU) - ma.km2(r.iso(), Controller.RU),
                        within(1e-6));
            }
        }
        // Known shapes: UA-01 lost its part 30.5–31 entirely.
        ControlChange.Row ua01 = ab.rows().get(0);
        assertThat(ua01.lostKm2()).isCloseTo(GeodesicArea.km2(box(30.5, 31, 48, 49)), within(1e-6));
        assertThat(ua01.gainedKm2()).isZero();
    }

    @Test
    void tablesNameTheSides() throws Exception {
        ControlChange ab = ControlChange.between(overlay, a, b, Controller.RU, CLIP);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableFormat.CSV.write(ChangeTable.table(ab, ChangeTable.Dating.UNKNOWN), out);
        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("iso_3166_2,region,gained_by_ru_km2,regained_by_ua_km2,net_ru_km2,"
                + "front_km_from,front_km_to\n");
        assertThat(csv).contains("\nUA,Ukraine,");
        out.reset();
        TableFormat.JSON.write(ChangeTable.table(ab, ChangeTable.Dating.UNKNOWN), out);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"gained_by_ru_km2\"");
        out.reset();
        TableFormat.MD.write(ChangeTable.table(ab, ChangeTable.Dating.UNKNOWN), out);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("| Gained by Russia | Regained by Ukraine | Net for Russia |");
    }
}
