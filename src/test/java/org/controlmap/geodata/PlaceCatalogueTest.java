package org.controlmap.geodata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.controlmap.region.Region;
import org.controlmap.region.RegionCatalogue;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/** The towns shipped in the jar (geodata/places.csv, see geodata/README.md). */
class PlaceCatalogueTest {
    private static final GeometryFactory GF = new GeometryFactory();
    private final PlaceCatalogue places = PlaceCatalogue.bundled();

    /** Towns the maps must be able to label, with their Ukrainian names and regions (from the map, not the data). */
    private static final String[][] MUST_HAVE = {
        {"Kyiv", "Київ", "UA-30"}, {"Kharkiv", "Харків", "UA-63"}, {"Odesa", "Одеса", "UA-51"},
        {"Dnipro", "Дніпро", "UA-12"}, {"Zaporizhzhia", "Запоріжжя", "UA-23"},
        {"Mariupol", "Маріуполь", "UA-14"}, {"Donetsk", "Донецьк", "UA-14"}, {"Luhansk", "Луганськ", "UA-09"},
        {"Pokrovsk", "Покровськ", "UA-14"}, {"Kramatorsk", "Краматорськ", "UA-14"},
        {"Sloviansk", "Слов’янськ", "UA-14"}, {"Kostiantynivka", "Костянтинівка", "UA-14"},
        {"Myrnohrad", "Мирноград", "UA-14"}, {"Kherson", "Херсон", "UA-65"},
        {"Sevastopol", "Севастополь", "UA-40"}, {"Simferopol", "Сімферополь", "UA-43"},
        {"Kerch", "Керч", "UA-43"}, {"Uzhhorod", "Ужгород", "UA-21"}, {"Kursk", "Курськ", "RU-KRS"},
    };

    /** The seat of each first-level region (Kyiv oblast's is Kyiv, which is filed under Kyiv City). */
    private static final Map<String, String> CAPITALS = new TreeMap<>(Map.ofEntries(
            Map.entry("UA-05", "Vinnytsia"), Map.entry("UA-07", "Lutsk"), Map.entry("UA-09", "Luhansk"),
            Map.entry("UA-12", "Dnipro"), Map.entry("UA-14", "Donetsk"), Map.entry("UA-18", "Zhytomyr"),
            Map.entry("UA-21", "Uzhhorod"), Map.entry("UA-23", "Zaporizhzhia"),
            Map.entry("UA-26", "Ivano-Frankivsk"), Map.entry("UA-30", "Kyiv"), Map.entry("UA-35", "Kropyvnytskyi"),
            Map.entry("UA-40", "Sevastopol"), Map.entry("UA-43", "Simferopol"), Map.entry("UA-46", "Lviv"),
            Map.entry("UA-48", "Mykolaiv"), Map.entry("UA-51", "Odesa"), Map.entry("UA-53", "Poltava"),
            Map.entry("UA-56", "Rivne"), Map.entry("UA-59", "Sumy"), Map.entry("UA-61", "Ternopil"),
            Map.entry("UA-63", "Kharkiv"), Map.entry("UA-65", "Kherson"), Map.entry("UA-68", "Khmelnytskyi"),
            Map.entry("UA-71", "Cherkasy"), Map.entry("UA-74", "Chernihiv"), Map.entry("UA-77", "Chernivtsi"),
            Map.entry("RU-BEL", "Belgorod"), Map.entry("RU-BRY", "Bryansk"), Map.entry("RU-KRS", "Kursk")));

    @Test
    void majorTownsArePresentWithUkrainianNamesAndRegions() {
        for (String[] t : MUST_HAVE) {
            List<Place> hits = places.named(t[0]);
            assertThat(hits).as(t[0]).isNotEmpty();
            Place p = hits.get(0);
            assertThat(p.nameUk()).as(t[0]).isEqualTo(t[1]);
            assertThat(p.regionIso()).as(t[0]).isEqualTo(t[2]);
            assertThat(places.named(t[1])).as(t[1]).contains(p);
            assertThat(p.population()).as(t[0]).isGreaterThan(10_000);
        }
        assertThat(places.named("kyiv").get(0).isCapital()).isTrue();
        assertThat(places.named("Слов'янськ")).isEqualTo(places.named("Слов’янськ"));
    }

    @Test
    void everyRegionButKyivOblastHasExactlyItsCapitalFlagged() {
        Map<String, String> flagged = new TreeMap<>();
        for (Place p : places.all()) {
            if (p.isRegionalCapital()) {
                assertThat(flagged.put(p.regionIso(), p.nameEn())).as("second capital in " + p.regionIso())
                        .isNull();
            }
        }
        assertThat(flagged).isEqualTo(CAPITALS);
        assertThat(places.all().stream().filter(Place::isCapital).map(Place::nameEn)).containsExactly("Kyiv");
    }

    @Test
    void everyPlaceLiesInItsRegionOrWithinTheToleranceOfItsBoundary() {
        RegionCatalogue regions = RegionCatalogue.bundled();
        // Natural Earth's boundaries are off by a few km (Kherson lies on the river, outside its oblast's
        // polygon); the build files such places under GeoNames' region when within 10 km of it.
        double tolDeg = 10 / 111.0; // a degree of longitude is shorter, so this never allows more than 10 km
        int inside = 0;
        for (Place p : places.all()) {
            Region r = regions.byIso(p.regionIso()).orElseThrow();
            Point pt = GF.createPoint(new Coordinate(p.lon(), p.lat()));
            if (r.geometry().covers(pt)) {
                inside++;
            } else {
                assertThat(r.geometry().isWithinDistance(pt, tolDeg)).as(p.toString()).isTrue();
            }
        }
        assertThat(inside).isGreaterThan(places.all().size() * 95 / 100);
    }

    @Test
    void fileIsSortedUniqueAndKeepsOnlyWhatItSays() {
        List<Place> all = places.all();
        assertThat(all.size()).isBetween(1000, 5000);
        assertThat(all).isSortedAccordingTo(Comparator.comparing(Place::regionIso)
                .thenComparing(Comparator.comparingLong(Place::population).reversed())
                .thenComparingLong(Place::geonameId));
        Set<Long> ids = new HashSet<>();
        Set<String> isos = new HashSet<>();
        RegionCatalogue.bundled().regions().forEach(r -> isos.add(r.iso()));
        for (Place p : all) {
            assertThat(ids.add(p.geonameId())).as("duplicate " + p).isTrue();
            assertThat(p.population() >= 1000 || Set.of("PPLC", "PPLA", "PPLA2").contains(p.featureCode()))
                    .as(p.toString()).isTrue();
            assertThat(p.nameEn()).as(p.toString()).isNotBlank();
            assertThat(isos).contains(p.regionIso());
            if (p.regionIso().startsWith("UA") && !p.nameUk().isEmpty()) {
                // Ukrainian alphabet only: no ы э ъ ё, no Latin letters.
                assertThat(p.nameUk()).as(p.toString()).matches("[А-ЩЬЮЯҐЄІЇа-щьюяґєії’ .\\-]+");
            }
        }
        long withUk = all.stream().filter(p -> !p.nameUk().isEmpty()).count();
        assertThat(withUk).isGreaterThan(all.size() * 85L / 100);
    }

    @Test
    void jarCopyIsTheCommittedFileAndItsChecksumIsTheOneInTheReadme() throws IOException {
        Path file = Path.of("geodata", "places.csv");
        assertThat(PlaceCatalogue.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString()))
                .isEqualTo(places.all());
        String readme = Files.readString(Path.of("geodata", "README.md"));
        Matcher m = Pattern.compile("`places\\.csv` sha256 `([0-9a-f]{64})`").matcher(readme);
        assertThat(m.find()).as("README records places.csv's sha256").isTrue();
        assertThat(sha256(Files.readAllBytes(file))).isEqualTo(m.group(1));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void parserRejectsMalformedFiles() {
        String h = PlaceCatalogue.HEADER + "\n";
        String good = "1,A,А,5,PPL,30.5,50.25,UA-30,A\n";
        assertThat(PlaceCatalogue.parse(h + good, "t")).containsExactly(
                new Place(1, "A", "А", 5, "PPL", 30.5, 50.25, "UA-30"));
        assertThat(PlaceCatalogue.parse(h + good.strip(), "t")).hasSize(1); // no final newline
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PlaceCatalogue.parse("id,name\n" + good, "t"))
                .hasMessageContaining("header");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> PlaceCatalogue.parse(h + good + "2,B,Б,5,PPL,30.5,50.25,UA-30\n", "t"))
                .hasMessageContaining("t:3: expected 9");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> PlaceCatalogue.parse(h + "2,B,Б,5,PPL,30.5,50.25,UA-30,B,extra\n", "t"))
                .hasMessageContaining("t:2: expected 9");
    }

    @Test
    void lookups() {
        Place kyiv = places.named("Kyiv").get(0);
        assertThat(places.byGeonameId(kyiv.geonameId())).contains(kyiv);
        assertThat(places.byGeonameId(-1)).isEmpty();
        assertThat(places.inRegion("UA-30")).contains(kyiv).allMatch(p -> p.regionIso().equals("UA-30"));
        assertThat(places.named("Nowhere-on-Dnipro")).isEmpty();
        assertThat(Place.ATTRIBUTION).contains("GeoNames").contains("CC BY 4.0");
    }
}
