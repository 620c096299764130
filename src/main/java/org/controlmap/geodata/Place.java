package org.controlmap.geodata;

/**
 * A town or village from the bundled gazetteer ({@link PlaceCatalogue#bundled()}):
 * a GeoNames populated place in Ukraine or in Russia's Kursk, Belgorod or
 * Bryansk oblast. Built from GeoNames' {@code cities500} table by
 * {@code org.controlmap.geodata.build.PlacesExtract}; see geodata/README.md.
 *
 * <p>Licence: GeoNames data is CC BY 4.0; a map that shows these places must
 * credit GeoNames, for which {@link #ATTRIBUTION} is the text.
 *
 * @param geonameId    GeoNames id (geonames.org/ID)
 * @param nameEn       English name: for Ukrainian places Ukraine's national
 *                     romanisation (KMU 2010) of {@code nameUk}, e.g. Kyiv,
 *                     Zaporizhzhia; otherwise GeoNames' name
 * @param nameUk       Ukrainian name; for places in Russia mostly the Russian
 *                     name; empty where the source has no recognisable one
 * @param population   inhabitants as GeoNames gives them (0 if unknown; not a census figure of any one year)
 * @param featureCode  GeoNames feature code: PPLC capital of Ukraine, PPLA seat of a first-level region,
 *                     PPLA2 of a district, PPLA3 of a hromada, PPL other
 * @param lon          longitude, degrees east, WGS84
 * @param lat          latitude, degrees north, WGS84
 * @param regionIso    ISO 3166-2 code of the bundled region it is filed under (UA-14, RU-KRS...)
 */
public record Place(long geonameId, String nameEn, String nameUk, long population, String featureCode,
        double lon, double lat, String regionIso) {

    /** Credit line a map showing bundled places must carry (GeoNames licence CC BY 4.0). */
    public static final String ATTRIBUTION = "Towns: GeoNames (CC BY 4.0)";

    /** Whether it is the capital of Ukraine (Kyiv). */
    public boolean isCapital() {
        return featureCode.equals("PPLC");
    }

    /**
     * Whether it is the seat of a first-level region: an oblast centre, Simferopol
     * for Crimea, Sevastopol, Kyiv (which is also the centre of Kyiv oblast), or
     * the centre of one of the three Russian oblasts.
     */
    public boolean isRegionalCapital() {
        return featureCode.equals("PPLA") || featureCode.equals("PPLC");
    }
}
