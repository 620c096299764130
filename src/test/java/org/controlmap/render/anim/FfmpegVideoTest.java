package org.controlmap.render.anim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.controlmap.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ffmpeg is looked for on the PATH given, and fed the frames through its standard input. */
class FfmpegVideoTest {

    @Test
    void noFfmpegOnThePathIsOneLineSayingHowToInstallIt(@TempDir Path dir) throws IOException {
        Path empty = Files.createDirectories(dir.resolve("bin"));
        Files.writeString(empty.resolve("ffmpeg.txt"), "not it");
        assertThatThrownBy(() -> FfmpegVideo.locate(empty + java.io.File.pathSeparator + dir.resolve("nothing"),
                Path.of("out.mp4")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("out.mp4")
                .hasMessageContaining("apt-get install ffmpeg")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> FfmpegVideo.locate(null, Path.of("out.webm"))).isInstanceOf(InputException.class);
    }

    @Test
    void framesArePipedInOrderAndFailuresNameTheOutput(@TempDir Path dir) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path fake = bin.resolve("ffmpeg");
        // Writes what it reads to its last argument, as ffmpeg writes the video there.
        Files.writeString(fake, "#!/bin/sh\nfor a in \"$@\"; do last=$a; done\ncat > \"$last\"\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(FfmpegVideo.locate(bin.toString(), Path.of("v.mp4"))).isEqualTo(fake);
        Path out = dir.resolve("v.mp4");
        try (FfmpegVideo v = new FfmpegVideo(fake, out, "mp4", 1000, 250)) {
            v.frame(new byte[] {1, 2});
            v.frame(new byte[] {3});
            v.finish();
        }
        assertThat(Files.readAllBytes(out)).containsExactly(1, 2, 3);

        Path failing = bin.resolve("bad");
        Files.writeString(failing, "#!/bin/sh\ncat > /dev/null\necho 'Unknown encoder libx264' >&2\nexit 1\n");
        Files.setPosixFilePermissions(failing, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (FfmpegVideo v = new FfmpegVideo(failing, dir.resolve("w.mp4"), "mp4", 1000, 250)) {
            v.frame(new byte[] {1});
            assertThatThrownBy(v::finish).isInstanceOf(InputException.class)
                    .hasMessage(dir.resolve("w.mp4") + ": ffmpeg exited with code 1: Unknown encoder libx264");
        }
    }
}
