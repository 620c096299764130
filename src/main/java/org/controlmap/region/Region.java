package org.controlmap.region;

import org.locationtech.jts.geom.Geometry;

/**
 * A first-level administrative unit: one of Ukraine's 27 (24 oblasts, the
 * Autonomous Republic of Crimea, the cities of Kyiv and Sevastopol) or one of
 * Russia's Kursk, Belgorod and Bryansk oblasts.
 *
 * @param iso          ISO 3166-2 code, the key ("UA-14")
 * @param country      ISO 3166-1 alpha-2 code of the state it belongs to under
 *                     international law ("UA" for Crimea and Sevastopol too)
 * @param type         kind of unit in English ("oblast", "autonomous republic",
 *                     "city with special status")
 * @param nameEn       English name in Ukraine's national romanisation ("Zaporizhzhia")
 * @param nameUk       Ukrainian name ("Запорізька область")
 * @param nameRu       Russian name
 * @param geometry     boundary, longitude/latitude degrees on WGS84, valid, polygonal
 * @param areaKm2      geodesic area of {@code geometry} on the WGS84 ellipsoid, km² (for the bundled
 *                     regions computed by {@code GeodesicArea} when the jar is built)
 * @param officialAreaKm2 area published by the national statistics office, km²
 * @param officialAreaSource citation of {@code officialAreaKm2}
 */
public record Region(
        String iso,
        String country,
        String type,
        String nameEn,
        String nameUk,
        String nameRu,
        Geometry geometry,
        double areaKm2,
        double officialAreaKm2,
        String officialAreaSource) {

    /** Name in the given language ("en", "uk" or "ru"); English for anything else. */
    public String name(String lang) {
        return switch (lang) {
            case "uk" -> nameUk;
            case "ru" -> nameRu;
            default -> nameEn;
        };
    }

    /** Area on the chosen basis, km². */
    public double areaKm2(AreaBasis basis) {
        return basis == AreaBasis.OFFICIAL ? officialAreaKm2 : areaKm2;
    }

    /** Regions are the same when their ISO codes are: comparing boundaries point by point would be slow and say nothing more. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Region r && r.iso.equals(iso);
    }

    @Override
    public int hashCode() {
        return iso.hashCode();
    }

    @Override
    public String toString() {
        return iso + " " + nameEn;
    }
}
