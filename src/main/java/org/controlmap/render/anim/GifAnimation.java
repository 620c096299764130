package org.controlmap.render.anim;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * An animated GIF written frame by frame with Java's own GIF writer
 * (javax.imageio): a NETSCAPE2.0 application extension makes it loop for ever,
 * each frame carries its delay (GIF counts hundredths of a second). Frames
 * share one palette ({@link Palette}, made from the first frame), so colours do
 * not flicker; each frame after the first stores only the rectangle that
 * changed, drawn over the one before (disposal "doNotDispose"), which keeps a
 * map whose base never changes small. Only the previous frame is kept, so
 * memory does not grow with the number of frames. The same frames give the
 * same bytes.
 */
public final class GifAnimation implements AutoCloseable {

    /**
     * The 256 colours every frame is drawn in: the most used colours of the
     * first frame (the map's flat fills, text, antialiased edges between them)
     * and the colours asked for, the rest a 5×5×5 colour cube for anything
     * new; each pixel takes the nearest colour (no dithering: the map is flat
     * colour, and dither noise would change from frame to frame).
     */
    public static final class Palette {
        private final int[] rgb;
        private final IndexColorModel model;

        private Palette(int[] rgb) {
            this.rgb = rgb;
            byte[] r = new byte[256];
            byte[] g = new byte[256];
            byte[] b = new byte[256];
            for (int i = 0; i < 256; i++) {
                int c = i < rgb.length ? rgb[i] : 0;
                r[i] = (byte) (c >> 16);
                g[i] = (byte) (c >> 8);
                b[i] = (byte) c;
            }
            model = new IndexColorModel(8, 256, r, g, b);
        }

        /** The palette for frames like {@code first}, with {@code colours} (0xRRGGBB) surely in it. */
        public static Palette of(BufferedImage first, int... colours) {
            Map<Integer, Integer> counts = new HashMap<>();
            int[] px = first.getRGB(0, 0, first.getWidth(), first.getHeight(), null, 0, first.getWidth());
            for (int p : px) {
                counts.merge(p & 0xFFFFFF, 1, Integer::sum);
            }
            List<Map.Entry<Integer, Integer>> byUse = new ArrayList<>(counts.entrySet());
            byUse.sort((a, b) -> a.getValue().equals(b.getValue()) ? Integer.compare(a.getKey(), b.getKey())
                    : Integer.compare(b.getValue(), a.getValue()));
            Set<Integer> chosen = new LinkedHashSet<>();
            for (int c : colours) {
                chosen.add(c & 0xFFFFFF);
            }
            int cube = 5 * 5 * 5;
            for (Map.Entry<Integer, Integer> e : byUse) {
                if (chosen.size() >= 256 - cube) {
                    break;
                }
                chosen.add(e.getKey());
            }
            for (int r = 0; r < 5; r++) {
                for (int g = 0; g < 5; g++) {
                    for (int b = 0; b < 5; b++) {
                        chosen.add((r * 255 / 4) << 16 | (g * 255 / 4) << 8 | b * 255 / 4);
                    }
                }
            }
            int[] rgb = chosen.stream().limit(256).mapToInt(Integer::intValue).toArray();
            return new Palette(rgb);
        }

        /** The image's pixels as palette indices, row by row. Thread-safe. */
        public byte[] indices(BufferedImage img) {
            int w = img.getWidth();
            int h = img.getHeight();
            int[] row = new int[w];
            byte[] out = new byte[w * h];
            Map<Integer, Byte> nearest = new HashMap<>();
            for (int y = 0; y < h; y++) {
                img.getRGB(0, y, w, 1, row, 0, w);
                int last = -1;
                byte lastIndex = 0;
                for (int x = 0; x < w; x++) {
                    int c = row[x] & 0xFFFFFF;
                    if (c != last) {
                        last = c;
                        Byte i = nearest.get(c);
                        if (i == null) {
                            i = nearest(c);
                            nearest.put(c, i);
                        }
                        lastIndex = i;
                    }
                    out[y * w + x] = lastIndex;
                }
            }
            return out;
        }

        private byte nearest(int c) {
            int r = c >> 16 & 0xFF;
            int g = c >> 8 & 0xFF;
            int b = c & 0xFF;
            int best = 0;
            long bestD = Long.MAX_VALUE;
            for (int i = 0; i < rgb.length; i++) {
                int dr = (rgb[i] >> 16 & 0xFF) - r;
                int dg = (rgb[i] >> 8 & 0xFF) - g;
                int db = (rgb[i] & 0xFF) - b;
                // Weighted towards green, as the eye is.
                long d = 3L * dr * dr + 4L * dg * dg + 2L * db * db;
                if (d < bestD) {
                    bestD = d;
                    best = i;
                }
            }
            return (byte) best;
        }
    }

    private final ImageOutputStream ios;
    private final ImageWriter writer;
    private final Palette palette;
    private final int width;
    private final int height;
    private byte[] previous;
    private int frames;

    /**
     * Starts a GIF of {@code width}×{@code height} pixels on {@code out} (not closed by {@link #close}).
     */
    public GifAnimation(OutputStream out, int width, int height, Palette palette) throws IOException {
        this.ios = new MemoryCacheImageOutputStream(out);
        this.writer = ImageIO.getImageWritersByFormatName("gif").next();
        this.palette = palette;
        this.width = width;
        this.height = height;
        writer.setOutput(ios);
        // The palette as the global colour table (without it the writer puts in a colour cube of its own).
        IIOMetadata stream = writer.getDefaultStreamMetadata(writer.getDefaultWriteParam());
        String format = stream.getNativeMetadataFormatName();
        IIOMetadataNode root = new IIOMetadataNode(format);
        IIOMetadataNode version = new IIOMetadataNode("Version");
        version.setAttribute("value", "89a");
        root.appendChild(version);
        IIOMetadataNode screen = new IIOMetadataNode("LogicalScreenDescriptor");
        screen.setAttribute("logicalScreenWidth", Integer.toString(width));
        screen.setAttribute("logicalScreenHeight", Integer.toString(height));
        screen.setAttribute("colorResolution", "8");
        screen.setAttribute("pixelAspectRatio", "0");
        root.appendChild(screen);
        IIOMetadataNode table = new IIOMetadataNode("GlobalColorTable");
        table.setAttribute("sizeOfGlobalColorTable", "256");
        table.setAttribute("backgroundColorIndex", "0");
        table.setAttribute("sortFlag", "FALSE");
        for (int i = 0; i < 256; i++) {
            IIOMetadataNode e = new IIOMetadataNode("ColorTableEntry");
            e.setAttribute("index", Integer.toString(i));
            e.setAttribute("red", Integer.toString(palette.model.getRed(i)));
            e.setAttribute("green", Integer.toString(palette.model.getGreen(i)));
            e.setAttribute("blue", Integer.toString(palette.model.getBlue(i)));
            table.appendChild(e);
        }
        root.appendChild(table);
        stream.setFromTree(format, root);
        writer.prepareWriteSequence(stream);
    }

    /**
     * Adds a frame.
     *
     * @param indices the frame's pixels as {@link Palette#indices}, width × height
     * @param delayMs how long it shows, ms (GIF stores hundredths of a second: rounded to 10 ms, at least 20,
     *                below which browsers slow it down)
     */
    public void add(byte[] indices, int delayMs) throws IOException {
        if (indices.length != width * height) {
            throw new IllegalArgumentException("frame of " + indices.length + " pixels, expected " + width * height);
        }
        int x0 = 0;
        int y0 = 0;
        int x1 = width - 1;
        int y1 = height - 1;
        if (previous != null) {
            // The rectangle that changed; a frame that did not change still needs one pixel.
            x0 = width;
            y0 = height;
            x1 = -1;
            y1 = -1;
            for (int y = 0; y < height; y++) {
                int o = y * width;
                for (int x = 0; x < width; x++) {
                    if (indices[o + x] != previous[o + x]) {
                        x0 = Math.min(x0, x);
                        x1 = Math.max(x1, x);
                        y0 = Math.min(y0, y);
                        y1 = y;
                    }
                }
            }
            if (x1 < 0) {
                x0 = 0;
                y0 = 0;
                x1 = 0;
                y1 = 0;
            }
        }
        int w = x1 - x0 + 1;
        int h = y1 - y0 + 1;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, palette.model);
        byte[] data = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            System.arraycopy(indices, (y0 + y) * width + x0, data, y * w, w);
        }
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
        String format = meta.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode descriptor = child(root, "ImageDescriptor");
        descriptor.setAttribute("imageLeftPosition", Integer.toString(x0));
        descriptor.setAttribute("imageTopPosition", Integer.toString(y0));
        descriptor.setAttribute("imageWidth", Integer.toString(w));
        descriptor.setAttribute("imageHeight", Integer.toString(h));
        descriptor.setAttribute("interlaceFlag", "FALSE");
        // The default is a colour cube of the writer's own, not the image's palette.
        for (int i = root.getLength() - 1; i >= 0; i--) {
            if (root.item(i).getNodeName().equals("LocalColorTable")) {
                root.removeChild(root.item(i));
            }
        }
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "doNotDispose");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(centiseconds(delayMs)));
        control.setAttribute("transparentColorIndex", "0");
        if (frames == 0) {
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0}); // sub-block 1: loop count 0, for ever
            apps.appendChild(loop);
        }
        meta.setFromTree(format, root);
        writer.writeToSequence(new IIOImage(img, null, meta), param);
        // Hands what is written to the stream, so the cache never holds more than a frame.
        ios.flush();
        previous = indices;
        frames++;
    }

    /** The GIF delay of a frame, hundredths of a second. */
    static int centiseconds(int delayMs) {
        return Math.max(2, Math.round(delayMs / 10f));
    }

    /** Frames added so far. */
    public int frames() {
        return frames;
    }

    /** Ends the GIF (its trailer) and flushes it to the stream. */
    @Override
    public void close() throws IOException {
        try {
            if (frames > 0) {
                writer.endWriteSequence();
            }
            ios.flush();
            ios.close();
        } finally {
            writer.dispose();
        }
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equals(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode n = new IIOMetadataNode(name);
        root.appendChild(n);
        return n;
    }
}
