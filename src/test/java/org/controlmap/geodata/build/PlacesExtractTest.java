package org.controlmap.geodata.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.controlmap.geodata.GeoFeature;
import org.controlmap.geodata.GeoJsonReader;
import org.junit.jupiter.api.Test;

/** PlacesExtract on a few hand-made rows in GeoNames' cities500 layout, against the bundled regions. */
class PlacesExtractTest {
    private static final List<GeoFeature> REGIONS =
            new GeoJsonReader(w -> { }).read(Path.of("geodata", "regions.geojson"));

    /** A cities500 line: 19 tab-separated columns. */
    private static String row(int id, String name, String alternates, double lat, double lon, String fclass,
            String fcode, String cc, String admin1, long pop) {
        return String.join("\t", Integer.toString(id), name, name, alternates, Double.toString(lat),
                Double.toString(lon), fclass, fcode, cc, "", admin1, "", "", "", Long.toString(pop), "", "100",
                "Europe/Kyiv", "2024-01-01");
    }

    private static final List<String> ROWS = List.of(
            row(1, "Donetsk", "Donetsk,Donezk,Донецк,Донецьк,Донэцк", 48.023, 37.80224, "P", "PPLA", "UA", "05", 901645),
            row(2, "Kerch", "Kertch,Керчь,Керч", 45.35675, 36.47542, "P", "PPLA2", "UA", "11", 148932),
            row(3, "Kadiyivka", "Kadiivka,Stakhanov,Стаханов", 48.56818, 38.64352, "P", "PPL", "UA", "14", 84425),
            row(4, "Chernomorskoye", "Chernomorske,Черноморское", 45.50657, 32.69776, "P", "PPL", "UA", "11", 11039),
            row(5, "Zaporizhzhya", "Zaporozhye,Запорожье,Запоріжжя", 47.85167, 35.11714, "P", "PPLA", "UA", "26",
                    710052),
            row(6, "Uzhgorod", "Uzhhorod,Ужгород", 48.6242, 22.2947, "P", "PPLA", "UA", "25", 115449),
            row(7, "Tiny", "Тіні", 48.5, 35.0, "P", "PPL", "UA", "04", 999),
            row(8, "Seat", "Сіт", 48.5, 35.1, "P", "PPLA2", "UA", "04", 0),
            row(9, "Dnipropetrovs'ka Oblast'", "Дніпропетровська область", 48.5, 35.0, "A", "ADM1", "UA", "04",
                    3000000),
            row(10, "Kursk", "Kursk,Kurs'k,Курск,Курськ", 51.73733, 36.18735, "P", "PPLA", "RU", "41", 448733),
            row(11, "Chisinau", "Кишинів", 47.00556, 28.8575, "P", "PPL", "UA", "17", 5000),
            row(12, "Kherson", "Kherson,Херсон", 46.63695, 32.61458, "P", "PPLA", "UA", "08", 283649),
            row(13, "Moscow", "Москва", 55.75222, 37.61556, "P", "PPLC", "RU", "48", 10381222));

    private static Map<String, PlacesExtract.Row> extract(List<String> rows, List<PlacesExtract.Override> overrides)
            throws IOException {
        List<PlacesExtract.Row> out = PlacesExtract.extract(reader(rows), REGIONS, overrides,
                new PrintStream(new ByteArrayOutputStream()));
        return out.stream().collect(Collectors.toMap(PlacesExtract.Row::geonameId, Function.identity()));
    }

    private static BufferedReader reader(List<String> rows) {
        return new BufferedReader(new StringReader(String.join("\n", rows) + "\n"));
    }

    @Test
    void picksTheUkrainianNameAndRomanisesIt() throws IOException {
        Map<String, PlacesExtract.Row> r = extract(ROWS, List.of());
        assertThat(r.get("1").nameUk()).isEqualTo("Донецьк");
        assertThat(r.get("1").nameEn()).isEqualTo("Donetsk");
        assertThat(r.get("2").nameUk()).isEqualTo("Керч");
        assertThat(r.get("5").nameUk()).isEqualTo("Запоріжжя");
        assertThat(r.get("5").nameEn()).isEqualTo("Zaporizhzhia");
        assertThat(r.get("5").nameGeonames()).isEqualTo("Zaporizhzhya");
        assertThat(r.get("6").nameUk()).isEqualTo("Ужгород");
        assertThat(r.get("6").nameEn()).isEqualTo("Uzhhorod");
        // Only a Soviet or a Russian name on offer: no Ukrainian name rather than a wrong one.
        assertThat(r.get("3").nameUk()).isEmpty();
        assertThat(r.get("3").nameEn()).isEqualTo("Kadiyivka");
        assertThat(r.get("4").nameUk()).isEmpty();
        // Russian towns: the Russian name.
        assertThat(r.get("10").nameUk()).isEqualTo("Курск");
        assertThat(r.get("10").nameEn()).isEqualTo("Kursk");
    }

    @Test
    void selectsPopulatedPlacesInTheRegionsAndFilesThem() throws IOException {
        Map<String, PlacesExtract.Row> r = extract(ROWS, List.of());
        assertThat(r).doesNotContainKeys("7", "9", "11", "13"); // too small, not a town, outside, elsewhere
        assertThat(r.get("8").featureCode()).isEqualTo("PPLA2"); // a district seat, whatever its population
        assertThat(r.get("1").regionIso()).isEqualTo("UA-14");
        assertThat(r.get("2").regionIso()).isEqualTo("UA-43");
        assertThat(r.get("10").regionIso()).isEqualTo("RU-KRS");
        // Kherson lies just outside Natural Earth's Kherson oblast, within the tolerance.
        assertThat(r.get("12").regionIso()).isEqualTo("UA-65");
    }

    @Test
    void outputIsTheSameWhateverTheInputOrder() throws IOException {
        String once = PlacesExtract.csv(PlacesExtract.extract(reader(ROWS), REGIONS, List.of(),
                new PrintStream(new ByteArrayOutputStream())));
        List<String> shuffled = new ArrayList<>(ROWS);
        Collections.reverse(shuffled);
        String again = PlacesExtract.csv(PlacesExtract.extract(reader(shuffled), REGIONS, List.of(),
                new PrintStream(new ByteArrayOutputStream())));
        assertThat(again).isEqualTo(once);
        assertThat(once).startsWith(PlacesExtract.HEADER + "\n");
        List<String> lines = once.lines().toList();
        // Sorted by region, then population descending: Donetsk (UA-14) before Kerch (UA-43).
        assertThat(lines.indexOf(lines.stream().filter(l -> l.startsWith("1,")).findFirst().orElseThrow()))
                .isLessThan(lines.indexOf(lines.stream().filter(l -> l.startsWith("2,")).findFirst().orElseThrow()));
    }

    @Test
    void overridesApplyAndStaleOnesFail() throws IOException {
        Map<String, PlacesExtract.Row> r = extract(ROWS, List.of(
                new PlacesExtract.Override("10", "name_uk", "Курськ", "exonym"),
                new PlacesExtract.Override("3", "name_uk", "Кадіївка", "2016 name")));
        assertThat(r.get("10").nameUk()).isEqualTo("Курськ");
        assertThat(r.get("3").nameUk()).isEqualTo("Кадіївка");
        assertThatThrownBy(() -> extract(ROWS, List.of(new PlacesExtract.Override("1", "name_uk", "Донецьк", "x"))))
                .hasMessageContaining("already Донецьк");
        assertThatThrownBy(() -> extract(ROWS, List.of(new PlacesExtract.Override("7", "name_uk", "Тіні", "x"))))
                .hasMessageContaining("no such place kept");
    }
}
