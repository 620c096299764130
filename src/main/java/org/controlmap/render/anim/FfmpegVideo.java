package org.controlmap.render.anim;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.controlmap.InputException;

/**
 * An MP4 (H.264) or WebM (VP9) video made by ffmpeg from PNG frames piped to
 * it ({@code ffmpeg -f image2pipe -c:v png -i -}), one frame at a time, so
 * no frame is kept. ffmpeg is not bundled: {@link #locate} finds it on the
 * PATH, or says in one line how to install it.
 */
public final class FfmpegVideo implements AutoCloseable {
    private final Process process;
    private final OutputStream stdin;
    private final Thread drain;
    private final StringBuilder log = new StringBuilder();
    private final Path output;
    private boolean finished;

    /**
     * The ffmpeg executable on {@code path} (a PATH value: directories separated by the system's path
     * separator).
     *
     * @throws InputException naming the output and how to get ffmpeg, when there is none
     */
    public static Path locate(String path, Path forOutput) {
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                for (String name : List.of("ffmpeg", "ffmpeg.exe")) {
                    Path p = Path.of(dir, name);
                    if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                        return p;
                    }
                }
            }
        }
        throw new InputException(forOutput + ": .mp4 and .webm are made with ffmpeg, which is not on the PATH; "
                + "install it (apt-get install ffmpeg) or write a .gif");
    }

    /**
     * Starts ffmpeg writing {@code output} (.mp4 or .webm, by its name).
     *
     * @param fps frames per second, as a fraction {@code num/den} so any delay in ms is exact
     */
    public FfmpegVideo(Path ffmpeg, Path output, String format, int fpsNum, int fpsDen) throws IOException {
        this.output = output;
        List<String> cmd = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-loglevel", "error",
                "-y", "-f", "image2pipe", "-framerate", fpsNum + "/" + fpsDen,
                "-c:v", "png", "-i", "-",
                // H.264 and VP9 in 4:2:0 need even sizes.
                "-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2", "-pix_fmt", "yuv420p", "-fflags", "+bitexact"));
        switch (format.toLowerCase(Locale.ROOT)) {
            case "mp4" -> cmd.addAll(List.of("-c:v", "libx264", "-preset", "medium", "-crf", "20",
                    "-movflags", "+faststart", "-f", "mp4"));
            case "webm" -> cmd.addAll(List.of("-c:v", "libvpx-vp9", "-b:v", "0", "-crf", "32", "-f", "webm"));
            default -> throw new IllegalArgumentException("format " + format);
        }
        cmd.add(output.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        process = pb.start();
        stdin = process.getOutputStream();
        InputStream err = process.getErrorStream();
        // ffmpeg's messages are read as they come, or a chatty ffmpeg would block on a full pipe.
        drain = new Thread(() -> {
            try {
                String s = new String(err.readAllBytes(), StandardCharsets.UTF_8);
                synchronized (log) {
                    log.append(s);
                }
            } catch (IOException e) {
                // the exit code tells
            }
        }, "controlmap-ffmpeg-log");
        drain.setDaemon(true);
        drain.start();
    }

    /** Sends one PNG frame. */
    public void frame(byte[] png) throws IOException {
        try {
            stdin.write(png);
        } catch (IOException e) {
            throw failure("stopped taking frames");
        }
    }

    /** Ends the video and waits for ffmpeg; an {@link InputException} with ffmpeg's last words when it failed. */
    public void finish() throws IOException {
        finished = true;
        try {
            stdin.close();
        } catch (IOException e) {
            // reported by the exit code
        }
        try {
            int code = process.waitFor();
            drain.join();
            if (code != 0) {
                throw failure("exited with code " + code);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while ffmpeg was writing " + output, e);
        }
    }

    private InputException failure(String what) {
        try {
            process.waitFor();
            drain.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String last;
        synchronized (log) {
            String[] lines = log.toString().strip().split("\\R");
            last = lines.length == 0 || lines[lines.length - 1].isBlank() ? "no message"
                    : lines[lines.length - 1].strip();
        }
        return new InputException(output + ": ffmpeg " + what + ": " + last);
    }

    /** Stops ffmpeg if the video was not finished (a failed run). */
    @Override
    public void close() {
        if (!finished) {
            process.destroyForcibly();
        }
    }
}
