package org.controlmap.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.controlmap.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link AtomicOutput#write} does to each kind of name: files replaced whole, links and devices never. */
class AtomicOutputTest {
    @TempDir
    Path dir;

    private static void write(Path target, String text) {
        AtomicOutput.write(target, false, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static boolean isOther(Path p) throws IOException {
        return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther();
    }

    /** Runs a command such as mkfifo; false when it is missing or not allowed (the test is then skipped). */
    private static boolean tool(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void replacesARegularFileWholeWithMode0644() throws IOException {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, "old");
        write(f, "new");
        assertThat(Files.readString(f)).isEqualTo("new");
        assertThat(names()).containsExactly("t.csv");
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-r--r--");
    }

    @Test
    void aFailedWriteKeepsTheOldBytesAndLeavesNoTemp() throws IOException {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, "old");
        assertThatThrownBy(() -> AtomicOutput.write(f, false, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).isInstanceOf(InputException.class).hasMessageContaining("t.csv").hasMessageContaining("disk full");
        assertThat(Files.readString(f)).isEqualTo("old");
        assertThat(names()).containsExactly("t.csv");
    }

    /**
     * The reviewer's case. Run as root against code without the fix, this replaces the machine's
     * /dev/null; {@link #aDeviceNodeIsWrittenThroughNotReplaced} shows the same on a private node.
     */
    @Test
    void devNullStaysACharacterDevice() throws IOException {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull) && isOther(devNull), "no /dev/null device here");
        // A regression must not cost the machine (CI runs as root) its /dev/null: a private node goes first,
        // and the real one is only written when the private one survived.
        Path node = dir.resolve("probe-null");
        if (tool("mknod", node.toString(), "c", "1", "3")) {
            write(node, "probe");
            assertThat(isOther(node)).as("a private device node was replaced; /dev/null left alone").isTrue();
        }
        write(devNull, "gone");
        assertThat(Files.isRegularFile(devNull, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(isOther(devNull)).isTrue();
    }

    @Test
    void aDeviceNodeIsWrittenThroughNotReplaced() throws IOException {
        // A private copy of /dev/null (char 1,3): a failure here replaces only this node.
        Path node = dir.resolve("null");
        assumeTrue(tool("mknod", node.toString(), "c", "1", "3"), "mknod not allowed");
        write(node, "gone");
        assertThat(isOther(node)).isTrue();
        assertThat(names()).containsExactly("null");
    }

    @Test
    void aFifoIsStreamedIntoNotReplaced() throws Exception {
        Path fifo = dir.resolve("pipe");
        assumeTrue(tool("mkfifo", fifo.toString()), "mkfifo not available");
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllBytes(fifo);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        Path link = dir.resolve("to-pipe");
        Files.createSymbolicLink(link, fifo.getFileName());
        write(link, "through the pipe");
        assertThat(new String(read.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8)).isEqualTo("through the pipe");
        assertThat(isOther(fifo)).isTrue();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(names()).containsExactly("pipe", "to-pipe");
    }

    @Test
    void aSymlinkIsFollowedAndItsTargetReplaced() throws IOException {
        Files.createDirectory(dir.resolve("real"));
        Path target = dir.resolve("real/t.csv");
        Files.writeString(target, "old");
        Path link = dir.resolve("link.csv");
        Files.createSymbolicLink(link, Path.of("real", "t.csv"));
        write(link, "new");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(names()).containsExactly("link.csv", "real");
        try (Stream<Path> s = Files.list(dir.resolve("real"))) {
            assertThat(s.count()).isEqualTo(1);
        }
    }

    @Test
    void aDanglingSymlinkGetsItsTargetCreated() throws IOException {
        Path link = dir.resolve("link.csv");
        Files.createSymbolicLink(link, Path.of("later.csv"));
        write(link, "new");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(dir.resolve("later.csv"))).isEqualTo("new");
    }

    @Test
    void anyLegalFileNameWorks() throws IOException {
        String ascii = "a".repeat(246) + ".csv"; // 250 bytes
        String cyrillic = "ж".repeat(125) + ".md"; // 253 bytes of UTF-8
        String astral = "\uD835\uDD38".repeat(62) + "x.json"; // 𝔸, 4 bytes each: 254 bytes
        for (String name : List.of(ascii, cyrillic, astral)) {
            assertThat(name.getBytes(StandardCharsets.UTF_8).length).isBetween(250, 255);
            Path f = dir.resolve(name);
            write(f, name);
            write(f, "again " + name); // over an existing file too
            assertThat(Files.readString(f)).isEqualTo("again " + name);
        }
        assertThat(names()).containsExactlyInAnyOrder(ascii, cyrillic, astral);
    }

    @Test
    void aDirectoryIsRefused() throws IOException {
        Files.createDirectory(dir.resolve("d"));
        assertThatThrownBy(() -> write(dir.resolve("d"), "x")).isInstanceOf(InputException.class)
                .hasMessageContaining("is a directory");
        Path link = dir.resolve("to-d");
        Files.createSymbolicLink(link, dir.resolve("d"));
        assertThatThrownBy(() -> write(link, "x")).isInstanceOf(InputException.class)
                .hasMessageContaining("is a directory");
    }

    @Test
    void anInputIsRecognisedByAnyName() throws IOException {
        Path in = dir.resolve("in.geojson");
        Files.writeString(in, "{}");
        Path link = dir.resolve("alias.geojson");
        Files.createSymbolicLink(link, in);
        assertThatThrownBy(() -> AtomicOutput.checkNotInput(link, in)).isInstanceOf(InputException.class)
                .hasMessageContaining("would overwrite input");
        assertThatThrownBy(() -> AtomicOutput.checkNotInput(dir.resolve("./in.geojson"), in))
                .isInstanceOf(InputException.class);
        AtomicOutput.checkNotInput(dir.resolve("other.geojson"), in);
    }
}
