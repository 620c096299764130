package org.controlmap.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.controlmap.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ReportBundle#write}: all files or none, and no directory left behind by a failed run. */
class ReportBundleWriteTest {
    @TempDir
    Path dir;

    private static ReportBundle.BundleFile file(String name, String text) {
        return new ReportBundle.BundleFile(name, name, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aFailedWriteIntoANewDirectoryLeavesNoDirectory() {
        Path target = dir.resolve("bundle");
        // The second file names the first again: OutputSet refuses it after the first is staged.
        ReportBundle bundle = new ReportBundle(List.of(file("a.txt", "one"), file("a.txt", "two")));
        assertThatThrownBy(() -> bundle.write(target)).isInstanceOf(InputException.class)
                .hasMessageContaining("a.txt");
        assertThat(target).doesNotExist();
    }

    @Test
    void aFailedWriteIntoAnExistingDirectoryKeepsItAndItsFiles() throws IOException {
        Path target = Files.createDirectory(dir.resolve("bundle"));
        Files.writeString(target.resolve("a.txt"), "old");
        ReportBundle bundle = new ReportBundle(List.of(file("a.txt", "new"), file("a.txt", "newer")));
        assertThatThrownBy(() -> bundle.write(target)).isInstanceOf(InputException.class);
        assertThat(Files.readString(target.resolve("a.txt"))).isEqualTo("old");
        try (Stream<Path> s = Files.list(target)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("a.txt");
        }
    }

    @Test
    void aWrittenBundleHoldsEveryFileWithItsBytes() throws IOException {
        Path target = dir.resolve("bundle");
        new ReportBundle(List.of(file("a.txt", "one"), file("b.txt", "two"))).write(target);
        assertThat(Files.readString(target.resolve("a.txt"))).isEqualTo("one");
        assertThat(Files.readString(target.resolve("b.txt"))).isEqualTo("two");
    }
}
