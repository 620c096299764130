package org.controlmap.region;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.controlmap.geodata.GeoFeature;
import org.controlmap.geodata.CompiledFeatures;
import org.controlmap.geodata.EditDistance;

/**
 * The regions controlmap knows: the bundled Natural Earth boundaries with their
 * geodesic and official areas, looked up by ISO code, name in any of the
 * bundled languages, or alias ("Donbas" is a group of Donetsk and Luhansk;
 * "Ukraine" is the group of all 27 Ukrainian units).
 *
 * <p>Order is fixed: Ukrainian units by ISO code, then the Russian oblasts by
 * ISO code, so every table and file built from it is deterministic.
 */
public final class RegionCatalogue {
    private static final String BUNDLED = "/org/controlmap/geodata/bundled/";

    private final List<Region> regions;
    private final Map<String, Region> byIso = new HashMap<>();
    private final Map<String, List<String>> names = new HashMap<>();
    private final double ukraineOfficialKm2;
    private final String ukraineOfficialSource;

    private RegionCatalogue(List<Region> regions, double ukraineOfficialKm2, String ukraineOfficialSource,
            Map<String, List<String>> aliases) {
        this.regions = List.copyOf(regions);
        this.ukraineOfficialKm2 = ukraineOfficialKm2;
        this.ukraineOfficialSource = ukraineOfficialSource;
        for (Region r : regions) {
            byIso.put(r.iso(), r);
            for (String n : new String[] {r.iso(), r.nameEn(), r.nameUk(), r.nameRu()}) {
                if (n != null) {
                    names.putIfAbsent(key(n), List.of(r.iso()));
                }
            }
        }
        aliases.forEach((k, v) -> names.putIfAbsent(key(k), v));
    }

    private static volatile RegionCatalogue bundled;

    /** The catalogue built from the boundaries and official areas shipped in the jar. */
    public static RegionCatalogue bundled() {
        RegionCatalogue c = bundled;
        if (c == null) {
            synchronized (RegionCatalogue.class) {
                if (bundled == null) {
                    bundled = load();
                }
                c = bundled;
            }
        }
        return c;
    }

    private static RegionCatalogue load() {
        Map<String, String[]> official = new HashMap<>();
        for (String[] row : readTable(BUNDLED + "official-areas.csv", ',')) {
            official.put(row[0], row);
        }
        List<GeoFeature> features;
        try (InputStream in = resource(BUNDLED + "regions.cmf")) {
            features = CompiledFeatures.read(in, "geodata/regions.geojson");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Region> regions = new ArrayList<>();
        for (GeoFeature f : features) {
            String iso = f.string("iso_3166_2");
            String[] off = official.get(iso);
            if (off == null) {
                throw new IllegalStateException("geodata: no official area for " + iso);
            }
            regions.add(new Region(iso, f.string("country"), f.string("type"), f.string("name_en"),
                    f.string("name_uk"), f.string("name_ru"), f.geometry(),
                    Double.parseDouble(f.string(CompiledFeatures.AREA_KM2)),
                    Double.parseDouble(off[1]), off[2]));
        }
        regions.sort(Comparator.comparing((Region r) -> !r.country().equals("UA")).thenComparing(Region::iso));
        String[] ua = official.get("UA");
        Map<String, List<String>> aliases = new LinkedHashMap<>();
        for (String[] row : readTable("/org/controlmap/region/aliases.tsv", '\t')) {
            aliases.put(row[0], List.of(row[1].trim().split("\\s+")));
        }
        return new RegionCatalogue(regions, Double.parseDouble(ua[1]), ua[2], aliases);
    }

    private static InputStream resource(String name) {
        InputStream in = RegionCatalogue.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing bundled resource " + name);
        }
        return in;
    }

    /** Rows of a small bundled table; '#' lines and the header (first non-comment line of a CSV) skipped. */
    private static List<String[]> readTable(String name, char sep) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(resource(name), StandardCharsets.UTF_8))) {
            boolean header = sep == ',';
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                rows.add(splitCsv(line, sep));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    // Bundled tables are ours and simple (quotes only around fields with commas), so a
    // few lines beat loading Jackson's CSV and databind classes on every start-up.
    private static String[] splitCsv(String line, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    sb.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (ch == sep && !quoted) {
                out.add(sb.toString());
                sb.setLength(0);
            } else {
                sb.append(ch);
            }
        }
        out.add(sb.toString());
        return out.toArray(String[]::new);
    }

    /** All regions, Ukrainian units first, each group by ISO code. */
    public List<Region> regions() {
        return regions;
    }

    /** The 27 units of Ukraine. */
    public List<Region> ukraine() {
        return regions.stream().filter(r -> r.country().equals("UA")).toList();
    }

    /** Official area of Ukraine within its internationally recognised borders, km². */
    public double ukraineOfficialKm2() {
        return ukraineOfficialKm2;
    }

    public String ukraineOfficialSource() {
        return ukraineOfficialSource;
    }

    public Optional<Region> byIso(String iso) {
        return Optional.ofNullable(byIso.get(iso));
    }

    /**
     * The regions a name stands for: one for an ISO code, name or alias; several
     * for a group ("Donbas"; "Ukraine" or "UA" for all Ukrainian units). Empty
     * when the name is unknown; see {@link #suggest(String)}.
     */
    public List<Region> resolve(String name) {
        String k = key(name);
        if (k.equals("ua")) {
            return ukraine();
        }
        List<String> codes = names.get(k);
        if (codes == null) {
            return List.of();
        }
        if (codes.equals(List.of("UA"))) {
            return ukraine();
        }
        return codes.stream().map(byIso::get).toList();
    }

    /** Names longer than this get no "did you mean": no region name is near that long. */
    public static final int MAX_SUGGEST_LENGTH = 100;

    /**
     * The known name closest to an unknown one, for "did you mean", or empty
     * when none is within {@code max(2, length / 3)} edits or the name is longer
     * than {@value #MAX_SUGGEST_LENGTH} characters. The edit distance stops
     * counting past that bound, so a long name costs no more than a short one.
     */
    public Optional<String> suggest(String unknown) {
        if (unknown.length() > MAX_SUGGEST_LENGTH) {
            return Optional.empty();
        }
        String k = key(unknown);
        int limit = Math.max(2, k.length() / 3);
        String best = null;
        int bestD = Integer.MAX_VALUE;
        List<String> candidates = new ArrayList<>();
        for (Region r : regions) {
            candidates.add(r.iso() + " " + r.nameEn());
        }
        for (String cand : candidates) {
            String[] parts = cand.split(" ", 2);
            for (String p : parts) {
                int d = EditDistance.bounded(k, key(p), limit);
                if (d < bestD) {
                    bestD = d;
                    best = cand;
                }
            }
        }
        for (Map.Entry<String, List<String>> e : names.entrySet()) {
            int d = EditDistance.bounded(k, e.getKey(), limit);
            if (d < bestD) {
                bestD = d;
                List<String> codes = e.getValue();
                best = codes.size() == 1 && byIso.containsKey(codes.get(0))
                        ? codes.get(0) + " " + byIso.get(codes.get(0)).nameEn()
                        : String.join(" + ", codes);
            }
        }
        return bestD <= limit ? Optional.of(best) : Optional.empty();
    }

    /** Words that say what kind of unit a name is, not which: dropped from lookup keys. */
    private static final Set<String> UNIT_WORDS = Set.of("oblast", "oblasti", "region", "province", "область",
            "обл", "oblast'");

    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern APOSTROPHES = Pattern.compile("['’ʼ`]");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** Normalised lookup key: lower case, no accents, apostrophes, punctuation or "oblast"/"region". */
    static String key(String s) {
        String n = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("");
        n = APOSTROPHES.matcher(n.toLowerCase(Locale.ROOT)).replaceAll("");
        // Split on anything but letters and digits (Unicode-aware on every JDK, unlike \\b).
        StringBuilder sb = new StringBuilder();
        for (String w : NON_WORD.split(n)) {
            if (!UNIT_WORDS.contains(w)) {
                sb.append(w);
            }
        }
        return sb.toString();
    }
}
