package org.controlmap.render;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes a {@link MapScene} as an antialiased RGB PNG of the scene's pixel
 * size, with the resolution in the pHYs chunk (pixels per metre) so word
 * processors place it at the intended physical size. No time chunk is
 * written, so the same scene gives the same bytes.
 */
public final class PngMap {
    private PngMap() {
    }

    /** Renders the scene into an image. */
    public static BufferedImage render(MapScene scene) {
        int w = (int) Math.ceil(scene.width());
        int h = (int) Math.ceil(scene.height());
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            ScenePainter.qualityHints(g);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, w, h);
            new ScenePainter(MapFonts.get()).paint(scene, g);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Writes the scene as PNG at {@code dpi} dots per inch. */
    public static void write(MapScene scene, int dpi, OutputStream out) throws IOException {
        BufferedImage img = render(scene);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        ImageWriter writer = writers.next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
            String format = "javax_imageio_png_1.0";
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            String ppm = Long.toString(Math.round(dpi / 0.0254));
            phys.setAttribute("pixelsPerUnitXAxis", ppm);
            phys.setAttribute("pixelsPerUnitYAxis", ppm);
            phys.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode(format);
            root.appendChild(phys);
            meta.mergeTree(format, root);
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(ios);
                writer.write(null, new IIOImage(img, null, meta), param);
            }
        } finally {
            writer.dispose();
        }
    }
}
