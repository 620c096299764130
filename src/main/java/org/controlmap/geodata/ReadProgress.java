package org.controlmap.geodata;

/**
 * How far the reading of one control file has come, for a caller that shows it (the core never prints).
 * {@link FeatureFiles#stream} calls it from the reading thread after about every MiB read and every
 * 10,000 features, and once at the end; counts only grow.
 */
@FunctionalInterface
public interface ReadProgress {

    /** Tells nobody. */
    ReadProgress NONE = (bytesRead, bytesTotal, features) -> { };

    /**
     * @param bytesRead  bytes of the file read so far (compressed bytes for gzip; the .kml entry's bytes for a
     *                   KMZ); -1 when the format does not tell (GeoPackage)
     * @param bytesTotal what {@code bytesRead} counts up to, bytes; -1 when unknown
     * @param features   features read so far (before any {@code --where} selection)
     */
    void update(long bytesRead, long bytesTotal, long features);
}
