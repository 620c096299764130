package org.controlmap.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.controlmap.geodata.InputException;

/**
 * Writes an output file so that a failed run never leaves a half-written or
 * clobbered file: bytes go to a temporary file in the same directory, which is
 * moved over the target only when writing has finished.
 */
public final class AtomicOutput {

    /** Writes the bytes of an output; may throw to abandon the write. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicOutput() {
    }

    /**
     * Fails early, before any work, when {@code target} cannot be written: its
     * directory is missing or not writable, or it is a directory.
     */
    public static void checkWritable(Path target) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (Files.isDirectory(abs)) {
            throw new InputException(target + ": is a directory, not an output file");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new InputException(target + ": output directory " + dir + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            throw new InputException(target + ": output directory " + dir + " is not writable");
        }
    }

    /** Refuses to write over one of the inputs. */
    public static void checkNotInput(Path target, Path... inputs) {
        for (Path in : inputs) {
            if (in == null) {
                continue;
            }
            try {
                if (Files.exists(in) && Files.exists(target) && Files.isSameFile(in, target)
                        || target.toAbsolutePath().normalize().equals(in.toAbsolutePath().normalize())) {
                    throw new InputException(target + ": output would overwrite input " + in);
                }
            } catch (IOException e) {
                // unreadable paths are reported by whoever reads them
            }
        }
    }

    /** Temp files are private (0600); an output is a normal file (0644, as the umask allows). */
    private static void readableByAll(Path p) {
        try {
            Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: keep the default
        }
    }

    /** Writes {@code target} atomically; creates missing parent directories only if {@code mkdirs}. */
    public static void write(Path target, boolean mkdirs, Writer writer) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        try {
            if (mkdirs && dir != null) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new InputException(target + ": cannot create directory " + dir + " (" + e.getMessage() + ")");
        }
        checkWritable(target);
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
            readableByAll(tmp);
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.writeTo(out);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (AccessDeniedException e) {
            throw new InputException(target + ": permission denied");
        } catch (IOException e) {
            throw new InputException(target + ": cannot write (" + e.getMessage() + ")", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the target is untouched either way
                }
            }
        }
    }
}
