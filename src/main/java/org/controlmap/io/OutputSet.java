package org.controlmap.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.controlmap.InputException;

/**
 * The outputs of one run, replaced all together or not at all. {@link #add}
 * writes each output to its temporary file (see {@link AtomicOutput} for what
 * a name may be); {@link #commit} moves them all into place once every one
 * was written; {@link #close} deletes the temporary files of a set not
 * committed, so a run that fails before the commit changes no output.
 *
 * <p>What a commit guarantees: outputs streamed into a device, FIFO or
 * descriptor are written first (they cannot be taken back), then files are
 * renamed over their targets one by one, each rename atomic. Before each
 * rename the old file gets a hard link next to it; if a later rename fails,
 * the files already replaced get their old bytes back by renaming the link
 * over them (new files are deleted), and the error says so in one line. Only
 * if that restore fails too (or the file system has no hard links) can a
 * failed run leave some outputs new and some old; the message then names the
 * ones replaced. A process killed midway may leave {@code .NAME.*.tmp} or
 * {@code .NAME.*.bak} files, never a half-written output.
 */
public final class OutputSet implements AutoCloseable {

    /** An output written and waiting: a temp file to rename, or bytes to stream. */
    private static final class Staged {
        final AtomicOutput.Target target;
        Path tmp;
        byte[] bytes;
        Path backup;
        boolean existed;
        boolean moved;

        Staged(AtomicOutput.Target target) {
            this.target = target;
        }
    }

    private final List<Staged> staged = new ArrayList<>();
    private boolean finished;

    /**
     * Writes one output to its temporary file (or, for a device, to memory).
     *
     * @param mkdirs whether a missing parent directory is created (the default out/)
     * @throws InputException when the output cannot be written; the set is then
     *         to be closed, not committed
     */
    public void add(Path target, boolean mkdirs, AtomicOutput.Writer writer) {
        if (finished) {
            throw new IllegalStateException("output set already committed or closed");
        }
        Path dir = target.toAbsolutePath().getParent();
        try {
            if (mkdirs && dir != null) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new InputException(target + ": cannot create directory " + dir + " (" + AtomicOutput.reason(e) + ")");
        }
        AtomicOutput.Target t = AtomicOutput.resolve(target);
        for (Staged s : staged) {
            if (s.target.dest().equals(t.dest())) {
                throw new InputException(target + ": same file as output " + s.target.given());
            }
        }
        Staged s = new Staged(t);
        try {
            if (t.streamed()) {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                writer.writeTo(buf);
                s.bytes = buf.toByteArray();
            } else {
                s.tmp = Files.createTempFile(t.dest().getParent(), AtomicOutput.tempPrefix(t.dest()), ".tmp");
                staged.add(s); // from now on close() deletes the temp
                readableByAll(s.tmp);
                try (OutputStream out = Files.newOutputStream(s.tmp)) {
                    writer.writeTo(out);
                }
                return;
            }
        } catch (IOException e) {
            throw new InputException(target + ": cannot write (" + AtomicOutput.reason(e) + ")", e);
        }
        staged.add(s);
    }

    /**
     * Streams the device outputs, then renames every temporary file over its
     * target, restoring the ones already replaced if a rename fails.
     *
     * @throws InputException naming the output that failed and what became of the others
     */
    public void commit() {
        if (finished) {
            throw new IllegalStateException("output set already committed or closed");
        }
        for (Staged s : staged) {
            if (s.target.streamed()) {
                try (OutputStream out = Files.newOutputStream(s.target.dest(), StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND)) {
                    out.write(s.bytes);
                } catch (IOException e) {
                    throw new InputException(s.target.given() + ": cannot write (" + AtomicOutput.reason(e) + ")"
                            + (staged.size() > 1 ? "; no file output was replaced" : ""), e);
                }
            }
        }
        for (Staged s : staged) {
            if (s.target.streamed()) {
                continue;
            }
            Path dest = s.target.dest();
            try {
                s.existed = Files.isRegularFile(dest);
                if (s.existed) {
                    s.backup = backup(dest);
                }
                move(s.tmp, dest);
                s.tmp = null;
                s.moved = true;
            } catch (IOException e) {
                throw new InputException(s.target.given() + ": cannot write (" + AtomicOutput.reason(e) + ")"
                        + rollBack(), e);
            }
        }
        finished = true;
        deleteBackups();
    }

    /** Puts back the files already replaced; says what it could not, as the end of the error's one line. */
    private String rollBack() {
        List<String> left = new ArrayList<>();
        boolean any = false;
        for (Staged s : staged) {
            if (!s.moved) {
                continue;
            }
            any = true;
            try {
                if (s.backup != null) {
                    move(s.backup, s.target.dest());
                    s.backup = null;
                } else if (!s.existed) {
                    Files.deleteIfExists(s.target.dest());
                } else {
                    left.add(s.target.given().toString());
                }
            } catch (IOException e) {
                left.add(s.target.given().toString());
            }
        }
        if (!left.isEmpty()) {
            return "; already replaced and not restored: " + String.join(", ", left);
        }
        if (staged.size() == 1) {
            return "";
        }
        return any ? "; the outputs already replaced were restored" : "; no output was replaced";
    }

    /**
     * A second name for the old file, so it can be put back; null when the
     * file system has no hard links (the commit is then best effort).
     */
    private static Path backup(Path dest) {
        String prefix = AtomicOutput.tempPrefix(dest);
        for (int attempt = 0; attempt < 100; attempt++) {
            Path b = dest.resolveSibling(prefix + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()) + ".bak");
            try {
                return Files.createLink(b, dest);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // try another name
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                return null;
            }
        }
        return null;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Temp files are private (0600); an output is a normal file (0644, as the umask allows). */
    private static void readableByAll(Path p) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: keep the default
        }
    }

    private void deleteBackups() {
        for (Staged s : staged) {
            deleteQuietly(s.backup);
            s.backup = null;
        }
    }

    /** Deletes the temporary files of outputs not moved into place (and any backup left). */
    @Override
    public void close() {
        finished = true;
        for (Staged s : staged) {
            deleteQuietly(s.tmp);
            s.tmp = null;
        }
        deleteBackups();
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: the target is untouched either way
        }
    }
}
