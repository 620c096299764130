package org.controlmap.control.measure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.controlmap.control.Controller;
import org.controlmap.region.Region;
import org.controlmap.region.RegionCatalogue;
import org.controlmap.render.MapFonts;
import org.controlmap.render.MapProjection;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * The picture of docs/mismatch.md: where a control polygon and the regions'
 * boundaries disagree, and where nearest attribution books that ground. Not a
 * test: a demo run by hand on a real snapshot (which tests never read),
 * {@code docs/build-mismatch-picture.sh}.
 *
 * <p>Usage: {@code MismatchPicture SNAPSHOT.geojson OUT.png}
 */
public final class MismatchPicture {
    private static final GeometryFactory GF = new GeometryFactory();
    private static final Color SEA = new Color(0xDCE9F2);
    private static final Color LAND = Color.WHITE;
    private static final Color HELD = new Color(0xF2B8B0);
    private static final Color GAP = new Color(0x1F6FB2);
    private static final Color[] MOVED = {new Color(0xD7301F), new Color(0x7A0177), new Color(0xE6820E),
        new Color(0x238443), new Color(0x6A51A3), new Color(0x8C2D04)};

    private MismatchPicture() {
    }

    public static void main(String[] args) throws Exception {
        RegionCatalogue catalogue = RegionCatalogue.bundled();
        ControlPolygons cp = ControlPolygons.read(Path.of(args[0]), Controller.RU, w -> { });
        Geometry held = cp.held(Controller.RU);
        PreparedGeometry heldPrepared = PreparedGeometryFactory.prepare(held);
        List<Region> home = catalogue.ukraine();
        MismatchZones zones = MismatchZones.of(home, MismatchZones.DEFAULT_LIMIT_KM);
        CoastGaps gaps = CoastGaps.of(home);

        int w = 1600;
        int h = 1000;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        // Left: Crimea and the Azov coast; right: Sevastopol close up.
        panel(g, new Envelope(32.4, 38.6, 44.35, 47.35), 20, 90, 1000, 820, catalogue, held, heldPrepared, zones, gaps,
                home, true);
        panel(g, new Envelope(33.35, 33.95, 44.38, 44.72), 1040, 90, 540, 540, catalogue, held, heldPrepared, zones,
                gaps, home, false);

        MapFonts fonts = MapFonts.get();
        g.setColor(new Color(0x222222));
        g.setFont(fonts.font(30, true));
        g.drawString("Where the source's polygon and the boundaries disagree", 20, 45);
        g.setFont(fonts.font(17, false));
        g.drawString(Path.of(args[0]).getFileName() + " (DeepStateMap via cyterat/deepstate-map-data) against Natural"
                + " Earth admin-1 boundaries; --attribution nearest", 20, 75);
        int ly = 680;
        legend(g, fonts, 1040, ly, HELD, "held, inside a region's boundary: counted in that region");
        legend(g, fonts, 1040, ly + 34, MOVED[0], "held, beyond every boundary (sea, across the border):");
        g.drawString("booked to the nearest region (colour per region)", 1080, ly + 34 + 22);
        legend(g, fonts, 1040, ly + 90, GAP, "left out by the polygon along the coast: counted as held");
        g.setColor(new Color(0x555555));
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, new float[] {6, 5}, 0));
        g.drawLine(1040, ly + 135, 1068, ly + 135);
        g.setColor(new Color(0x222222));
        g.setFont(fonts.font(16, false));
        g.drawString("where the nearest region changes (Voronoi partition)", 1080, ly + 140);
        g.drawString("Both kinds of ground are in mismatch_km2 of the", 1040, ly + 180);
        g.drawString("region they are booked to. Framed on the left:", 1040, ly + 203);
        g.drawString("Sevastopol, close up on the right.", 1040, ly + 226);
        g.dispose();
        Files.createDirectories(Path.of(args[1]).toAbsolutePath().getParent());
        ImageIO.write(img, "png", Path.of(args[1]).toFile());
    }

    private static void legend(Graphics2D g, MapFonts fonts, int x, int y, Color c, String text) {
        g.setColor(c);
        g.fillRect(x, y - 16, 28, 18);
        g.setColor(new Color(0x222222));
        g.setFont(fonts.font(16, false));
        g.drawString(text, x + 40, y);
    }

    private static void panel(Graphics2D g0, Envelope view, int px, int py, int pw, int ph, RegionCatalogue catalogue,
            Geometry held, PreparedGeometry heldPrepared, MismatchZones zones, CoastGaps gaps, List<Region> home,
            boolean markCloseUp) {
        Graphics2D g = (Graphics2D) g0.create();
        g.clipRect(px, py, pw, ph);
        MapProjection proj = new MapProjection();
        Envelope pv = new Envelope();
        for (double x = view.getMinX(); x <= view.getMaxX(); x += view.getWidth() / 8) {
            for (double y = view.getMinY(); y <= view.getMaxY(); y += view.getHeight() / 8) {
                pv.expandToInclude(proj.project(x, y));
            }
        }
        double scale = Math.min(pw / pv.getWidth(), ph / pv.getHeight());
        double ox = px + (pw - scale * pv.getWidth()) / 2;
        double oy = py + (ph - scale * pv.getHeight()) / 2;
        Geometry frame = GF.toGeometry(new Envelope(view.getMinX() - 1, view.getMaxX() + 1, view.getMinY() - 1,
                view.getMaxY() + 1));
        java.util.function.Function<Geometry, Path2D> path = geom -> {
            Path2D p = new Path2D.Double(Path2D.WIND_EVEN_ODD);
            Geometry clipped = OverlayNGRobust.overlay(geom, frame, OverlayNG.INTERSECTION);
            for (int i = 0; i < clipped.getNumGeometries(); i++) {
                Geometry part = clipped.getGeometryN(i);
                if (part instanceof Polygon poly) {
                    ring(p, poly.getExteriorRing().getCoordinates(), proj, scale, ox, oy, pv);
                    for (int k = 0; k < poly.getNumInteriorRing(); k++) {
                        ring(p, poly.getInteriorRingN(k).getCoordinates(), proj, scale, ox, oy, pv);
                    }
                }
            }
            return p;
        };
        g.setColor(SEA);
        g.fillRect(px, py, pw, ph);
        for (Region r : catalogue.regions()) {
            g.setColor("UA".equals(r.country()) ? LAND : new Color(0xE4E1DC));
            g.fill(path.apply(r.geometry()));
        }
        g.setColor(HELD);
        g.fill(path.apply(held));
        for (int k = 0; k < home.size(); k++) {
            Geometry zone = zones.zones().get(k);
            if (zone.isEmpty() || !zone.getEnvelopeInternal().intersects(view)) {
                continue;
            }
            Geometry moved = OverlayNGRobust.overlay(zone, held, OverlayNG.INTERSECTION);
            g.setColor(MOVED[k % MOVED.length]);
            g.fill(path.apply(moved));
            Geometry inside = OverlayNGRobust.overlay(home.get(k).geometry(), held, OverlayNG.INTERSECTION);
            if (!inside.isEmpty()) {
                g.setColor(GAP);
                g.fill(path.apply(gaps.fill(k, held, heldPrepared)));
            }
            g.setColor(new Color(0x555555));
            g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, new float[] {6, 5},
                    0));
            g.draw(path.apply(zone));
        }
        g.setStroke(new BasicStroke(1.4f));
        g.setColor(new Color(0x333333));
        for (Region r : catalogue.regions()) {
            g.draw(path.apply(r.geometry()));
        }
        if (markCloseUp) {
            g.setStroke(new BasicStroke(2f));
            g.setColor(Color.BLACK);
            g.draw(path.apply(GF.toGeometry(new Envelope(33.35, 33.95, 44.38, 44.72))));
        }
        g.setClip(null);
        g.setColor(new Color(0x888888));
        g.setStroke(new BasicStroke(1f));
        g.drawRect(px, py, pw, ph);
        g.dispose();
    }

    private static void ring(Path2D p, Coordinate[] cs, MapProjection proj, double scale, double ox, double oy,
            Envelope pv) {
        if (cs.length == 0) {
            return;
        }
        for (int i = 0; i < cs.length; i++) {
            Coordinate c = proj.project(cs[i].x, cs[i].y);
            double x = ox + (c.x - pv.getMinX()) * scale;
            double y = oy + (pv.getMaxY() - c.y) * scale;
            if (i == 0) {
                p.moveTo(x, y);
            } else {
                p.lineTo(x, y);
            }
        }
        p.closePath();
    }
}
