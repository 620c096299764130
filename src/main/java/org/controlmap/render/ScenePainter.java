package org.controlmap.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import org.controlmap.render.MapScene.Figure;
import org.controlmap.render.MapScene.Group;
import org.controlmap.render.MapScene.Item;
import org.controlmap.render.MapScene.Style;
import org.controlmap.render.MapScene.Text;
import org.locationtech.jts.awt.ShapeWriter;

/**
 * Draws a {@link MapScene} on any Java2D surface: the PNG raster and the PDF
 * page both go through here, so they show the same map as the SVG. Shapes are
 * converted by JTS's {@link ShapeWriter} (holes as even-odd subpaths); text is
 * drawn as real text in the bundled DejaVu Sans, over a halo made from the
 * glyph outlines.
 */
final class ScenePainter {
    private final MapFonts fonts;
    private final ShapeWriter shapes = new ShapeWriter();

    ScenePainter(MapFonts fonts) {
        this.fonts = fonts;
    }

    /** Antialiasing and fractional metrics on, so text measures as it was laid out. */
    static void qualityHints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    }

    void paint(MapScene scene, Graphics2D g) {
        for (Item it : scene.items()) {
            paint(it, g);
        }
    }

    private void paint(Item it, Graphics2D g) {
        if (it instanceof Group gr) {
            for (Item c : gr.items()) {
                paint(c, g);
            }
        } else if (it instanceof Figure f) {
            figure(f, g);
        } else if (it instanceof Text t) {
            text(t, g);
        }
    }

    private void figure(Figure f, Graphics2D g) {
        Style s = f.style();
        Shape shape = shapes.toShape(f.geometry());
        if (s.fill() >= 0 && f.geometry().getDimension() == 2) {
            g.setColor(color(s.fill(), s.fillOpacity()));
            g.fill(shape);
        }
        if (s.stroke() >= 0 && s.strokeWidth() > 0) {
            float[] dash = null;
            if (s.dash() != null) {
                dash = new float[s.dash().length];
                for (int i = 0; i < dash.length; i++) {
                    dash[i] = (float) s.dash()[i];
                }
            }
            g.setStroke(new BasicStroke((float) s.strokeWidth(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
                    dash, 0f));
            g.setColor(color(s.stroke(), 1));
            g.draw(shape);
        }
    }

    private void text(Text t, Graphics2D g) {
        Font font = fonts.font(t.size(), t.bold());
        g.setFont(font);
        FontRenderContext frc = g.getFontRenderContext();
        double w = font.getStringBounds(t.text(), frc).getWidth();
        float x = (float) switch (t.anchor()) {
            case START -> t.x();
            case MIDDLE -> t.x() - w / 2;
            case END -> t.x() - w;
        };
        float y = (float) t.y();
        if (t.halo() >= 0) {
            GlyphVector gv = font.createGlyphVector(frc, t.text());
            g.setStroke(new BasicStroke((float) t.haloWidth(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.setColor(color(t.halo(), 1));
            g.draw(gv.getOutline(x, y));
        }
        g.setColor(color(t.color(), 1));
        g.drawString(t.text(), x, y);
    }

    private static Color color(int rgb, double opacity) {
        int a = (int) Math.round(Math.max(0, Math.min(1, opacity)) * 255);
        return new Color((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, a);
    }
}
