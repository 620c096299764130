package org.controlmap.geodata;

import java.io.IOException;
import java.io.InputStream;
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
    /** Built on the first lookup: a map that only draws the towns needs no index (half the load time). */
    private Map<Long, Place> byId;
    private Map<String, List<Place>> byName;

    private PlaceCatalogue(List<Place> places) {
        this.places = List.copyOf(places);
    }

    private synchronized void buildIndex() {
        if (byName != null) {
            return;
        }
        Map<Long, Place> ids = new HashMap<>();
        byName = new HashMap<>();
        // Plain loops, no lambdas: the first lambda of a run costs tens of milliseconds of bootstrap.
        for (Place p : places) {
            ids.put(p.geonameId(), p);
            index(key(p.nameEn()), p);
            if (!p.nameUk().isEmpty() && !key(p.nameUk()).equals(key(p.nameEn()))) {
                index(key(p.nameUk()), p);
            }
        }
        byId = ids;
    }

    private void index(String key, Place p) {
        List<Place> list = byName.get(key);
        if (list == null) {
            list = new ArrayList<>(1);
            byName.put(key, list);
        }
        list.add(p);
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
        buildIndex();
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * Places whose English or Ukrainian name is {@code name} (case-insensitive,
     * ’ ʼ and ' alike), most populous first; several towns share common names.
     */
    public List<Place> named(String name) {
        buildIndex();
        List<Place> hits = new ArrayList<>(byName.getOrDefault(key(name), List.of()));
        hits.sort((a, b) -> Long.compare(b.population(), a.population()));
        return List.copyOf(hits);
    }

    /** Places filed under the region with this ISO 3166-2 code, in file order. */
    public List<Place> inRegion(String iso) {
        List<Place> out = new ArrayList<>();
        for (Place p : places) {
            if (p.regionIso().equals(iso)) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u02bc', '\'').trim();
    }

    private static PlaceCatalogue load() {
        InputStream in = PlaceCatalogue.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing bundled resource " + RESOURCE);
        }
        // The whole file decoded at once: String's bulk UTF-8 decoding is several times faster at
        // start-up than an InputStreamReader, which runs interpreted until the JIT warms up.
        try (in) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new PlaceCatalogue(parse(text, RESOURCE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of a places file's text, with header {@link #HEADER}; {@code name} is for messages. */
    static List<Place> parse(String text, String name) {
        int eol = text.indexOf('\n');
        if (eol < 0 || !text.startsWith(HEADER) || eol != HEADER.length()) {
            throw new IllegalStateException(name + ": unexpected header");
        }
        List<Place> out = new ArrayList<>(2500);
        String[] f = new String[9];
        int lineNo = 1;
        for (int pos = eol + 1; pos < text.length(); pos = eol + 1) {
            lineNo++;
            eol = text.indexOf('\n', pos);
            if (eol < 0) {
                eol = text.length();
            }
            int start = pos;
            for (int i = 0; i < 9; i++) {
                int comma = i < 8 ? text.indexOf(',', start) : eol;
                if (comma < 0 || comma > eol || i == 8 && text.lastIndexOf(',', eol - 1) >= start) {
                    throw new IllegalStateException(name + ":" + lineNo + ": expected 9 comma-separated fields");
                }
                f[i] = text.substring(start, comma);
                start = comma + 1;
            }
            out.add(new Place(Long.parseLong(f[0]), f[1], f[2], Long.parseLong(f[3]), f[4],
                    Double.parseDouble(f[5]), Double.parseDouble(f[6]), f[7]));
        }
        return out;
    }
}
