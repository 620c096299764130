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
import java.util.List;
import java.util.stream.Stream;
import org.controlmap.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several outputs of one run: all replaced, or none. */
class OutputSetTest {
    @TempDir
    Path dir;

    private static AtomicOutput.Writer text(String s) {
        return out -> out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void allAreReplacedOnCommit() throws IOException {
        Path a = dir.resolve("a.svg");
        Path b = dir.resolve("b.png");
        Files.writeString(a, "old a");
        try (OutputSet set = new OutputSet()) {
            set.add(a, false, text("new a"));
            set.add(b, false, text("new b"));
            assertThat(Files.readString(a)).as("nothing moves before the commit").isEqualTo("old a");
            set.commit();
        }
        assertThat(Files.readString(a)).isEqualTo("new a");
        assertThat(Files.readString(b)).isEqualTo("new b");
        assertThat(names()).containsExactly("a.svg", "b.png");
    }

    @Test
    void aFailingWriterLeavesEveryOutputAsItWas() throws IOException {
        Path a = dir.resolve("a.svg");
        Files.writeString(a, "old a");
        assertThatThrownBy(() -> {
            try (OutputSet set = new OutputSet()) {
                set.add(a, false, text("new a"));
                set.add(dir.resolve("b.png"), false, out -> {
                    throw new IOException("No space left on device");
                });
                set.commit();
            }
        }).isInstanceOf(InputException.class).hasMessageContaining("b.png").hasMessageContaining("No space left");
        assertThat(Files.readString(a)).isEqualTo("old a");
        assertThat(names()).containsExactly("a.svg");
    }

    @Test
    void aRenameFailingMidwayPutsBackTheFilesAlreadyReplaced() throws IOException {
        Path a = dir.resolve("a.svg");
        Path fresh = dir.resolve("fresh.csv");
        Path b = dir.resolve("b.png");
        Files.writeString(a, "old a");
        assertThatThrownBy(() -> {
            try (OutputSet set = new OutputSet()) {
                set.add(a, false, text("new a"));
                set.add(fresh, false, text("new"));
                set.add(b, false, text("new b"));
                // After b was written, something makes its rename impossible: a non-empty directory there.
                Files.createDirectories(b.resolve("inside"));
                set.commit();
            }
        }).isInstanceOf(InputException.class).hasMessageContaining("b.png")
                .hasMessageContaining("already replaced were restored")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(Files.readString(a)).isEqualTo("old a");
        assertThat(fresh).doesNotExist();
        assertThat(names()).containsExactly("a.svg", "b.png");
    }

    @Test
    void aDeviceFailingAtCommitReplacesNoFile() throws IOException {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.exists(full)
                && Files.readAttributes(full, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther(),
                "no /dev/full device here");
        Path a = dir.resolve("a.csv");
        Files.writeString(a, "old a");
        assertThatThrownBy(() -> {
            try (OutputSet set = new OutputSet()) {
                set.add(a, false, text("new a"));
                set.add(full, false, text("x".repeat(100_000)));
                set.commit();
            }
        }).isInstanceOf(InputException.class).hasMessageContaining("/dev/full")
                .hasMessageContaining("no file output was replaced");
        assertThat(Files.readString(a)).isEqualTo("old a");
        assertThat(names()).containsExactly("a.csv");
        assertThat(Files.isRegularFile(full, LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void theSameFileTwiceIsRefused() throws IOException {
        Path a = dir.resolve("a.csv");
        Path link = dir.resolve("link.csv");
        Files.createSymbolicLink(link, a.getFileName());
        assertThatThrownBy(() -> {
            try (OutputSet set = new OutputSet()) {
                set.add(a, false, text("1"));
                set.add(link, false, text("2"));
            }
        }).isInstanceOf(InputException.class).hasMessageContaining("same file as output");
        assertThat(names()).containsExactly("link.csv");
    }

    @Test
    void tempNamesStayShortWhateverTheName() {
        for (String name : List.of("a".repeat(250), "ж".repeat(127), "\uD835\uDD38".repeat(63), "t.csv")) {
            String prefix = AtomicOutput.tempPrefix(Path.of(name));
            // + up to 20 digits of the random part and ".tmp"/".bak"
            assertThat(prefix.getBytes(StandardCharsets.UTF_8).length + 24).isLessThanOrEqualTo(255);
            assertThat(name).startsWith(prefix.substring(1, prefix.length() - 1));
        }
    }
}
