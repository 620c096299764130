package org.controlmap.geodata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rivers and lakes shipped in the jar for map context
 * ({@code geodata/water.geojson}, compiled to WKB at build time by
 * {@code CompileBundledWater}). Loaded on first use only.
 *
 * <p>What is in it (see geodata/README.md): the Dnipro, with its line
 * through the former Kakhovka reservoir, and the Dnister; the Kremenchuk
 * reservoir. Natural Earth's 1:50m layer, the only named-or-identifiable
 * river source reachable at build time, lacks the Siverskyi Donets, the Oskil
 * and the Southern Buh.
 */
public final class Rivers {
    private static final String RESOURCE = "/org/controlmap/geodata/bundled/water.cmf";

    /** Credit line for maps drawing these (Natural Earth asks for none, but says where it came from). */
    public static final String ATTRIBUTION = "Rivers: Natural Earth";

    private static volatile Rivers bundled;

    private final List<River> rivers;
    private final List<Lake> lakes;

    private Rivers(List<River> rivers, List<Lake> lakes) {
        this.rivers = List.copyOf(rivers);
        this.lakes = List.copyOf(lakes);
    }

    /** The bundled rivers and lakes, read from the jar on the first call. */
    public static Rivers bundled() {
        Rivers r = bundled;
        if (r == null) {
            synchronized (Rivers.class) {
                if (bundled == null) {
                    bundled = load();
                }
                r = bundled;
            }
        }
        return r;
    }

    /** The rivers, sorted by English name. */
    public List<River> rivers() {
        return rivers;
    }

    /** The lakes and reservoirs, sorted by English name. */
    public List<Lake> lakes() {
        return lakes;
    }

    /** The river with this English or Ukrainian name (case-insensitive). */
    public Optional<River> river(String name) {
        String k = name.toLowerCase(Locale.ROOT);
        return rivers.stream().filter(r -> r.nameEn().toLowerCase(Locale.ROOT).equals(k)
                || r.nameUk().toLowerCase(Locale.ROOT).equals(k)).findFirst();
    }

    private static Rivers load() {
        List<GeoFeature> features;
        try (InputStream in = Rivers.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled resource " + RESOURCE);
            }
            features = CompiledFeatures.read(in, "geodata/water.geojson");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<River> rivers = new ArrayList<>();
        List<Lake> lakes = new ArrayList<>();
        for (GeoFeature f : features) {
            switch (f.string("kind")) {
                case "river" -> rivers.add(new River(f.string("name_en"), f.string("name_uk"), f.geometry()));
                case "lake" -> lakes.add(new Lake(f.string("name_en"), f.string("name_uk"), f.geometry()));
                default -> throw new IllegalStateException("geodata/water.geojson: feature " + f.index()
                        + ": unknown kind " + f.string("kind"));
            }
        }
        return new Rivers(rivers, lakes);
    }
}
