package org.controlmap.cli;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.controlmap.control.Controller;
import org.controlmap.control.measure.ControlOverlay;
import org.controlmap.control.measure.MeasureOptions;
import org.controlmap.control.measure.SnapshotFiles;
import org.controlmap.control.measure.SnapshotSequence;
import org.controlmap.geodata.FeatureSelection;
import org.controlmap.InputException;
import org.controlmap.io.AtomicOutput;
import org.controlmap.io.OutputSet;
import org.controlmap.region.AreaBasis;
import org.controlmap.region.CountryOutline;
import org.controlmap.region.RegionCatalogue;
import org.controlmap.render.MapFocus;
import org.controlmap.render.MapFormat;
import org.controlmap.render.MapMode;
import org.controlmap.render.MapOptions;
import org.controlmap.render.MapScene;
import org.controlmap.render.PngMap;
import org.controlmap.render.anim.FfmpegVideo;
import org.controlmap.render.anim.FrameLayout;
import org.controlmap.render.anim.FramePipeline;
import org.controlmap.render.anim.GifAnimation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "animate", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"A map per dated snapshot, as an animated GIF, an MP4 or WebM video (made by ffmpeg), or one "
                + "SVG or PNG file per frame.",
            "Snapshots are taken and dated as series takes them. Every frame is render's map of control polygons "
                    + "(same extent, regions, names, legend, title and credit) with that date's held territory, "
                    + "the date in large type, the held km² with the change since the first frame, and the first "
                    + "frame's front as a dashed line."})
final class AnimateCommand implements Callable<Integer> {
    static final int DEFAULT_DELAY_MS = 250;
    static final int DEFAULT_HOLD_MS = 2000;
    static final int RASTER_WIDTH = 1000;
    private static final Pattern EVERY = Pattern.compile("(\\d{1,4})([dwmy])");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", arity = "1..*",
            description = "Snapshot files (.geojson, .geojson.gz), directories of them, or glob patterns; or one "
                    + "FeatureCollection whose features carry a 'date'.")
    List<String> inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true,
            description = "FILE.gif (animated, loops), FILE.mp4 or FILE.webm (needs ffmpeg), or a name with {date} "
                    + "ending in .svg or .png for one file per frame, e.g. frames/map-{date}.svg (a missing "
                    + "directory is made).")
    String output;

    @Option(names = "--every", paramLabel = "N{d|w|m|y}",
            description = "One frame per period (7d, 2w, 1m): the first snapshot on or after each period's start "
                    + "and before the next's; periods start at --from, else at the first snapshot, and a period "
                    + "without snapshots has no frame. Default: every snapshot.")
    String every;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "No snapshot before this date.")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "No snapshot after this date.")
    String to;

    @Option(names = "--controller", paramLabel = "RU|UA", defaultValue = "RU",
            description = "Side whose territory is drawn and measured; also the side of features without a "
                    + "'controller' property. Default: RU.")
    Controller controller;

    @Mixin
    AttributionOptions attribution = new AttributionOptions();

    @Mixin
    SelectionOptions selection = new SelectionOptions();

    @Option(names = "--fps", paramLabel = "N",
            description = "Frames per second, over 0 and at most 50. Default: 4 (250 ms a frame).")
    Double fps;

    @Option(names = "--delay-ms", paramLabel = "MS",
            description = "How long each frame shows, 20 to 60000 ms (instead of --fps).")
    Integer delayMs;

    @Option(names = "--hold-ms", paramLabel = "MS",
            description = "How long the last frame shows before the loop starts again (GIF) or the video ends, "
                    + "at least the frame delay. Default: 2000.")
    Integer holdMs;

    @Mixin
    MapPageOptions page = new MapPageOptions();

    @Mixin
    FocusOptions frame = new FocusOptions();

    @Option(names = "--source", paramLabel = "TEXT",
            description = "Credit for the figures, instead of DeepStateMap's for its daily exports or else the "
                    + "file names.")
    String source;

    @Option(names = "--threads", paramLabel = "N",
            description = "Frames made at once, 1 to 64 (more on machines with over 16 cores: 4 per core). "
                    + "Default: the number of cores.")
    Integer threads;

    /** What -o asks for. */
    private enum Kind { GIF, VIDEO, FRAMES }

    @Override
    public Integer call() throws IOException {
        attribution.validate(true);
        FeatureSelection picked = selection.selection(); // a bad --where or --max-input-mb before any work
        // Everything the user can get wrong is checked before any work.
        Period period = every == null ? null : period(every);
        LocalDate fromDate = date("--from", from);
        LocalDate toDate = date("--to", to);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            throw new InputException("--from " + fromDate + " is after --to " + toDate);
        }
        if (fps != null && delayMs != null) {
            throw new InputException("--fps and --delay-ms say the same thing; give one");
        }
        if (fps != null && !(fps > 0 && fps <= 50)) {
            throw new InputException("--fps " + fps + ": must be over 0 and at most 50");
        }
        if (delayMs != null && (delayMs < 20 || delayMs > 60_000)) {
            throw new InputException("--delay-ms " + delayMs + ": must be between 20 and 60000");
        }
        int delay = delayMs != null ? delayMs : fps != null ? (int) Math.round(1000 / fps) : DEFAULT_DELAY_MS;
        int hold = holdMs != null ? holdMs : Math.max(DEFAULT_HOLD_MS, delay);
        if (hold < delay || hold > 600_000) {
            throw new InputException("--hold-ms " + hold + ": must be at least the frame delay (" + delay
                    + " ms) and at most 600000");
        }
        Workers.check(threads);
        RegionCatalogue catalogue = RegionCatalogue.bundled();
        // One frame and projection for the whole animation: the base map below is laid out once and shared.
        MapFocus focus = frame.focus(catalogue);
        Path target = Path.of(output);
        String name = target.getFileName() == null ? "" : target.getFileName().toString();
        String ext = name.lastIndexOf('.') < 0 ? "" : name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        boolean template = output.contains("{date}");
        Kind kind = switch (ext) {
            case "gif" -> Kind.GIF;
            case "mp4", "webm" -> Kind.VIDEO;
            case "svg", "png" -> Kind.FRAMES;
            default -> throw new InputException(output + ": unknown animation format; use .gif, .mp4, .webm, or "
                    + "{date} in a .svg or .png name for one file per frame");
        };
        if (kind == Kind.FRAMES && !template) {
            throw new InputException(output + ": one file per frame needs {date} in the name, e.g. "
                    + "frames/map-{date}." + ext);
        }
        if (kind != Kind.FRAMES && template) {
            throw new InputException(output + ": {date} names one file per frame, which ." + ext + " is not; "
                    + "use .svg or .png for frames");
        }
        if (template && (target.getParent() != null && target.getParent().toString().contains("{date}"))) {
            throw new InputException(output + ": {date} goes in the file name, not a directory");
        }
        int dpi = page.dpi(RenderCommand.DEFAULT_DPI);
        int w = page.width(kind == Kind.FRAMES ? MapOptions.DEFAULT_WIDTH : RASTER_WIDTH, dpi);
        String credit = page.credit();
        List<String> notes = page.notes();
        // What a folder or pattern holds that is not read (subfolders, dangling links, pipes) is said, as series says it.
        List<Path> files = SnapshotFiles.expand(inputs,
                skipped -> spec.commandLine().getErr().println("controlmap: warning: " + skipped));
        Path ffmpeg = kind == Kind.VIDEO ? FfmpegVideo.locate(System.getenv("PATH"), target) : null;
        if (!template) {
            AtomicOutput.checkWritable(target);
            AtomicOutput.checkNotInput(target, files);
        }

        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        ForkJoinPool pool = Workers.of(threads);
        int n = pool.getParallelism();
        List<String> warnings = new ArrayList<>();
        try {
            List<SnapshotSequence.Snapshot> all = SnapshotSequence.list(files, picked, pool, warnings::add);
            List<SnapshotSequence.Snapshot> frames = SnapshotSequence.pick(all, period, fromDate, toDate);
            if (frames.isEmpty()) {
                throw new InputException("no snapshots " + (fromDate != null ? "from " + fromDate + " " : "")
                        + (toDate != null ? "to " + toDate + " " : "") + "among the " + all.size()
                        + " given (" + all.get(0).date() + " to " + all.get(all.size() - 1).date() + ")");
            }
            List<Path> framePaths = new ArrayList<>();
            if (template) {
                for (SnapshotSequence.Snapshot s : frames) {
                    Path p = Path.of(output.replace("{date}", s.date().toString()));
                    Path dir = p.toAbsolutePath().getParent();
                    if (dir == null || Files.isDirectory(dir)) {
                        AtomicOutput.checkWritable(p);
                    }
                    AtomicOutput.checkNotInput(p, files);
                    framePaths.add(p);
                }
            }
            String figuresCredit = source != null ? source : SnapshotSequence.credit(files);
            MeasureOptions options = attribution.options(AreaBasis.GEOMETRY);
            SnapshotSequence.Meter meter = new SnapshotSequence.Meter(ControlOverlay.of(catalogue), controller,
                    options, picked);
            String heading = page.title() != null ? page.title()
                    : FrameLayout.defaultTitle(controller, frames.get(0).date(), frames.get(frames.size() - 1).date());
            MapScene base = FrameLayout.baseScene(catalogue.regions(), CountryOutline.bundled(),
                    new MapOptions(MapMode.POLYGONS, "en", heading, w, focus, credit, notes), options.basis(),
                    options.attribution(), figuresCredit);
            java.util.function.Function<SnapshotSequence.Measured, FrameLayout> layout = first -> new FrameLayout(
                    base, catalogue.regions(), controller, first.held(), first.snapshot().date(), first.heldKm2());
            var progress = Terminal.progress("animate");
            switch (kind) {
                case FRAMES -> writeFrames(frames, framePaths, MapFormat.of(target), dpi, meter, layout, pool,
                        n, progress, warnings);
                case GIF -> writeGif(target, frames, meter, layout, pool, n, progress, warnings, delay, hold);
                case VIDEO -> writeVideo(target, ffmpeg, ext, frames, meter, layout, pool, n, progress, warnings,
                        delay, hold);
            }
        } finally {
            for (String warning : warnings) {
                spec.commandLine().getErr().println("controlmap: warning: " + warning);
            }
            spec.commandLine().getErr().flush();
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** @param dpi the PNG frames' stated resolution ({@code --dpi}) */
    private void writeFrames(List<SnapshotSequence.Snapshot> frames, List<Path> paths, MapFormat format, int dpi,
            SnapshotSequence.Meter meter, java.util.function.Function<SnapshotSequence.Measured, FrameLayout> layout,
            ExecutorService pool, int n, org.controlmap.control.measure.ControlSeries.Progress progress,
            List<String> warnings) throws IOException {
        // All frames are replaced together or none: each goes to its temporary file as it comes.
        try (OutputSet set = new OutputSet()) {
            FramePipeline.run(frames, meter, layout, (i, scene) -> {
                ByteArrayOutputStream buf = new ByteArrayOutputStream(1 << 18);
                format.write(scene, dpi, buf);
                return buf.toByteArray();
            }, (i, m, bytes) -> {
                warnings.addAll(m.warnings());
                set.add(paths.get(i), true, out -> out.write(bytes));
            }, pool, n, progress);
            set.commit();
        }
        spec.commandLine().getOut().println("wrote " + frames.size() + " frames: " + paths.get(0)
                + (paths.size() > 1 ? " … " + paths.get(paths.size() - 1) : ""));
    }

    private void writeGif(Path target, List<SnapshotSequence.Snapshot> frames, SnapshotSequence.Meter meter,
            java.util.function.Function<SnapshotSequence.Measured, FrameLayout> layout, ExecutorService pool, int n,
            org.controlmap.control.measure.ControlSeries.Progress progress, List<String> warnings, int delay, int hold)
            throws IOException {
        AtomicOutput.write(target, false, raw -> {
            OutputStream out = new BufferedOutputStream(raw, 1 << 16);
            GifEncoder encoder = new GifEncoder();
            GifAnimation[] gif = new GifAnimation[1];
            try {
                FramePipeline.run(frames, meter, layout, encoder, (i, m, indices) -> {
                    warnings.addAll(m.warnings());
                    if (gif[0] == null) {
                        gif[0] = new GifAnimation(out, encoder.width, encoder.height, encoder.palette);
                    }
                    gif[0].add(indices, i == frames.size() - 1 ? hold : delay);
                }, pool, n, progress);
            } finally {
                if (gif[0] != null) {
                    gif[0].close();
                }
            }
            out.flush();
        });
        spec.commandLine().getOut().println("wrote " + target + " (" + frames.size() + " frames)");
    }

    /** Frames as palette indices; the palette made from the first frame. */
    private static final class GifEncoder implements FramePipeline.Encoder<byte[]> {
        GifAnimation.Palette palette;
        int width;
        int height;

        @Override
        public void prepare(MapScene first) {
            java.awt.image.BufferedImage img = PngMap.render(first);
            width = img.getWidth();
            height = img.getHeight();
            palette = GifAnimation.Palette.of(img, 0xFFFFFF, 0x222222, 0xD7301F, 0x6BAED6, 0x1A1A1A);
        }

        @Override
        public byte[] encode(int index, MapScene scene) {
            return palette.indices(PngMap.render(scene));
        }
    }

    private void writeVideo(Path target, Path ffmpeg, String ext, List<SnapshotSequence.Snapshot> frames,
            SnapshotSequence.Meter meter, java.util.function.Function<SnapshotSequence.Measured, FrameLayout> layout,
            ExecutorService pool, int n, org.controlmap.control.measure.ControlSeries.Progress progress,
            List<String> warnings, int delay, int hold) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        // ffmpeg writes next to the target; the finished video is then put in place atomically.
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".ffmpeg." + ext);
        try {
            try (FfmpegVideo video = new FfmpegVideo(ffmpeg, tmp, ext, 1000, delay)) {
                int repeats = Math.max(1, Math.round(hold / (float) delay));
                FramePipeline.run(frames, meter, layout, (i, scene) -> {
                    ByteArrayOutputStream buf = new ByteArrayOutputStream(1 << 18);
                    MapFormat.PNG.write(scene, RenderCommand.DEFAULT_DPI, buf);
                    return buf.toByteArray();
                }, (i, m, png) -> {
                    warnings.addAll(m.warnings());
                    for (int k = 0; k < (i == frames.size() - 1 ? repeats : 1); k++) {
                        video.frame(png);
                    }
                }, pool, n, progress);
                video.finish();
            }
            AtomicOutput.write(target, false, out -> Files.copy(tmp, out));
        } finally {
            Files.deleteIfExists(tmp);
        }
        spec.commandLine().getOut().println("wrote " + target + " (" + frames.size() + " frames)");
    }

    /** "7d", "2w", "1m", "1y" as a period. */
    static Period period(String s) {
        Matcher m = EVERY.matcher(s.trim().toLowerCase(Locale.ROOT));
        if (!m.matches() || Integer.parseInt(m.group(1)) < 1) {
            throw new InputException("--every " + s + ": give a number of days, weeks, months or years, e.g. 7d, "
                    + "2w, 1m");
        }
        int k = Integer.parseInt(m.group(1));
        return switch (m.group(2)) {
            case "d" -> Period.ofDays(k);
            case "w" -> Period.ofWeeks(k);
            case "m" -> Period.ofMonths(k);
            default -> Period.ofYears(k);
        };
    }

    private static LocalDate date(String option, String s) {
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw new InputException(option + " " + s + ": not a date; write YYYY-MM-DD");
        }
    }
}
