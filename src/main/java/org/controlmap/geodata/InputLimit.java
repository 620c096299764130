package org.controlmap.geodata;

import org.controlmap.InputException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The input size limit: how many bytes of a control file, uncompressed, controlmap reads before it refuses
 * the file. The default ({@value #DEFAULT_MB} MB) is set by the user with {@value #OPTION} or the
 * environment variable {@value #ENV}; every refusal names both (docs/inputs.md, "Limits").
 *
 * <p>Why a limit: a control file becomes JTS geometry and is overlaid with every region, so memory and time
 * grow with its vertices (about 26 bytes of GeoJSON each); a file of several hundred MB is far past any real
 * front-line export (DeepStateMap's: 80 KB) and most likely a mistake or a decompression bomb.
 *
 * <p>{@link #checkEarly} refuses before any parsing: by the file's size, and for gzip and KMZ by what they
 * inflate to, counted without keeping anything (a gzip bomb is refused after inflating {@code maxBytes}, at
 * the speed of zlib, about a second per 500 MB, instead of after building geometry from it). The readers
 * keep their own cap while parsing ({@link CappedInputStream}), so a stream that changes under them is
 * still stopped.
 */
public final class InputLimit {
    /** The default limit, in MB of uncompressed input; an MB here is 2^20 bytes (a MiB). */
    public static final long DEFAULT_MB = 512;
    /** The default limit in bytes: {@link GeoJsonReader#DEFAULT_MAX_BYTES}. */
    public static final long DEFAULT_BYTES = DEFAULT_MB << 20;
    /** Bytes in the MB of {@value #OPTION}. */
    public static final long MB = 1L << 20;
    /** The command-line option that sets the limit, in MB. */
    public static final String OPTION = "--max-input-mb";
    /** The environment variable that sets the limit, in MB, when the option is not given. */
    public static final String ENV = "CONTROLMAP_MAX_INPUT_MB";

    private InputLimit() {
    }

    /** How a refusal ends: the limit, and how to raise it. */
    static String raise(long maxBytes) {
        return "the limit is " + mb(maxBytes) + " MB (" + OPTION + " N or " + ENV + "=N raises it if the file is"
                + " genuine; docs/inputs.md, Limits)";
    }

    /** A refusal of {@code name}: "{@code what}, more than ...; the limit is ...". */
    static InputException tooLarge(String name, String what, long maxBytes) {
        return new InputException(name + ": " + what + "; " + raise(maxBytes));
    }

    private static String mb(long bytes) {
        return bytes % MB == 0 ? Long.toString(bytes / MB)
                : String.format(java.util.Locale.ROOT, "%.1f", bytes / (double) MB);
    }

    /**
     * Refuses {@code file} when it, or what it inflates to (gzip, KMZ), is larger than {@code maxBytes};
     * reads nothing but the file's size for other files.
     *
     * @param format the file's format ({@link FeatureFiles#formatOf})
     */
    static void checkEarly(Path file, FeatureFiles.Format format, long maxBytes) {
        String name = file.toString();
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw tooLarge(name, "file of " + mb(size) + " MB", maxBytes);
            }
            if (format == FeatureFiles.Format.GEOJSON && gzip(file)) {
                long inflated = inflatedUpTo(file, maxBytes);
                if (inflated > maxBytes) {
                    throw tooLarge(name, "gzip data that inflates to more than " + mb(maxBytes) + " MB", maxBytes);
                }
            } else if (format == FeatureFiles.Format.KMZ) {
                try (ZipFile zip = new ZipFile(file.toFile())) {
                    long total = 0;
                    for (var e = zip.entries(); e.hasMoreElements();) {
                        ZipEntry z = e.nextElement();
                        total += Math.max(0, z.getSize()); // declared sizes; the reader's cap checks the real ones
                    }
                    if (total > maxBytes) {
                        throw tooLarge(name, "zip archive that inflates to " + mb(total) + " MB", maxBytes);
                    }
                } catch (IOException e) {
                    return; // the KMZ reader says what is wrong with the archive
                }
            }
        } catch (IOException e) {
            return; // the reader reports unreadable files with their own message
        }
    }

    private static boolean gzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /**
     * Bytes the gzip file inflates to, counted up to {@code maxBytes + 1} and no further. Corrupt data counts
     * as far as it goes: the reader then reports the corruption with its place.
     */
    static long inflatedUpTo(Path file, long maxBytes) throws IOException {
        long n = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16),
                1 << 16)) {
            int r;
            while (n <= maxBytes && (r = in.read(buf)) > 0) {
                n += r;
            }
        } catch (java.io.EOFException | java.util.zip.ZipException e) {
            return n;
        }
        return n;
    }
}
