package org.controlmap.region;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.controlmap.geodata.CompiledFeatures;
import org.locationtech.jts.geom.Geometry;

/**
 * A country's outline for map context, clipped to a frame around Ukraine
 * (see geodata/README.md). Ukraine's is the union of its 27 units; Russia's has
 * Crimea and Sevastopol cut out, following ISO 3166-2.
 *
 * @param iso      ISO 3166-1 alpha-2 code
 * @param nameEn   English name
 * @param geometry longitude/latitude degrees, WGS84
 */
public record CountryOutline(String iso, String nameEn, Geometry geometry) {

    private static volatile List<CountryOutline> bundled;

    /** The outlines shipped in the jar, sorted by ISO code; loaded on first use (maps only). */
    public static List<CountryOutline> bundled() {
        List<CountryOutline> c = bundled;
        if (c == null) {
            synchronized (CountryOutline.class) {
                if (bundled == null) {
                    bundled = load();
                }
                c = bundled;
            }
        }
        return c;
    }

    /** The bundled outline of one country. */
    public static Optional<CountryOutline> bundled(String iso) {
        return bundled().stream().filter(o -> o.iso.equals(iso)).findFirst();
    }

    private static List<CountryOutline> load() {
        String name = "/org/controlmap/geodata/bundled/countries.cmf";
        try (InputStream in = CountryOutline.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled resource " + name);
            }
            return CompiledFeatures.read(in, "geodata/countries.geojson").stream()
                    .map(f -> new CountryOutline(f.string("iso_a2"), f.string("name_en"), f.geometry()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
