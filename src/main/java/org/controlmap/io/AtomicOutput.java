package org.controlmap.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import org.controlmap.InputException;

/**
 * Writes an output file so that a failed run never leaves a half-written or
 * clobbered file: bytes go to a temporary file in the same directory, which is
 * moved over the target only when writing has finished. Several outputs of one
 * run go through an {@link OutputSet}, which replaces them all or none.
 *
 * <p>What an output name may be, and what happens to it:
 * <ul>
 * <li><b>A regular file, or nothing yet</b>: written to a temporary file
 * {@code .NAME.RANDOM.tmp} in the same directory (NAME cut to
 * {@value #TEMP_NAME_BYTES} bytes of UTF-8, so any legal file name works),
 * mode 0644, then renamed over the target.</li>
 * <li><b>A symbolic link</b>: never replaced itself. The link is followed to
 * its final target, and that file is replaced atomically as above (created, if
 * the link dangles and the target's directory exists). If the link leads to a
 * device or FIFO, the rule for those applies.</li>
 * <li><b>A character or block device, a FIFO</b> (e.g. {@code /dev/null}),
 * and the descriptor names {@code /dev/stdout}, {@code /dev/stderr},
 * {@code /dev/fd/N}, {@code /proc/...}: bytes are streamed into it (opened
 * for appending, never created, truncated or replaced; a temporary file and a
 * rename are impossible there). The output is buffered first, so a run that
 * fails while producing it writes nothing; a write to the device itself can
 * fail midway, and what reached it stays.</li>
 * <li><b>A directory</b>: refused. So is a name ending in a separator
 * ({@code -o newdir/}), when the command line is parsed ({@code Path} drops the
 * separator, so this class cannot see it; see {@code cli.FilePathConverter}).</li>
 * </ul>
 */
public final class AtomicOutput {

    /** Bytes of the output's name kept in its temporary file's name: with the rest, far below 255. */
    static final int TEMP_NAME_BYTES = 96;

    /** Writes the bytes of an output; may throw to abandon the write. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * An output name resolved: {@code dest} is the file a temp is renamed over
     * (links followed), or the device/FIFO/descriptor bytes are streamed into.
     */
    record Target(Path given, Path dest, boolean streamed) {
    }

    private AtomicOutput() {
    }

    /**
     * Fails early, before any work, when {@code target} cannot be written: its
     * directory is missing or not writable, or it is a directory. Devices,
     * FIFOs and descriptor names pass (they are streamed into).
     */
    public static void checkWritable(Path target) {
        resolve(target);
    }

    /**
     * Follows the rules in the class comment.
     *
     * @throws InputException when {@code target} cannot be an output file
     */
    static Target resolve(Path target) {
        Path abs = target.toAbsolutePath();
        if (isDescriptorName(abs)) {
            if (!Files.exists(abs)) {
                throw new InputException(target + ": no such descriptor");
            }
            return new Target(target, abs, true);
        }
        Path dest = abs;
        try {
            if (Files.isSymbolicLink(abs)) {
                dest = Files.exists(abs) ? abs.toRealPath() : danglingTarget(target, abs);
            }
        } catch (IOException e) {
            throw new InputException(target + ": cannot follow the link (" + reason(e) + ")");
        }
        BasicFileAttributes a = attributes(dest);
        if (a != null && a.isDirectory()) {
            throw new InputException(target + ": is a directory, not an output file");
        }
        if (a != null && a.isOther()) {
            if (!Files.isWritable(dest)) {
                throw new InputException(target + ": not writable");
            }
            return new Target(target, dest, true);
        }
        Path dir = dest.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new InputException(target + ": output directory " + dir + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            throw new InputException(target + ": output directory " + dir + " is not writable");
        }
        return new Target(target, dest, false);
    }

    /** Names standing for an open descriptor: replacing what they resolve to would bypass the shell's redirection. */
    private static boolean isDescriptorName(Path abs) {
        String s = abs.normalize().toString();
        return s.equals("/dev/stdout") || s.equals("/dev/stderr") || s.startsWith("/dev/fd/")
                || s.startsWith("/proc/");
    }

    /** The file a dangling link would create: its chain of links followed by hand (the kernel allows 40). */
    private static Path danglingTarget(Path target, Path link) throws IOException {
        Path p = link;
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops == 40) {
                throw new InputException(target + ": too many levels of symbolic links");
            }
            Path parent = p.getParent().toRealPath();
            p = parent.resolve(Files.readSymbolicLink(p));
        }
        return p;
    }

    private static BasicFileAttributes attributes(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class);
        } catch (IOException e) {
            return null; // missing (or unreadable: writing it reports why)
        }
    }

    /** Refuses to write over one of the inputs. */
    public static void checkNotInput(Path target, Path... inputs) {
        checkNotInput(target, java.util.Arrays.asList(inputs));
    }

    /**
     * Refuses to write over one of the inputs: the same name, or the same file
     * by another name (a link, {@code ./}, a file found in an input directory
     * or by a glob: pass every file a command will read, not only those named).
     */
    public static void checkNotInput(Path target, Collection<Path> inputs) {
        Path norm = target.toAbsolutePath().normalize();
        boolean exists = Files.exists(target);
        for (Path in : inputs) {
            if (in == null) {
                continue;
            }
            boolean same = norm.equals(in.toAbsolutePath().normalize());
            try {
                same = same || exists && Files.exists(in) && Files.isSameFile(in, target);
            } catch (IOException e) {
                // unreadable paths are reported by whoever reads them
            }
            if (same) {
                throw new InputException(target + ": output would overwrite input " + in);
            }
        }
    }

    /** Writes {@code target} atomically; creates missing parent directories only if {@code mkdirs}. */
    public static void write(Path target, boolean mkdirs, Writer writer) {
        try (OutputSet set = new OutputSet()) {
            set.add(target, mkdirs, writer);
            set.commit();
        }
    }

    /**
     * The prefix of a temporary (or backup) file for {@code dest}: a dot, then
     * the name cut to at most {@link #TEMP_NAME_BYTES} bytes of UTF-8 on a
     * character boundary, then a dot. The random part that follows keeps it
     * unique; the cut name only helps a person who finds a left-over file.
     */
    static String tempPrefix(Path dest) {
        String name = dest.getFileName().toString();
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > TEMP_NAME_BYTES) {
            int end = 0;
            int bytes = 0;
            while (end < name.length()) {
                int cp = name.codePointAt(end);
                int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
                if (bytes + n > TEMP_NAME_BYTES) {
                    break;
                }
                bytes += n;
                end += Character.charCount(cp);
            }
            name = name.substring(0, end);
        }
        return "." + name + ".";
    }

    /** The file-system's reason, without the file name Java puts in front of it. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    static boolean existsNoFollow(Path p) {
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }
}
