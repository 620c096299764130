package org.controlmap.geodata;

import org.controlmap.InputException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads the features of a control file in any format controlmap takes, found from the file's content
 * (magic bytes, or the first character after spaces and a byte-order mark), not its name:
 *
 * <table>
 * <caption>Formats by content</caption>
 * <tr><th>starts with</th><th>format</th><th>read by</th></tr>
 * <tr><td>{@code {} or {@code [}, or gzip {@code 1f 8b}</td><td>GeoJSON, .geojson.gz</td>
 *     <td>{@link GeoJsonReader}</td></tr>
 * <tr><td>{@code <}</td><td>KML</td><td>{@link KmlReader}</td></tr>
 * <tr><td>{@code PK\3\4} (zip)</td><td>KMZ</td><td>{@link KmlReader#readKmz}</td></tr>
 * <tr><td>{@code SQLite format 3\0}</td><td>GeoPackage</td><td>{@link GeoPackageReader}</td></tr>
 * <tr><td>{@code fgb\3}</td><td>FlatGeobuf</td><td>{@link FlatGeobufReader}</td></tr>
 * </table>
 *
 * <p>Anything else (a shapefile's parts, CSV, a zip without a {@code .kml}) is a one-line
 * {@link InputException} naming what is supported ({@link #SUPPORTED}); the file's extension only makes
 * that message more specific ("x.gpkg: not a GeoPackage ..."). Each format's reader classes (StAX, NGA
 * GeoPackage and SQLite, FlatGeobuf, proj4j) are loaded only when a file of that kind comes: reading a
 * GeoJSON file costs what it did before there were other formats.
 *
 * <p>Every reader gives the same result as {@link GeoJsonReader#readDocument}: polygonal, valid features in
 * lon/lat degrees, with properties, in file order; and a document {@code name} member when the format has a
 * layer or document name (KML Document name, GeoPackage table, FlatGeobuf header name).
 */
public final class FeatureFiles {

    /** What controlmap reads, for messages. */
    public static final String SUPPORTED = "GeoJSON (.geojson, .json, .geojson.gz), KML, KMZ, GeoPackage (.gpkg)"
            + " and FlatGeobuf (.fgb); see docs/inputs.md";

    private static final byte[] SQLITE = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private FeatureFiles() {
    }

    /** The formats, as found from content. */
    public enum Format { GEOJSON, KML, KMZ, GEOPACKAGE, FLATGEOBUF }

    /**
     * Reads a control file's features, whatever its format.
     *
     * @param file     the file
     * @param layer    the GeoPackage feature table to read ({@code --layer}), or null for its only one; must be
     *                 null for other formats, which have one layer
     * @param warnings one-line warnings, each naming the file
     */
    public static GeoJsonReader.Document read(Path file, String layer, Consumer<String> warnings) {
        return read(file, layer, InputLimit.DEFAULT_BYTES, warnings);
    }

    /**
     * As {@link #read(Path, String, Consumer)}, refusing files larger than {@code maxBytes} uncompressed
     * ({@link InputLimit}): before parsing when the size or the gzip stream says so.
     */
    public static GeoJsonReader.Document read(Path file, String layer, long maxBytes, Consumer<String> warnings) {
        List<GeoFeature> features = new ArrayList<>();
        GeoJsonReader.Document doc = stream(file, layer, maxBytes, warnings, features::add, ReadProgress.NONE);
        return new GeoJsonReader.Document(Collections.unmodifiableList(features), doc.members(), doc.properties());
    }

    /**
     * Reads a control file like {@link #read(Path, String, long, Consumer)}, handing each feature to
     * {@code sink} as soon as it is read instead of keeping them: what the caller makes of them (held ground
     * merged batch by batch, {@code ControlPolygons}) is then all the memory a large file costs, not the file's
     * features. Same checks, same messages, same order of features.
     *
     * @param sink     receives the features in file order
     * @param progress told how far the reading has come ({@link ReadProgress}); {@link ReadProgress#NONE}
     * @return the document's members and properties; its feature list is empty
     */
    public static GeoJsonReader.Document stream(Path file, String layer, long maxBytes, Consumer<String> warnings,
            Consumer<GeoFeature> sink, ReadProgress progress) {
        String name = file.toString();
        Format format = formatOf(file);
        InputLimit.checkEarly(file, format, maxBytes);
        if (layer != null && format != Format.GEOPACKAGE) {
            throw new InputException(name + ": --layer " + layer + ": only a GeoPackage has several layers; this"
                    + " is " + describe(format));
        }
        return switch (format) {
            case GEOJSON -> geoJson(file, maxBytes, warnings, sink, progress);
            case KML -> kml(file, maxBytes, warnings, sink, progress);
            case KMZ -> new KmlReader(warnings).readKmz(file, maxBytes, sink, progress);
            case GEOPACKAGE -> new GeoPackageReader(warnings).read(file, layer, sink, progress);
            case FLATGEOBUF -> new FlatGeobufReader(warnings).read(file, maxBytes, sink, progress);
        };
    }

    private static String describe(Format f) {
        return switch (f) {
            case GEOJSON -> "GeoJSON";
            case KML -> "KML";
            case KMZ -> "KMZ";
            case GEOPACKAGE -> "a GeoPackage";
            case FLATGEOBUF -> "FlatGeobuf";
        };
    }

    /**
     * The format of a file from its first bytes; an {@link InputException} for a missing, empty or
     * unsupported file.
     */
    public static Format formatOf(Path file) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new InputException(name + ": is a directory, not a control file");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(64);
        } catch (NoSuchFileException e) {
            throw new InputException(name + ": no such file");
        } catch (AccessDeniedException e) {
            throw new InputException(name + ": permission denied");
        } catch (IOException e) {
            throw new InputException(name + ": cannot read (" + e.getMessage() + ")", e);
        }
        String lower = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean gzip = head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
        if (!gzip && lower.endsWith(".gz")) {
            throw new InputException(name + ": not a gzip file (name ends in .gz but the content does not start"
                    + " with the gzip signature 1f 8b)");
        }
        if (head.length == 0) {
            throw new InputException(name + ": empty file, expected a GeoJSON FeatureCollection (or another format"
                    + " controlmap reads: " + SUPPORTED + ")");
        }
        if (gzip) {
            return Format.GEOJSON;
        }
        if (startsWith(head, new byte[] {'P', 'K', 3, 4}) || startsWith(head, new byte[] {'P', 'K', 5, 6})) {
            return Format.KMZ;
        }
        if (startsWith(head, SQLITE)) {
            return Format.GEOPACKAGE;
        }
        if (startsWith(head, new byte[] {'f', 'g', 'b'})) {
            return Format.FLATGEOBUF;
        }
        int i = 0;
        if (startsWith(head, new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf})) {
            i = 3;
        }
        while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
            i++;
        }
        if (i == head.length || head[i] == '{' || head[i] == '[') {
            return Format.GEOJSON; // only spaces so far: the GeoJSON reader says "empty file" or reads on
        }
        if (head[i] == '<') {
            return Format.KML;
        }
        throw unsupported(name, lower, head);
    }

    private static InputException unsupported(String name, String lower, byte[] head) {
        String ext = lower.lastIndexOf('.') >= 0 ? lower.substring(lower.lastIndexOf('.')) : "";
        boolean shapeMagic = head.length >= 4 && head[0] == 0 && head[1] == 0 && head[2] == 0x27 && head[3] == 0x0a;
        String what;
        if (shapeMagic || ext.equals(".shp") || ext.equals(".shx") || ext.equals(".dbf") || ext.equals(".prj")
                || ext.equals(".cpg")) {
            what = "part of an ESRI shapefile, which controlmap does not read; convert it with GDAL:"
                    + " ogr2ogr -f GeoJSON -t_srs EPSG:4326 out.geojson in.shp";
        } else if (ext.equals(".gpkg")) {
            what = "not a GeoPackage (it does not start with \"SQLite format 3\"; truncated, or another kind of"
                    + " file renamed?)";
        } else if (ext.equals(".fgb")) {
            what = "not a FlatGeobuf file (it does not start with the magic bytes 66 67 62 03 66 67 62)";
        } else if (ext.equals(".kmz") || ext.equals(".zip")) {
            what = "not a zip archive (it does not start with PK)";
        } else if (ext.equals(".csv") || ext.equals(".tsv") || ext.equals(".txt") || looksLikeText(head)) {
            what = "a text file that is neither GeoJSON nor KML (CSV?), which controlmap does not read";
        } else {
            what = "not a format controlmap recognises (it starts with bytes " + hex(head, 8) + ")";
        }
        return new InputException(name + ": " + what + "; controlmap reads " + SUPPORTED);
    }

    private static boolean looksLikeText(byte[] head) {
        for (byte b : head) {
            if (b >= 0 && b < 0x20 && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private static String hex(byte[] b, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(n, b.length); i++) {
            sb.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%02x", b[i] & 0xff));
        }
        return sb.toString();
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static GeoJsonReader.Document geoJson(Path file, long maxBytes, Consumer<String> warnings,
            Consumer<GeoFeature> sink, ReadProgress progress) {
        String name = file.toString();
        ProgressCounter counter = new ProgressCounter(progress, size(file));
        try (InputStream raw = new BufferedInputStream(counter.count(Files.newInputStream(file)), 1 << 16)) {
            // The reader recognises gzip itself and caps what it decompresses (gzip bombs).
            GeoJsonReader.Document doc = new GeoJsonReader(warnings, maxBytes).readDocument(raw, name,
                    counter.count(sink));
            counter.finish();
            return doc;
        } catch (NoSuchFileException e) {
            throw new InputException(name + ": no such file");
        } catch (IOException e) {
            throw new InputException(name + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static GeoJsonReader.Document kml(Path file, long maxBytes, Consumer<String> warnings,
            Consumer<GeoFeature> sink, ReadProgress progress) {
        String name = file.toString();
        ProgressCounter counter = new ProgressCounter(progress, size(file));
        try (InputStream raw = new CappedInputStream(new BufferedInputStream(counter.count(
                Files.newInputStream(file)), 1 << 16), maxBytes)) {
            GeoJsonReader.Document doc = new KmlReader(warnings).read(raw, name, counter.count(sink));
            counter.finish();
            return doc;
        } catch (IOException e) {
            throw new InputException(name + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1; // the reader says why it cannot read the file
        }
    }
}
