package org.controlmap.render.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.controlmap.control.NumberText;
import org.controlmap.control.measure.ControlSeries;
import org.controlmap.InputException;
import org.controlmap.io.AtomicOutput;
import org.controlmap.io.OutputSet;
import org.controlmap.render.MapFormat;
import org.controlmap.render.MapFonts;
import org.controlmap.render.Palette;
import org.controlmap.region.AreaBasis;
import org.controlmap.region.Region;
import org.jfree.svg.SVGGraphics2D;

/**
 * A line chart of held territory over time: one panel per group of lines
 * (the total of Ukraine on its own scale, chosen regions on a shared one),
 * with labelled axes, a title and the source credit. Drawn once through
 * Java2D, so SVG (JFreeSVG) and PNG (ImageIO) show the same chart.
 *
 * <p>Axes are hand-rolled (a few dozen lines; a charting library would be a
 * new dependency): the value axis uses "nice" steps of 1, 2 or 5 × 10ⁿ and does
 * not start at zero (a line chart shows change; the tick labels say where it
 * stands); the time axis ticks months, weeks or days depending on the span.
 * Text uses the bundled DejaVu Sans ({@link MapFonts}), so PNGs are the same
 * on every machine.
 *
 * @param title  headline
 * @param credit source credit, printed at the bottom ("Source: …")
 * @param panels panels from top to bottom
 */
public record SeriesChart(String title, String credit, List<Panel> panels) {

    /** One line: a label and a value per date (dates ascending, same length as values). */
    public record Line(String label, List<LocalDate> dates, double[] values) {
    }

    /** A panel: its own value axis and legend. */
    public record Panel(String heading, String valueLabel, List<Line> lines) {
    }

    private static final int WIDTH = 1100;
    private static final int PANEL_HEIGHT = 380;
    private static final int TOP = 64;
    private static final int BOTTOM = 44;
    private static final int LEFT = 92;
    private static final int RIGHT_LEGEND = 290;
    private static final int GAP = 52;
    private static final Color GRID = new Color(Palette.GRID);
    private static final Color INK = new Color(Palette.TEXT);
    private static final Color MUTED = new Color(Palette.TEXT_MUTED);

    /**
     * The chart {@code series --chart} draws: Ukraine's held km² over time in one panel, and the
     * {@code chosen} regions, if any, on a shared scale in a second.
     */
    public static SeriesChart of(ControlSeries series, List<Region> chosen) {
        String side = series.controller().countryName();
        String unit = series.basis() == AreaBasis.OFFICIAL ? "km² (official basis)" : "km²";
        List<Panel> panels = new ArrayList<>();
        panels.add(new Panel("Ukraine, total of its 27 units", "Held by " + side + ", " + unit,
                List.of(line("Ukraine", series.line("UA")))));
        if (!chosen.isEmpty()) {
            List<Line> lines = new ArrayList<>();
            for (Region r : chosen) {
                lines.add(line(r.nameEn() + " (" + r.iso() + ")", series.line(r.iso())));
            }
            panels.add(new Panel("Chosen regions", "Held by " + side + ", " + unit, lines));
        }
        List<ControlSeries.Point> pts = series.points();
        String span = pts.isEmpty() ? "" : ", " + pts.get(0).date() + " to " + pts.get(pts.size() - 1).date();
        return new SeriesChart("Territory held by " + side + span, series.source(), panels);
    }

    private static Line line(String label, Map<LocalDate, Double> values) {
        List<LocalDate> dates = new ArrayList<>(values.keySet());
        double[] v = new double[dates.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(dates.get(i));
        }
        return new Line(label, dates, v);
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return TOP + panels.size() * PANEL_HEIGHT + (panels.size() - 1) * GAP + BOTTOM;
    }

    /** Writes SVG or PNG by the file's extension, atomically. */
    public void write(Path file) {
        AtomicOutput.write(file, false, writer(file));
    }

    /** Writes SVG or PNG by the file's extension, as one output of a run. */
    public void write(Path file, OutputSet outputs) {
        outputs.add(file, false, writer(file));
    }

    private AtomicOutput.Writer writer(Path file) {
        if (MapFormat.of(file, MapFormat.SVG, MapFormat.PNG) == MapFormat.SVG) {
            byte[] svg = svg().getBytes(StandardCharsets.UTF_8);
            return out -> out.write(svg);
        }
        byte[] png = png();
        return out -> out.write(png);
    }

    /** The chart as an SVG document. */
    public String svg() {
        SVGGraphics2D g = new SVGGraphics2D(width(), height());
        g.setDefsKeyPrefix("chart"); // the default prefix contains a clock reading
        draw(g);
        return g.getSVGDocument() + "\n";
    }

    /** The chart as PNG bytes. */
    public byte[] png() {
        BufferedImage img = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        draw(g);
        g.dispose();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", buf);
        } catch (IOException e) {
            throw new IllegalStateException("PNG encoding failed", e);
        }
        return buf.toByteArray();
    }

    /** Writes the PNG to a stream. */
    public void writePng(OutputStream out) throws IOException {
        out.write(png());
    }

    /** Draws the chart on any Java2D surface of {@link #width()} × {@link #height()} px. */
    public void draw(Graphics2D g) {
        MapFonts fonts = MapFonts.get();
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, width(), height()));
        g.setColor(INK);
        g.setFont(fonts.font(20, true));
        g.drawString(title, LEFT, 34);
        LocalDate first = null;
        LocalDate last = null;
        for (Panel p : panels) {
            for (Line l : p.lines()) {
                if (!l.dates().isEmpty()) {
                    LocalDate a = l.dates().get(0);
                    LocalDate b = l.dates().get(l.dates().size() - 1);
                    first = first == null || a.isBefore(first) ? a : first;
                    last = last == null || b.isAfter(last) ? b : last;
                }
            }
        }
        if (first == null) {
            return;
        }
        if (!last.isAfter(first)) {
            last = first.plusDays(1);
        }
        double y = TOP;
        for (Panel p : panels) {
            drawPanel(g, fonts, p, first, last, y);
            y += PANEL_HEIGHT + GAP;
        }
        g.setFont(fonts.font(12, false));
        g.setColor(MUTED);
        g.drawString("Source: " + credit + ". Areas geodesic on WGS84.", LEFT, height() - 12);
    }

    private void drawPanel(Graphics2D g, MapFonts fonts, Panel p, LocalDate first, LocalDate last, double top) {
        double x0 = LEFT;
        double x1 = WIDTH - RIGHT_LEGEND;
        double yTop = top + 26;
        double yBottom = top + PANEL_HEIGHT - 40;
        g.setColor(INK);
        g.setFont(fonts.font(15, true));
        g.drawString(p.heading(), (float) x0, (float) (top + 14));

        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Line l : p.lines()) {
            for (double v : l.values()) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (!(min <= max)) {
            min = 0;
            max = 1;
        }
        double[] ticks = niceTicks(min, max);
        double lo = ticks[0];
        double hi = ticks[ticks.length - 1];
        long days = ChronoUnit.DAYS.between(first, last);
        java.util.function.DoubleUnaryOperator yOf = v -> yBottom - (v - lo) / (hi - lo) * (yBottom - yTop);
        java.util.function.Function<LocalDate, Double> xOf =
            d -> x0 + (double) ChronoUnit.DAYS.between(first, d) / days * (x1 - x0);

        // Value axis: grid lines and labels.
        g.setFont(fonts.font(12, false));
        g.setStroke(new BasicStroke(1f));
        for (double t : ticks) {
            double yy = yOf.applyAsDouble(t);
            g.setColor(GRID);
            g.draw(new Line2D.Double(x0, yy, x1, yy));
            String s = NumberText.grouped(t);
            g.setColor(MUTED);
            g.drawString(s, (float) (x0 - 8 - fonts.width(s, 12, false)), (float) (yy + 4));
        }
        AffineTransform saved = g.getTransform();
        g.setColor(INK);
        g.setFont(fonts.font(13, false));
        double labelW = fonts.width(p.valueLabel(), 13, false);
        g.translate(20, (yTop + yBottom) / 2 + labelW / 2);
        g.rotate(-Math.PI / 2);
        g.drawString(p.valueLabel(), 0f, 0f);
        g.setTransform(saved);

        // Time axis.
        g.setColor(INK);
        g.draw(new Line2D.Double(x0, yBottom, x1, yBottom));
        g.setFont(fonts.font(12, false));
        List<LocalDate> dateTicks = dateTicks(first, last);
        for (LocalDate d : dateTicks) {
            double xx = xOf.apply(d);
            g.setColor(INK);
            g.draw(new Line2D.Double(xx, yBottom, xx, yBottom + 5));
            String s = dateLabel(d, days, d.equals(dateTicks.get(0)));
            g.setColor(MUTED);
            g.drawString(s, (float) (xx - fonts.width(s, 12, false) / 2), (float) (yBottom + 19));
        }
        String axis = "Date (snapshot)";
        g.setColor(INK);
        g.setFont(fonts.font(13, false));
        g.drawString(axis, (float) ((x0 + x1) / 2 - fonts.width(axis, 13, false) / 2), (float) (yBottom + 36));

        // Lines and legend.
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        int i = 0;
        for (Line l : p.lines()) {
            Color c = new Color(Palette.seriesLine(i));
            Path2D.Double path = new Path2D.Double();
            for (int k = 0; k < l.values().length; k++) {
                double xx = xOf.apply(l.dates().get(k));
                double yy = yOf.applyAsDouble(l.values()[k]);
                if (k == 0) {
                    path.moveTo(xx, yy);
                } else {
                    path.lineTo(xx, yy);
                }
            }
            g.setColor(c);
            g.draw(path);
            double ly = yTop + 8 + i * 22;
            g.draw(new Line2D.Double(x1 + 16, ly, x1 + 40, ly));
            g.setColor(INK);
            g.setFont(fonts.font(12, false));
            double lastV = l.values().length == 0 ? 0 : l.values()[l.values().length - 1];
            g.drawString(l.label() + " (" + NumberText.grouped(Math.round(lastV)) + ")", (float) (x1 + 46),
                    (float) (ly + 4));
            i++;
        }
    }

    /** Ticks covering [min, max] at a step of 1, 2 or 5 × 10ⁿ, about five of them. */
    static double[] niceTicks(double min, double max) {
        if (max - min < 1e-9) {
            double pad = Math.max(1, Math.abs(max) * 0.01);
            min -= pad;
            max += pad;
        }
        double raw = (max - min) / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * mag >= raw) {
                step = m * mag;
                break;
            }
        }
        double lo = Math.floor(min / step) * step;
        double hi = Math.ceil(max / step) * step;
        int n = (int) Math.round((hi - lo) / step);
        double[] t = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            t[k] = lo + k * step;
        }
        return t;
    }

    /** Month starts for spans over two months (every second or third one for long spans), else weeks or days. */
    static List<LocalDate> dateTicks(LocalDate first, LocalDate last) {
        long days = ChronoUnit.DAYS.between(first, last);
        List<LocalDate> out = new ArrayList<>();
        if (days > 62) {
            int every = days > 730 ? 6 : days > 400 ? 2 : 1;
            LocalDate d = first.withDayOfMonth(1);
            if (d.isBefore(first)) {
                d = d.plusMonths(1);
            }
            for (; !d.isAfter(last); d = d.plusMonths(1)) {
                if ((d.getMonthValue() - 1) % every == 0) {
                    out.add(d);
                }
            }
        } else {
            int step = days > 14 ? 7 : 1;
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(step)) {
                out.add(d);
            }
        }
        return out;
    }

    /** "Jul", with the year on the first tick and on January ("Jan 2025"); "11-20" for short spans. */
    static String dateLabel(LocalDate d, long spanDays, boolean firstTick) {
        if (spanDays > 62) {
            String m = d.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            return firstTick || d.getMonthValue() == 1 ? m + " " + d.getYear() : m;
        }
        return d.toString().substring(5);
    }
}
