package org.controlmap.geodata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The towns shipped in the jar ({@code geodata/places.csv}: 2,249 GeoNames
 * places of at least 1,000 inhabitants or seats of regions and districts, in
 * Ukraine and Russia's Kursk, Belgorod and Bryansk oblasts). Loaded on first
 * use only, so commands that draw no towns pay nothing; parsing takes a few
 * milliseconds (plain split at commas: the build guarantees no field holds a
 * comma or quote).
 *
 * <p>Order: by region ISO code, then population descending, then GeoNames id,
 * as in the file. Data CC BY 4.0 GeoNames: credit {@link Place#ATTRIBUTION}.
 */
public final class PlaceCatalogue {
    private static final String RESOURCE = "/org/controlmap/geodata/bundled/places.csv";
    static final String HEADER =
            "geonameid,name_en,name_uk,population,feature_code,lon,lat,region_iso,name_geonames";

    private static volatile PlaceCatalogue bundled;

    private final List<Place> places;
    private final Map<Long, Place> byId = new HashMap<>();
    private final Map<String, List<Place>> byName = new HashMap<>();

    private PlaceCatalogue(List<Place> places) {
        this.places = List.copyOf(places);
        for (Place p : places) {
            byId.put(p.geonameId(), p);
            byName.computeIfAbsent(key(p.nameEn()), k -> new ArrayList<>()).add(p);
            if (!p.nameUk().isEmpty() && !key(p.nameUk()).equals(key(p.nameEn()))) {
                byName.computeIfAbsent(key(p.nameUk()), k -> new ArrayList<>()).add(p);
            }
        }
        byName.replaceAll((k, v) -> List.copyOf(v));
    }

    /** The bundled catalogue, read from the jar on the first call. */
    public static PlaceCatalogue bundled() {
        PlaceCatalogue c = bundled;
        if (c == null) {
            synchronized (PlaceCatalogue.class) {
                if (bundled == null) {
                    bundled = load();
                }
                c = bundled;
            }
        }
        return c;
    }

    /** All places, in file order. */
    public List<Place> all() {
        return places;
    }

    /** The place with this GeoNames id, if bundled. */
    public Optional<Place> byGeonameId(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * Places whose English or Ukrainian name is {@code name} (case-insensitive,
     * ’ ʼ and ' alike), most populous first; several towns share common names.
     */
    public List<Place> named(String name) {
        List<Place> hits = new ArrayList<>(byName.getOrDefault(key(name), List.of()));
        hits.sort((a, b) -> Long.compare(b.population(), a.population()));
        return hits;
    }

    /** Places filed under the region with this ISO 3166-2 code, in file order. */
    public List<Place> inRegion(String iso) {
        return places.stream().filter(p -> p.regionIso().equals(iso)).toList();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u02bc', '\'').trim();
    }

    private static PlaceCatalogue load() {
        InputStream in = PlaceCatalogue.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing bundled resource " + RESOURCE);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return new PlaceCatalogue(parse(r, RESOURCE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of a places file with header {@link #HEADER}; {@code name} is for messages. */
    static List<Place> parse(BufferedReader r, String name) throws IOException {
        String header = r.readLine();
        if (!HEADER.equals(header)) {
            throw new IllegalStateException(name + ": unexpected header " + header);
        }
        List<Place> out = new ArrayList<>();
        int lineNo = 1;
        for (String line; (line = r.readLine()) != null; ) {
            lineNo++;
            String[] f = line.split(",", -1);
            if (f.length != 9) {
                throw new IllegalStateException(name + ":" + lineNo + ": " + f.length + " fields, expected 9");
            }
            out.add(new Place(Long.parseLong(f[0]), f[1], f[2], Long.parseLong(f[3]), f[4],
                    Double.parseDouble(f[5]), Double.parseDouble(f[6]), f[7]));
        }
        return out;
    }
}
